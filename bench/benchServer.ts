/**
 * One Orgraph server in a process of its own, forked by bench/throughput.ts (from this tree, or from a copy of an
 * older commit for the side-by-side "before" figure). It only uses startServer/loadConfig, which every commit
 * compared has. Receives { databaseUrl, env } over IPC, answers { url } once listening, closes on 'stop'.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import { createDataSource } from '../src/core/db';
import { startServer, type RunningServer } from '../src/app/server';

interface Job {
  databaseUrl: string;
  poolSize: number;
  env: Record<string, string>;
}

let running: { server: RunningServer; close: () => Promise<void> } | null = null;

process.on('message', async (message: Job | 'stop') => {
  if (message === 'stop') {
    await running?.close().catch(() => undefined);
    process.exit(0);
  }
  try {
    const db = createDataSource({ url: message.databaseUrl, poolSize: message.poolSize });
    await db.initialize();
    const server = await startServer({ db, config: loadConfig(message.env), logger: createLogger('silent'), port: 0 });
    running = {
      server,
      close: async () => {
        await server.close();
        await db.destroy();
      },
    };
    process.send!({ url: server.url });
  } catch (error) {
    process.send!({ error: String((error as Error)?.stack ?? error) });
  }
});
