import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './support/ports';
import { DataSource } from 'typeorm';
import { allMigrations } from '../migrations';
import { startEmbeddedPostgres } from '../src/core/embeddedPostgres';
import { databaseUrl, withAdminClient } from './support/testDatabase';
import { ensureChromium } from './support/chromium';

/**
 * Prepares PostgreSQL for the run: TEST_DATABASE_URL's server when set, else an embedded one in a temp folder.
 * Migrations run once into a template database that every test file clones.
 */
export default async function globalSetup(): Promise<void> {
  ensureChromium();
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-test-pg-'));
    fs.chmodSync(dataDir, 0o777);
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port: await freePort(), ephemeral: true });
    (globalThis as { __orgraphEmbedded?: unknown }).__orgraphEmbedded = { embedded, dataDir };
    adminUrl = embedded.adminUrl;
  }
  const template = `orgraph_template_${crypto.randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${template}`));
  const db = new DataSource({ type: 'postgres', url: databaseUrl(adminUrl, template), migrations: allMigrations, migrationsTableName: 'schema_migrations' });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  await db.destroy();
  process.env.ORGRAPH_TEST_ADMIN_URL = adminUrl;
  process.env.ORGRAPH_TEST_TEMPLATE_DB = template;
}

