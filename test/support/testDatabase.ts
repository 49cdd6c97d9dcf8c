import crypto from 'node:crypto';
import { Client } from 'pg';

/** Where globalSetup left the test cluster: an admin URL and the migrated template database's name. */
export function testDatabaseEnv(): { adminUrl: string; template: string } {
  const adminUrl = process.env.ORGRAPH_TEST_ADMIN_URL;
  const template = process.env.ORGRAPH_TEST_TEMPLATE_DB;
  if (!adminUrl || !template) throw new Error('test database not prepared: run the tests through jest (globalSetup)');
  return { adminUrl, template };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(adminUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, cloned from the migrated template (fast: a file copy, no migrations). */
export async function createIsolatedDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { adminUrl, template } = testDatabaseEnv();
  const name = `orgraph_test_${crypto.randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (error) {
        // Two files cloning the template at the same instant can collide; retry briefly.
        if (attempt >= 20 || !String((error as Error).message).includes('being accessed')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** The default TimeZone of a database's new sessions (`ALTER DATABASE … SET TimeZone`), as an operator may have set it. */
export async function setDatabaseTimeZone(url: string, zone: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdminClient(testDatabaseEnv().adminUrl, (client) => client.query(`ALTER DATABASE ${client.escapeIdentifier(name)} SET TimeZone = ${client.escapeLiteral(zone)}`));
}
