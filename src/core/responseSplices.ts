import type { NextFunction, Request, Response } from 'express';
import type { FormattedExecutionResult, GraphQLResolveInfo } from 'graphql';
import { jsonPiecesText, recycleArenaAfter, sendJsonParts, type JsonPieces } from './jsonParts';
import { currentRequestScope, type RequestScope } from './requestScope';
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
 *
 * Over HTTP (sendSplicedAnswers) the texts are not even spliced into one string: stringifyResult answers the
 * skeleton with markers and the response writes skeleton parts and texts one after the other, so an 8 MB answer is
 * never held as one string and one Buffer besides its pieces.
 */
export class OperationRoot {
  readonly splices: Array<{ path: ResponsePath; json: JsonPieces }> = [];
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
  // Written in parts by the HTTP response when it asked for that; else spliced here.
  const deferred = currentRequestScope()?.splicedAnswer;
  // Markers carry a random nonce: no string in the answer can imitate one.
  const nonce = deferred?.nonce ?? newNonce();
  const texts = deferred?.texts ?? [];
  const first = texts.length;
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
  if (deferred || texts.length === first) return skeleton + '\n';
  let out = '';
  splitAtMarkers(skeleton, nonce, (part) => (out += part), (index) => (out += jsonPiecesText(texts[index])));
  return out + '\n';
}

function newNonce(): string {
  return `\u0000splice-${Math.random().toString(36).slice(2)}-`;
}

/** Calls `part` with each text between markers and `text` with each marker's index, in order. */
function splitAtMarkers(skeleton: string, nonce: string, part: (text: string) => void, text: (index: number) => void): number {
  // The marker as JSON writes it: the quoted nonce without its closing quote; the index follows up to the quote.
  const marker = JSON.stringify(nonce).slice(0, -1);
  const parts = skeleton.split(marker);
  part(parts[0]);
  for (let i = 1; i < parts.length; i++) {
    const end = parts[i].indexOf('"');
    text(Number(parts[i].slice(0, end)));
    part(parts[i].slice(end + 1));
  }
  return parts.length - 1;
}

/**
 * Express middleware before Apollo's: the answer's spliced texts are written in parts (sendJsonParts) instead of
 * spliced into one string. Apollo hands the integration one string (batched answers joined), which it sends with
 * `res.send`; that call writes the skeleton's parts and the texts at their markers. Answers without splices, and
 * any string without markers (errors), go to `res.send` unchanged.
 */
export function sendSplicedAnswers(req: Request, res: Response, next: NextFunction): void {
  const scope: RequestScope | undefined = currentRequestScope();
  if (!scope) return next();
  const deferred = { nonce: newNonce(), texts: [] as JsonPieces[] };
  scope.splicedAnswer = deferred;
  const send = res.send.bind(res);
  res.send = ((body: unknown) => {
    if (typeof body !== 'string' || !deferred.texts.length) return send(body);
    const parts: Array<string | Buffer> = [];
    const markers = splitAtMarkers(body, deferred.nonce, (part) => parts.push(part), (index) => parts.push(...deferred.texts[index]));
    if (!markers) return send(body);
    recycleArenaAfter(res, scope);
    sendJsonParts(res, parts, req.method === 'HEAD');
    return res;
  }) as Response['send'];
  next();
}
