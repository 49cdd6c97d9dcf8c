import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.join(__dirname, '..');
const script = ['ts-node', '--transpile-only', 'scripts/checkSdk.ts'];

async function failureOf(args: string[]): Promise<{ code: number; stderr: string } | null> {
  return run('npx', [...script, ...args], { cwd: root }).then(
    () => null,
    (error: unknown) => error as { code: number; stderr: string },
  );
}

describe('SDK codegen drift check', () => {
  it('the committed sdk/src/generated is what codegen produces from the committed schema', async () => {
    expect(await failureOf([])).toBeNull();
  });

  it('fails on a schema change the SDK was not regenerated for, naming the commands to run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-sdk-drift-'));
    try {
      const schema = fs.readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8');
      const changed = path.join(dir, 'changed.graphql');
      // A new input field changes the generated input type the SDK's createTeam method accepts.
      fs.writeFileSync(changed, schema.replace('input CreateTeamInput {', 'input CreateTeamInput {\n  """New."""\n  color: String\n'));
      const stale = await failureOf(['--schema', changed]);
      expect(stale?.code).toBe(1);
      expect(stale?.stderr).toContain('npm run schema:print && npm run sdk:generate');
      // The tests' typed documents (test/support/gql) use CreateTeamInput too, so their types are stale as well.
      expect(stale?.stderr).toContain('stale test/support/gql/graphql.ts');

      // Removing a field an operation selects is reported as an operation/schema mismatch, with the same fix.
      const broken = path.join(dir, 'broken.graphql');
      fs.writeFileSync(broken, schema.replace(/(type Team implements Node \{[\s\S]*?)\n {2}"""Your effective role[^\n]*\n {2}viewerRole: TeamRole\n/, '$1\n'));
      const mismatch = await failureOf(['--schema', broken]);
      expect(mismatch?.code).toBe(1);
      expect(mismatch?.stderr).toContain('Cannot query field "viewerRole" on type "Team"');
      expect(mismatch?.stderr).toContain('npm run schema:print && npm run sdk:generate');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
