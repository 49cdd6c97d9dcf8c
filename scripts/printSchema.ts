import fs from 'node:fs';
import path from 'node:path';
import { printOrgraphSchema } from '../src/app/schema';

/**
 * `npm run schema:print` writes schema/schema.graphql from src/; `--check` fails when the committed file differs
 * (CI's drift check).
 */
const fileFlag = process.argv.indexOf('--file');
const target = fileFlag > 0 ? path.resolve(process.argv[fileFlag + 1]) : path.join(__dirname, '..', 'schema', 'schema.graphql');
const printed = printOrgraphSchema();

if (process.argv.includes('--check')) {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (committed !== printed) {
    console.error(`${path.relative(process.cwd(), target)} is stale: it differs from what src/ builds. Run \`npm run schema:print && npm run sdk:generate\` and commit the result.`);
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date.');
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, printed);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
