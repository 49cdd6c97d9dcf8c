import type { FormattedExecutionResult, GraphQLResolveInfo } from 'graphql';
import { currentRequestScope } from './requestScope';
import { finishServerTiming } from './serverTiming';

type ResponsePath = Array<string | number>;

/**
 * Pre-serialized JSON for parts of one operation's answer. A resolver whose list is already JSON text (built by
 * PostgreSQL) resolves the list as empty and registers the text under the list's response path; the text replaces
 * the empty list when the answer is stringified. Large usage pages skip rows → objects → GraphQL → JSON that way
 * (turning 49,000 rows into objects and back cost more than the SQL that produced them).
 *
 * The executor hands every operation its own OperationRoot as root value, so operations of one batched HTTP request
 * (which share the context) never see each other's splices.
 */
export class OperationRoot {
  readonly splices: Array<{ path: ResponsePath; json: string }> = [];
}

const splicesByData = new WeakMap<object, OperationRoot>();

/** The operation's splice register, or null where answers are not stringified by stringifyResult (no fast path). */
export function operationRoot(info: GraphQLResolveInfo): OperationRoot | null {
  return info.rootValue instanceof OperationRoot ? info.rootValue : null;
}

/** Called by the executor: the answer's data object carries its operation's splices to stringifyResult. */
export function attachSplices(data: unknown, root: OperationRoot): void {
  if (root.splices.length && data && typeof data === 'object') splicesByData.set(data, root);
}

/** The response path of a field (aliases and list indexes), from the root. */
export function responsePath(info: GraphQLResolveInfo): ResponsePath {
  const path: ResponsePath = [];
  for (let node: GraphQLResolveInfo['path'] | undefined = info.path; node; node = node.prev) path.unshift(node.key);
  return path;
}

/**
 * Apollo's stringifyResult: JSON.stringify (as Apollo's default, with its trailing newline), with each registered
 * splice's text in place of the value at its path. A path that no longer exists (an error nulled a parent) is skipped.
 * The last stage of Server-Timing when it is on.
 */
export function stringifyResult(value: FormattedExecutionResult): string {
  const started = performance.now();
  const text = stringifyWithSplices(value);
  finishServerTiming(currentRequestScope(), started);
  return text;
}

function stringifyWithSplices(value: FormattedExecutionResult): string {
  const root = value.data ? splicesByData.get(value.data) : undefined;
  if (!root) return JSON.stringify(value) + '\n';
  // Markers carry a random nonce: no string in the answer can imitate one.
  const nonce = `\u0000splice-${Math.random().toString(36).slice(2)}-`;
  const texts: string[] = [];
  for (const { path, json } of root.splices) {
    // The answer is plain JSON data: walk it by the response path's keys and indexes.
    let holder = value.data as unknown;
    for (let i = 0; i < path.length - 1 && holder; i++) holder = (holder as Record<string | number, unknown>)[path[i]];
    const key = path[path.length - 1];
    if (!holder || typeof holder !== 'object' || !Array.isArray((holder as Record<string | number, unknown>)[key])) continue;
    (holder as Record<string | number, unknown>)[key] = `${nonce}${texts.length}`;
    texts.push(json);
  }
  const skeleton = JSON.stringify(value);
  if (!texts.length) return skeleton + '\n';
  const marker = JSON.stringify(nonce).slice(0, -1);
  const parts = skeleton.split(marker);
  let out = parts[0];
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    const end = part.indexOf('"');
    out += texts[Number(part.slice(0, end))] + part.slice(end + 1);
  }
  return out + '\n';
}
