import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';

/**
 * The `operation` label of the GraphQL metrics. Operation names are chosen by clients: used as a Prometheus label,
 * 100 anonymous requests with random names grew `/metrics` from 17 KB to 5.7 MB (issue 16). Only the names of the
 * SDK's own operations (sdk/operations/*.graphql, read once at start) are labels; every other name counts as
 * `other`, an unnamed operation as `anonymous`. The label set is therefore fixed by the build.
 */
let known: ReadonlySet<string> | null = null;

function findOperationsDir(): string | null {
  // src/core in development, dist/src/core once built: the repository's sdk/operations is a few levels up.
  for (let dir = __dirname, depth = 0; depth < 5; dir = path.dirname(dir), depth += 1) {
    const candidate = path.join(dir, 'sdk', 'operations');
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export function knownOperationNames(): ReadonlySet<string> {
  if (known) return known;
  const names = new Set<string>();
  const dir = findOperationsDir();
  for (const file of dir ? fs.readdirSync(dir).filter((name) => name.endsWith('.graphql')) : []) {
    for (const definition of parse(fs.readFileSync(path.join(dir!, file), 'utf8')).definitions) {
      if (definition.kind === 'OperationDefinition' && definition.name) names.add(definition.name.value);
    }
  }
  known = names;
  return known;
}

export function operationLabel(operationName: string | null | undefined): string {
  if (!operationName) return 'anonymous';
  return knownOperationNames().has(operationName) ? operationName : 'other';
}
