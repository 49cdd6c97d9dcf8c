import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Finds the places in the source that write a table, so a test can hold each write to the table's owner.
 *
 * Two kinds of write are seen: SQL in any string or template literal (INSERT INTO, UPDATE, DELETE FROM, TRUNCATE,
 * ALTER TABLE, DROP TABLE, COPY … FROM), and TypeORM writes (save/insert/update/delete/remove/upsert/… on a
 * repository of an entity, on a manager given the entity class, or a query builder's insert().into(Entity)).
 * The parse is syntactic (no type checker) so it runs in a second; a repository is recognised by how it was obtained
 * (`getRepository(Entity)`) or declared (`Repository<Entity>`), which is how this code base writes them.
 */

export interface TableWrite {
  file: string;
  line: number;
  table: string;
  how: string;
}

 
const SQL_WRITE =
  // eslint-disable-next-line no-control-regex -- NUL is the HOLE marker standing for a template literal's ${…}
  /\b(INSERT\s+INTO|(?<!\bDO\s+|\bFOR\s+|\bFOR\s+NO\s+KEY\s+)UPDATE(?:\s+ONLY)?|DELETE\s+FROM(?:\s+ONLY)?|TRUNCATE(?:\s+TABLE)?(?:\s+ONLY)?|ALTER\s+TABLE(?:\s+IF\s+EXISTS)?(?:\s+ONLY)?|DROP\s+TABLE(?:\s+IF\s+EXISTS)?|COPY)\s+((?:"[^"]+"|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"[^"]+"|[A-Za-z_][\w$]*))?|\u0000)(\u0000)?/gi;

const WRITE_METHODS = new Set([
  'save', 'insert', 'update', 'delete', 'remove', 'upsert', 'softDelete', 'softRemove', 'restore', 'recover',
  'increment', 'decrement', 'clear', 'into', 'from',
]);

/** Whether a call chain (`a.b().c()`) includes a call of `method`. */
function chainCalls(node: ts.Expression, method: string): boolean {
  let current: ts.Expression = node;
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) {
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && current.expression.name.text === method) return true;
    current = current.expression;
  }
  return false;
}

/** A placeholder for `${…}` in a template: not an identifier character, so a table name ends where it starts. */
const HOLE = '\u0000';

function unquote(part: string): string {
  const trimmed = part.trim();
  return trimmed.startsWith('"') ? trimmed.slice(1, -1) : trimmed.toLowerCase();
}

/** Schema-qualified names keep a non-public schema ("pgboss.job"); "public.teams" and "teams" are the same table. */
function tableName(raw: string): string {
  const parts = raw.split('.').map(unquote);
  if (parts.length === 2) return parts[0] === 'public' ? parts[1] : `${parts[0]}.${parts[1]}`;
  return parts[0];
}

/**
 * Tables a literal's SQL writes. `known` decides what counts as a table, so English in an error message
 * ("could not update the key") is not taken for SQL; a name cut short by a `${…}` hole matches every known table it
 * starts (`usage_rollup_${bucket}`), and a name ending in `_YYYYMM` is the partition of its parent.
 */
export function sqlWrites(
  text: string,
  known: ReadonlySet<string>,
  named: readonly string[] = [],
): Array<{ offset: number; table: string; how: string }> {
  const found: Array<{ offset: number; table: string; how: string }> = [];
  for (const match of text.matchAll(SQL_WRITE)) {
    const verb = match[1].replace(/\s+/g, ' ').toUpperCase();
    if (match[2] === HOLE) {
      // A table chosen at run time (`UPDATE ${table}`): it is one of the tables the file names in a literal of its
      // own; a file that names none cannot be checked, and says so.
      for (const table of named.length ? named : ['(a table chosen at run time)']) found.push({ offset: match.index ?? 0, table, how: `SQL ${verb.split(' ')[0]}` });
      continue;
    }
    const name = tableName(match[2]);
    const after = text.slice((match.index ?? 0) + match[0].length);
    if (verb === 'COPY' && !/^\s*(\([^)]*\)\s*)?FROM\b/i.test(after)) continue;
    const tables: string[] = [];
    if (match[3] === HOLE) tables.push(...[...known].filter((table) => table.startsWith(name)));
    else if (known.has(name) || name.includes('.')) tables.push(name);
    else {
      const parent = /^(.*)_\d{6}$/.exec(name)?.[1];
      if (parent && known.has(parent)) tables.push(parent);
    }
    for (const table of tables) found.push({ offset: match.index ?? 0, table, how: `SQL ${verb.split(' ')[0]}` });
  }
  return found;
}

function literalText(node: ts.Node): { text: string; start: number } | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.text, start: node.getStart() + 1 };
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) text += HOLE + span.literal.text;
    return { text, start: node.getStart() + 1 };
  }
  return undefined;
}

/** Entity class name → table, from `@Entity('name')` or `@Entity({ name: 'name' })`. */
export function entityTables(files: Array<{ file: string; source: string }>): Map<string, string> {
  const map = new Map<string, string>();
  for (const { file, source } of files) {
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    sf.forEachChild(function visit(node) {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const decorator of ts.getDecorators(node) ?? []) {
          const call = decorator.expression;
          if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Entity') continue;
          const [arg] = call.arguments;
          let name: string | undefined;
          if (arg && ts.isStringLiteral(arg)) name = arg.text;
          if (arg && ts.isObjectLiteralExpression(arg)) {
            for (const prop of arg.properties) {
              if (ts.isPropertyAssignment(prop) && prop.name.getText(sf) === 'name' && ts.isStringLiteral(prop.initializer)) name = prop.initializer.text;
            }
          }
          if (name) map.set(node.name.text, name);
        }
      }
      node.forEachChild(visit);
    });
  }
  return map;
}

/** The entity a repository expression stands for: `x.getRepository(E)`, or a name bound to one in the file. */
function repositoryEntity(node: ts.Expression, bound: Map<string, string>, entities: Map<string, string>): string | undefined {
  let current: ts.Expression = node;
  for (;;) {
    if (ts.isCallExpression(current)) {
      const callee = current.expression;
      if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'getRepository' || callee.name.text === 'createQueryBuilder')) {
        const [arg] = current.arguments;
        if (arg && ts.isIdentifier(arg) && entities.has(arg.text)) return arg.text;
        // A repository's query builder (`repo.createQueryBuilder('t')`) is the repository's entity.
        if (callee.name.text === 'getRepository') return undefined;
      }
      current = callee;
    } else if (ts.isPropertyAccessExpression(current)) {
      const key = current.name.text;
      if (current.expression.kind === ts.SyntaxKind.ThisKeyword && bound.has(key)) return bound.get(key);
      current = current.expression;
    } else if (ts.isIdentifier(current)) {
      return bound.get(current.text);
    } else if (ts.isParenthesizedExpression(current) || ts.isAwaitExpression(current) || ts.isNonNullExpression(current)) {
      current = current.expression;
    } else return undefined;
  }
}

/** Names bound to a repository: `const r = tx.getRepository(E)`, `private r: Repository<E>`, parameters typed so. */
function boundRepositories(sf: ts.SourceFile, entities: Map<string, string>): Map<string, string> {
  const bound = new Map<string, string>();
  sf.forEachChild(function visit(node) {
    if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node)) && ts.isIdentifier(node.name)) {
      const type = node.type;
      if (type && ts.isTypeReferenceNode(type) && type.typeName.getText(sf) === 'Repository') {
        const [arg] = type.typeArguments ?? [];
        if (arg && ts.isTypeReferenceNode(arg) && entities.has(arg.typeName.getText(sf))) bound.set(node.name.text, arg.typeName.getText(sf));
      }
      if (node.initializer) {
        const entity = repositoryEntity(node.initializer, new Map(), entities);
        if (entity) bound.set(node.name.text, entity);
      }
    }
    node.forEachChild(visit);
  });
  return bound;
}

/** Every table write in one source file. */
export function writesIn(file: string, source: string, entities: Map<string, string>, known: ReadonlySet<string>): TableWrite[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const bound = boundRepositories(sf, entities);
  const writes: TableWrite[] = [];
  const at = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const named: string[] = [];
  sf.forEachChild(function collect(node) {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && known.has(node.text)) named.push(node.text);
    node.forEachChild(collect);
  });
  sf.forEachChild(function visit(node) {
    const literal = literalText(node);
    if (literal) {
      for (const write of sqlWrites(literal.text, known, [...new Set(named)])) {
        // Offsets count template holes as one character; the line is still right because holes rarely span lines.
        writes.push({ file, line: at(literal.start + write.offset), table: write.table, how: write.how });
      }
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && WRITE_METHODS.has(node.expression.name.text)) {
      const method = node.expression.name.text;
      const [first] = node.arguments;
      let entity = method === 'into' ? undefined : repositoryEntity(node.expression.expression, bound, entities);
      // `.update()` / `.delete()` / `.insert()` on a builder over an entity is counted there; `.into(E)` and
      // `.delete().from(E)` name the entity themselves.
      if (!entity && first && ts.isIdentifier(first) && entities.has(first.text)) entity = first.text;
      if (method === 'from' && !chainCalls(node.expression.expression, 'delete')) entity = undefined;
      if (entity) writes.push({ file, line: at(node.getStart()), table: entities.get(entity)!, how: `TypeORM ${method}(${entity})` });
    }
    node.forEachChild(visit);
  });
  return writes;
}

export function sourceFiles(root: string): Array<{ file: string; source: string }> {
  const out: Array<{ file: string; source: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) out.push({ file: full, source: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** `src/<module>/…` → module; files directly under src belong to the app. */
export function moduleOf(srcRoot: string, file: string): string {
  const [first, ...rest] = path.relative(srcRoot, file).split(path.sep);
  return rest.length ? first : 'app';
}
