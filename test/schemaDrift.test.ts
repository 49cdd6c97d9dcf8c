import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { printOrgraphSchema } from '../src/app/schema';

const run = promisify(execFile);
const root = path.join(__dirname, '..');

describe('schema drift check', () => {
  it('the committed schema/schema.graphql is what src/ builds', () => {
    expect(fs.readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8')).toBe(printOrgraphSchema());
  });

  it('npm run schema:check fails on a stale schema, naming the command to run, and passes on a fresh one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-drift-'));
    const stale = path.join(dir, 'schema.graphql');
    fs.writeFileSync(stale, printOrgraphSchema().replace('type Team implements Node {', 'type Team implements Node {\n  removedField: String'));
    const script = ['ts-node', '--transpile-only', 'scripts/printSchema.ts', '--check', '--file', stale];
    const failure = await run('npx', script, { cwd: root }).then(
      () => null,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('npm run schema:print');

    fs.writeFileSync(stale, printOrgraphSchema());
    await expect(run('npx', script, { cwd: root })).resolves.toBeDefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
