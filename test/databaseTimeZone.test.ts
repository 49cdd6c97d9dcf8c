import crypto from 'node:crypto';
import { createAppDataSource } from '../src/app/database';
import { migrate } from '../src/core/db';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createOrganization, createTeam, signUp } from './support/factories';
import { databaseUrl, setDatabaseTimeZone, testDatabaseEnv, withAdminClient } from './support/testDatabase';

/**
 * Orgraph's instants are UTC whatever the database's default zone (an operator's `ALTER DATABASE … SET TimeZone`, or
 * a server configured in local time): every connection sets TimeZone=UTC at start-up (src/core/db.ts). Found by an
 * outside model of money and time: on a New York database, one migration failed, ingest into gaps between month
 * partitions answered 500, and a record at 01:00Z on February 1 was billed to January.
 */
const NEW_YORK = 'America/New_York';

describe('a database whose default TimeZone is not UTC', () => {
  it('migrates from empty', async () => {
    const { adminUrl } = testDatabaseEnv();
    const name = `orgraph_test_tz_${crypto.randomBytes(6).toString('hex')}`;
    await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = databaseUrl(adminUrl, name);
    try {
      await setDatabaseTimeZone(url, NEW_YORK);
      const db = createAppDataSource({ url, poolSize: 1 });
      await db.initialize();
      try {
        expect((await migrate(db)).length).toBeGreaterThan(10);
      } finally {
        await db.destroy();
      }
    } finally {
      await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });

  describe('serving', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({}, { databaseTimeZone: NEW_YORK });
    });
    afterAll(() => app.close());

    it('runs every statement in UTC, ingests around month ends and bills each record to its UTC month', async () => {
      expect(await app.db.query(`SELECT current_setting('TimeZone') AS zone`)).toEqual([{ zone: 'UTC' }]);
      const admin = await signUp(app);
      const org = await createOrganization(app, admin);
      const team = await createTeam(app, admin, org.id);
      const instants = ['2024-02-01T01:00:00Z', '2024-03-30T12:00:00Z', '2024-03-31T23:30:00Z', '2024-05-31T12:00:00Z', '2024-10-31T23:30:00Z', '2024-11-01T00:30:00Z'];
      const records = instants.map((timestamp, i) => ({ id: `tz-${i}`, timestamp, teamUsername: team.username, product: 'COMPUTE', endpointId: 'custom/x', unit: 'u', quantity: '1', unitPrice: '1' }));
      const { ingestUsage } = await app.data(`mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { code } } }`, { input: { records } }, { bearer: TEST_INGEST_TOKEN });
      expect(ingestUsage).toEqual({ accepted: instants.length, rejected: [] });
      const quantities = async (month: string) => {
        const { organization } = await app.data(
          `query($slug: String!, $month: String!) { organization(slug: $slug) { invoices(month: $month, first: 100) { edges { node { lines { quantity } } } } } }`,
          { slug: org.slug, month },
          { token: admin.token },
        );
        return organization.invoices.edges.flatMap((edge: any) => edge.node.lines.map((line: any) => line.quantity));
      };
      expect(await quantities('2024-01')).toEqual([]);
      expect(await quantities('2024-02')).toEqual(['1']);
      expect(await quantities('2024-03')).toEqual(['2']);
      expect(await quantities('2024-10')).toEqual(['1']);
      expect(await quantities('2024-11')).toEqual(['1']);
    });
  });
});
