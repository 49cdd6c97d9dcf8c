/**
 * One Orgraph server in a process of its own, forked by bench/throughput.ts (from this tree, or from a copy of an
 * older commit for the side-by-side "before" figure). It only uses startServer/loadConfig, which every commit
 * compared has. Receives { databaseUrl, env } over IPC, answers { url } once listening, closes on 'stop'.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/core/config';
import { createLogger } from '../src/core/logger';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from '../src/app/server';

interface Job {
  databaseUrl: string;
  poolSize: number;
  env: Record<string, string>;
}

/**
 * The app's DataSource of whichever tree this runs in: since the module redesign the app passes its entities and
 * migrations to core (src/app/database.ts); older commits compared as "before" built it in core alone.
 */
function appDataSource(options: { url: string; poolSize: number }): import('typeorm').DataSource {
   
  if (fs.existsSync(path.join(__dirname, '..', 'src', 'app', 'database.ts'))) {
    return (require('../src/app/database') as { createAppDataSource: (o: typeof options) => import('typeorm').DataSource }).createAppDataSource(options);
  }
  return (require('../src/core/db') as { createDataSource: (o: typeof options) => import('typeorm').DataSource }).createDataSource(options);
   
}

let running: { server: RunningServer; close: () => Promise<void> } | null = null;

process.on('message', async (message: Job | 'stop') => {
  if (message === 'stop') {
    await running?.close().catch(() => undefined);
    process.exit(0);
  }
  try {
    const db = appDataSource({ url: message.databaseUrl, poolSize: message.poolSize });
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
