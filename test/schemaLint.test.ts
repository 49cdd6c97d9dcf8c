import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { printOrgraphSchema } from '../src/app/schema';

// graphql-schema-linter ships no types; its runner is the CLI without the process around it.
 
const { runner } = require('graphql-schema-linter') as { runner: { run(stdout: Writable, stdin: NodeJS.ReadableStream, stderr: Writable, argv: string[]): Promise<number> } };

/**
 * The schema linter at zero findings, with every rule it has: descriptions on every type, field, argument, input
 * field and enum value; Relay's connection, connection-argument and PageInfo rules (so a `*Connection` type is a
 * connection); naming and casing. Lints the schema the server builds (not only the committed file), so a field added
 * without a description fails here before anyone prints the schema.
 */
async function lint(sdl: string): Promise<{ code: number; findings: string[] }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-lint-')), 'schema.graphql');
  fs.writeFileSync(file, sdl);
  let output = '';
  const sink = new Writable({ write: (chunk, _encoding, done) => ((output += String(chunk)), done()) });
  const code = await runner.run(sink, process.stdin, sink, ['node', 'graphql-schema-linter', '--format', 'json', file]);
  const report = JSON.parse(output) as { errors: Array<{ message: string; location: { line: number }; rule: string }> };
  return { code, findings: report.errors.map((error) => `${error.rule}: ${error.message}`) };
}

it('the schema the server builds has zero findings', async () => {
  const result = await lint(printOrgraphSchema());
  expect(result.findings).toEqual([]);
  expect(result.code).toBe(0);
});

it('the committed schema/schema.graphql has zero findings', async () => {
  const result = await lint(fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
  expect(result.findings).toEqual([]);
});

it('reports what it is meant to catch (so zero findings means something)', async () => {
  const result = await lint(`type Query { a: String }
"""A thing."""
type SsoConnection { """x""" issuer: String }
"""An enum."""
enum Color { RED }
`);
  expect(result.code).not.toBe(0);
  const rules = new Set(result.findings.map((finding) => finding.split(':')[0]));
  expect([...rules].sort()).toEqual(expect.arrayContaining(['enum-values-have-descriptions', 'fields-have-descriptions', 'relay-connection-types-spec', 'types-have-descriptions']));
});
