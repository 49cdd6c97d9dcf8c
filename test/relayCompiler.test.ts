import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';

/**
 * Relay's own compiler (the `relay-compiler` npm package, whose binary ships inside the package) compiles, against
 * schema/schema.graphql, fragments generated from the schema itself: `@refetchable` on every Node type (which needs
 * `node(id:)` and a globally unique `id`), and `@connection` on every connection field of a Node type (which needs
 * `first`/`after`, `edges { cursor node }` and `pageInfo`). A new Node type or connection is covered without an edit.
 */
const SCHEMA_FILE = path.join(__dirname, '..', 'schema', 'schema.graphql');
const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
const MODULE = 'RelayCheck';

const nodeTypes = Object.values(schema.getTypeMap()).filter(
  (type): type is GraphQLObjectType => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'),
);

const isConnection = (type: unknown): type is GraphQLObjectType =>
  isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields() && 'pageInfo' in type.getFields();

/** Every leaf field of a type that takes no required arguments (what a component would read). */
function leafSelection(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .filter((field) => isLeafType(getNamedType(field.type)) && !field.args.some((arg) => isNonNullType(arg.type)))
    .map((field) => field.name)
    .join(' ');
}

function fragmentsFor(type: GraphQLObjectType): string[] {
  const fragments = [
    `fragment ${MODULE}_${type.name} on ${type.name} @refetchable(queryName: "${MODULE}${type.name}RefetchQuery") { ${leafSelection(type)} }`,
  ];
  for (const field of Object.values(type.getFields())) {
    const connection = getNamedType(field.type);
    if (!isConnection(connection)) continue;
    const node = getNamedType((getNamedType(connection.getFields().edges.type) as GraphQLObjectType).getFields().node.type) as GraphQLObjectType;
    // Required arguments other than the page (e.g. a month) become fragment arguments.
    const extra = field.args.filter((arg) => arg.name !== 'first' && arg.name !== 'after' && isNonNullType(arg.type));
    const definitions = [`count: { type: "Int", defaultValue: 10 }`, `cursor: { type: "String" }`, ...extra.map((arg) => `${arg.name}: { type: "${String(arg.type)}" }`)];
    const call = [`first: $count`, `after: $cursor`, ...extra.map((arg) => `${arg.name}: $${arg.name}`)].join(', ');
    const name = `${MODULE}_${type.name}${field.name[0].toUpperCase()}${field.name.slice(1)}`;
    fragments.push(
      `fragment ${name} on ${type.name} @refetchable(queryName: "${name.replace('_', '')}PaginationQuery") @argumentDefinitions(${definitions.join(', ')}) {
        ${field.name}(${call}) @connection(key: "${name}_${field.name}") { totalCount edges { node { ${isObjectType(node) && 'id' in node.getFields() ? 'id ' : ''}${leafSelection(node)} } } }
      }`,
    );
  }
  return fragments;
}

it('relay-compiler compiles @refetchable on every Node type, @connection on every connection of one, and node(id:)', async () => {
  expect(nodeTypes.length).toBeGreaterThan(10);
  const fragments = nodeTypes.flatMap(fragmentsFor);
  const connections = fragments.filter((fragment) => fragment.includes('@connection'));
  // Team.invoices, Team.spendingAlerts, Team.modelAccessRules among them: every growing list of a Node is a connection.
  expect(connections.map((fragment) => /fragment (\w+)/.exec(fragment)![1])).toEqual(
    expect.arrayContaining([`${MODULE}_TeamInvoices`, `${MODULE}_TeamSpendingAlerts`, `${MODULE}_TeamModelAccessRules`, `${MODULE}_OrganizationTeams`, `${MODULE}_OrganizationMembers`, `${MODULE}_TeamApiKeys`]),
  );
  // One node(id:) query per type, as a page reading one object would (a single selection spreading every type's
  // fragment is not valid GraphQL: same-named fields of different types must have the same shape).
  const queries = nodeTypes.map((type) => `query ${MODULE}${type.name}NodeQuery($id: ID!) { node(id: $id) { __typename id ...${MODULE}_${type.name} @alias(as: "as${type.name}") } }`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-relay-'));
  fs.mkdirSync(path.join(dir, 'src', '__generated__'), { recursive: true });
  const source = [...queries, ...fragments].map((document) => `graphql\`${document}\`;`).join('\n');
  fs.writeFileSync(path.join(dir, 'src', `${MODULE}.ts`), `declare const graphql: (s: TemplateStringsArray) => unknown;\n${source}\n`);
  fs.writeFileSync(
    path.join(dir, 'relay.config.json'),
    JSON.stringify({
      src: './src',
      schema: SCHEMA_FILE,
      language: 'typescript',
      artifactDirectory: './src/__generated__',
      customScalarTypes: { DateTimeISO: 'string', Decimal: 'string', JSON: 'unknown' },
    }),
  );
  const binary: string | null = require('relay-compiler');
  expect(binary).toBeTruthy();
  const run = await promisify(execFile)(binary!, [], { cwd: dir }).catch((error: unknown) => error as { stdout: string; stderr: string; code: number });
  const output = `${run.stdout}\n${run.stderr}`;
  // On failure the diff shows the compiler's own messages.
  expect({ code: 'code' in run ? run.code : 0, output }).toEqual({ code: 0, output });
  const artifacts = fs.readdirSync(path.join(dir, 'src', '__generated__'));
  // One artifact per fragment, plus the refetch query of each @refetchable and the node query.
  for (const type of nodeTypes) {
    expect(artifacts).toContain(`${MODULE}_${type.name}.graphql.ts`);
    expect(artifacts).toContain(`${MODULE}${type.name}RefetchQuery.graphql.ts`);
    expect(artifacts).toContain(`${MODULE}${type.name}NodeQuery.graphql.ts`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
