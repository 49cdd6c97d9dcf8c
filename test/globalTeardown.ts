import fs from 'node:fs';
import type { EmbeddedDatabase } from '../src/core/embeddedPostgres';
import { withAdminClient } from './support/testDatabase';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __orgraphEmbedded?: { embedded: EmbeddedDatabase; dataDir: string } }).__orgraphEmbedded;
  if (state) {
    await state.embedded.stop();
    fs.rmSync(state.dataDir, { recursive: true, force: true });
    return;
  }
  // On a shared server, drop the template and any test databases left by crashed files.
  const adminUrl = process.env.ORGRAPH_TEST_ADMIN_URL;
  const template = process.env.ORGRAPH_TEST_TEMPLATE_DB;
  if (adminUrl && template) {
    await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  }
}
