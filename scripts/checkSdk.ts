import fs from 'node:fs';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run schema:check` (second half): fails when sdk/src/generated or test/support/gql differs from what
 * graphql-codegen produces from schema/schema.graphql and the documents (sdk/operations, the tests' `graphql()`
 * calls), or when a document no longer matches the schema. `--schema <file>` checks against another schema file
 * (the drift test uses it to prove a stale SDK fails).
 */
const root = path.join(__dirname, '..');
const generatedDirs = [path.join(root, 'sdk', 'src', 'generated'), path.join(root, 'test', 'support', 'gql')];
const FIX = 'Run `npm run schema:print && npm run sdk:generate` and commit the result.';

async function main(): Promise<void> {
  const { config } = await loadCodegenConfig({ configFilePath: path.join(root, 'codegen.yml') });
  const schemaFlag = process.argv.indexOf('--schema');
  if (schemaFlag > 0) config.schema = path.resolve(process.argv[schemaFlag + 1]);

  let outputs: Array<{ filename: string; content: string }>;
  try {
    outputs = await generate({ ...config, cwd: root, silent: true }, false);
  } catch (error) {
    fail(`The SDK operations in sdk/operations or the tests' graphql() documents do not match the schema:\n${describe(error)}\nFix the operations, then ${lowerFirst(FIX)}`);
  }

  const expected = new Map(outputs.map((output) => [path.resolve(root, output.filename), output.content]));
  const problems: string[] = [];
  for (const [file, content] of expected) {
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (committed === null) problems.push(`missing ${path.relative(root, file)}`);
    else if (committed !== content) problems.push(`stale ${path.relative(root, file)}`);
  }
  for (const generatedDir of generatedDirs) {
    for (const name of fs.existsSync(generatedDir) ? fs.readdirSync(generatedDir) : []) {
      const file = path.join(generatedDir, name);
      if (!expected.has(file)) problems.push(`unexpected ${path.relative(root, file)}`);
    }
  }
  if (problems.length) fail(`The generated SDK or test documents are out of date (${problems.join(', ')}). ${FIX}`);
  console.log('sdk/src/generated and test/support/gql are up to date.');
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function describe(error: unknown): string {
  const details = (error as { errors?: unknown[] }).errors;
  if (Array.isArray(details) && details.length) return details.map((detail) => String((detail as Error).message ?? detail)).join('\n');
  return error instanceof Error ? error.message : String(error);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

void main();
