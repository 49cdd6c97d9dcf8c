import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './ports';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Resolves with the signal that ended the process (null for a normal exit). */
  exited: Promise<NodeJS.Signals | null>;
}

/**
 * `src/main.ts` as its own operating-system process on an existing, migrated database: another instance of the same
 * build, as a deployment would run it (own pools, own listener, own job workers), and one a test can SIGKILL.
 */
export async function startServerProcess(databaseUrl: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', 'src/main.ts'], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, NODE_ENV: 'test', SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`server process exited during start-up (code ${child.exitCode})`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok).catch(() => false)) return { child, url, exited };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server process did not become ready in 90 s');
}

/** Stops a process that is still running (SIGTERM: graceful shutdown) and waits for it. */
export async function stopServerProcess(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await server.exited;
  clearTimeout(timer);
}
