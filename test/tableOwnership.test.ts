import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createIsolatedDatabase } from './support/testDatabase';
import { entityTables, moduleOf, sourceFiles, sqlWrites, writesIn, type TableWrite } from './support/tableWrites';

/**
 * Only the module that owns a table writes it. Each module lists its tables in `src/<module>/tables.ts`; this test
 * finds every write in the source and fails on one made from another module's file, and checks that the migrated
 * database has no table without exactly one owner and that docs/tables.md lists the same owners.
 */

const SRC = path.resolve(__dirname, '../src');
const DOC = path.resolve(__dirname, '../docs/tables.md');

/** Schemas that are not ours: pg-boss keeps its queue there, and only the module wrapping pg-boss touches it. */
const FOREIGN_SCHEMAS: Record<string, string> = { pgboss: 'jobs' };
/** Tables in `public` written by a library, not by any module: TypeORM's record of applied migrations. */
// Written only by libraries: TypeORM's migration record and rate-limiter-flexible's budget store (docs/tables.md).
const LIBRARY_TABLES = new Set(['schema_migrations', 'rate_limit_budgets']);

function owners(): Map<string, string[]> {
  const byTable = new Map<string, string[]>();
  for (const module of fs.readdirSync(SRC)) {
    const file = path.join(SRC, module, 'tables.ts');
    if (!fs.existsSync(file)) continue;
     
    const { OWNED_TABLES } = require(file) as { OWNED_TABLES: readonly string[] };
    for (const table of OWNED_TABLES) byTable.set(table, [...(byTable.get(table) ?? []), module]);
  }
  return byTable;
}

function violations(byTable: Map<string, string[]>): Array<TableWrite & { owner: string }> {
  const files = sourceFiles(SRC);
  const entities = entityTables(files);
  const known = new Set(byTable.keys());
  const found: Array<TableWrite & { owner: string }> = [];
  for (const { file, source } of files) {
    const module = moduleOf(SRC, file);
    for (const write of writesIn(file, source, entities, known)) {
      const schema = write.table.includes('.') ? write.table.split('.')[0] : undefined;
      const owner = schema ? FOREIGN_SCHEMAS[schema] ?? `(schema ${schema}: no module)` : byTable.get(write.table)?.[0] ?? '(nobody)';
      if (owner !== module) found.push({ ...write, file: path.relative(path.resolve(SRC, '..'), file), owner });
    }
  }
  return found;
}

describe('table ownership', () => {
  const byTable = owners();

  it('gives every declared table exactly one owner', () => {
    const shared = [...byTable].filter(([, modules]) => modules.length !== 1).map(([table, modules]) => `${table}: ${modules.join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('finds no module writing a table it does not own', () => {
    const report = violations(byTable).map((v) => `${v.file}:${v.line} ${v.how} ${v.table} (owner: ${v.owner})`);
    expect(report).toEqual([]);
  });

  it('owns every table of the migrated database, partitions by their parent', async () => {
    const database = await createIsolatedDatabase();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ schema: string; name: string; parent: string | null }>(`
        SELECT n.nspname AS schema, c.relname AS name, parent.relname AS parent
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_inherits i ON i.inhrelid = c.oid
          LEFT JOIN pg_class parent ON parent.oid = i.inhparent
         WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`);
      const unowned = rows
        .filter((row) => !(row.schema in FOREIGN_SCHEMAS))
        .map((row) => (row.schema === 'public' ? row.parent ?? row.name : `${row.schema}.${row.name}`))
        .filter((table) => !LIBRARY_TABLES.has(table) && byTable.get(table)?.length !== 1);
      expect([...new Set(unowned)].sort()).toEqual([]);
      const present = new Set(rows.map((row) => row.name));
      expect([...byTable.keys()].filter((table) => !present.has(table))).toEqual([]);

      // A trigger writes for the module that owns the table it fires on: it may write only that module's tables.
      const triggers = await client.query<{ trigger: string; table: string; source: string }>(`
        SELECT t.tgname AS trigger, c.relname AS table, p.prosrc AS source
          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE NOT t.tgisinternal AND n.nspname = 'public'`);
      const known = new Set(byTable.keys());
      const crossing = triggers.rows.flatMap((row) =>
        sqlWrites(row.source, known)
          .filter((write) => !write.table.includes('.') && byTable.get(write.table)?.[0] !== byTable.get(row.table)?.[0])
          .map((write) => `${row.trigger} on ${row.table} (${byTable.get(row.table)?.[0]}) writes ${write.table} (${byTable.get(write.table)?.[0]})`),
      );
      expect(triggers.rows.length).toBeGreaterThan(0);
      expect(crossing).toEqual([]);
    } finally {
      await client.end();
      await database.drop();
    }
  });

  it('is listed in docs/tables.md exactly as the modules declare it', () => {
    const documented = [...fs.readFileSync(DOC, 'utf8').matchAll(/^\| `([a-z0-9_]+)` \| `([A-Za-z]+)` \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    const declared = [...byTable].map(([table, modules]) => `${table} ${modules[0]}`);
    expect(documented.sort()).toEqual(declared.sort());
  });
});

describe('the write finder', () => {
  const known = new Set(['teams', 'team_memberships', 'usage_rollup_1h', 'usage_rollup_1d', 'usage_records']);

  it('sees SQL writes however they are spelled', () => {
    const sql = (text: string) => sqlWrites(text, known).map((w) => `${w.how} ${w.table}`);
    expect(sql('UPDATE teams SET name = $1')).toEqual(['SQL UPDATE teams']);
    expect(sql('insert into public."team_memberships" (a) values (1)')).toEqual(['SQL INSERT team_memberships']);
    expect(sql('DELETE FROM ONLY\n  "teams" WHERE id = $1')).toEqual(['SQL DELETE teams']);
    expect(sql('TRUNCATE TABLE teams')).toEqual(['SQL TRUNCATE teams']);
    expect(sql('ALTER TABLE IF EXISTS usage_records DETACH PARTITION usage_records_202401')).toEqual(['SQL ALTER usage_records']);
    expect(sql('DROP TABLE usage_records_202401')).toEqual(['SQL DROP usage_records']);
    expect(sql('COPY teams (id) FROM STDIN')).toEqual(['SQL COPY teams']);
    expect(sql(`INSERT INTO usage_rollup_\u0000 SELECT 1`)).toEqual(['SQL INSERT usage_rollup_1h', 'SQL INSERT usage_rollup_1d']);
    expect(sql('UPDATE pgboss.job SET state = 1')).toEqual(['SQL UPDATE pgboss.job']);
    expect(sqlWrites('DELETE FROM \u0000 WHERE x', known, ['teams']).map((w) => w.table)).toEqual(['teams']);
    expect(sqlWrites('DELETE FROM \u0000 WHERE x', known).map((w) => w.table)).toEqual(['(a table chosen at run time)']);
  });

  it('leaves reads, locks, upserts and prose alone', () => {
    const sql = (text: string) => sqlWrites(text, known);
    expect(sql('SELECT * FROM teams FOR UPDATE OF teams')).toEqual([]);
    expect(sql('SELECT 1 FROM teams FOR NO KEY UPDATE')).toEqual([]);
    expect(sql('COPY teams TO STDOUT')).toEqual([]);
    expect(sql('Could not update the team')).toEqual([]);
    expect(sql('INSERT INTO teams (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = 1')).toHaveLength(1);
  });

  it('flags a synthetic module writing another module\'s table, by SQL and by TypeORM', () => {
    const entityFile = { file: '/x/src/teams/team.entity.ts', source: "@Entity('teams') export class Team {}" };
    const entities = entityTables([entityFile]);
    const snippet = `
      import { Team } from '../teams/team.entity';
      export class Intruder {
        private readonly teams: Repository<Team>;
        async go(tx: EntityManager) {
          await tx.query(\`UPDATE "teams" SET name = \${'x'} WHERE id = $1\`, [1]);
          const repo = tx.getRepository(Team);
          await repo.save(repo.create({}));
          await tx.getRepository(Team).update({ id: 1 }, { name: 'y' });
          await tx.delete(Team, { id: 1 });
          await this.teams.insert({});
          await tx.createQueryBuilder().insert().into(Team).values({}).execute();
          await tx.createQueryBuilder().delete().from(Team).where('id = 1').execute();
          await tx.createQueryBuilder(Team, 't').update().set({ name: 'z' }).execute();
          await tx.createQueryBuilder().select().from(Team, 't').getMany();
          await tx.query('SELECT * FROM teams');
          new Map().delete('teams');
        }
      }`;
    const writes = writesIn('/x/src/invites/intruder.ts', snippet, entities, known).map((w) => `${w.line} ${w.how} ${w.table}`);
    expect(writes).toEqual([
      '6 SQL UPDATE teams',
      '8 TypeORM save(Team) teams',
      '9 TypeORM update(Team) teams',
      '10 TypeORM delete(Team) teams',
      '11 TypeORM insert(Team) teams',
      '12 TypeORM into(Team) teams',
      '13 TypeORM from(Team) teams',
      '14 TypeORM update(Team) teams',
    ]);
    expect(moduleOf('/x/src', '/x/src/invites/intruder.ts')).toBe('invites');
  });
});
