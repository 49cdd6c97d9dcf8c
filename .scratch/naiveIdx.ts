import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ensureNaiveIndex } from '../bench/usageRequests';
async function main() {
  for (const name of process.argv.slice(2)) {
    const db = new DataSource({ type: 'postgres', url: `postgres://postgres@127.0.0.1:5432/${name}` });
    await db.initialize();
    const [{ id }] = await db.query(`SELECT id FROM organizations WHERE slug = 'bench-org'`);
    await ensureNaiveIndex(db, id);
    await db.destroy();
  }
}
main();
