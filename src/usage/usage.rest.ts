import { randomBytes } from 'node:crypto';
import readline from 'node:readline';
import express from 'express';
import { BadUserInputError } from '../core/errors';
import type { DateTime } from 'luxon';
import type { Actor } from '../auth/actor';
import { adminKeyRoute, authenticateRest, QueryParams, RestError, restRoute, validationError, type RestDeps } from '../app/rest';
import { Product } from '../catalog/modelEndpoint.entity';
import { MAX_USAGE_BATCH } from './usageIngest.service';
import { UsageAuthKind, UsageExpand, type UsageItem, type UsageRecordInput, type UsageRejection, type UsageTimeframe } from './usage.types';
import { unstorableIn } from '../core/nul';
import { timeStages } from '../core/http';
import { currentRequestScope } from '../core/requestScope';
import { addStage } from '../core/stageTimings';
import type { UsageQueryArgs } from './usageQuery.service';
import { restItemsShape } from './usageItemsJson';
import { recycleArenaAfter, sendJsonParts } from '../core/jsonParts';

const MAX_REPORTED_REJECTIONS = 1000;
const IN_FLIGHT_BATCHES = 2;

/**
 * HTTP routes of the usage module: the metering pipeline's NDJSON bulk ingest, and the seed-compatible
 * `GET /v1/organization/usage` of the REST contract (docs/rest-contract.md, docs/rest.md), so existing
 * clients of the platform's Organization Usage API can point at Orgraph. Both parse HTTP here and call the same
 * services as GraphQL; authentication and errors are the shared REST ones (app/rest.ts).
 */
export function createUsageRouter(deps: RestDeps, usageTeamsOf: (actor: Actor, organizationId: string) => Promise<string[] | null>): express.Router {
  const { services } = deps;
  const router = express.Router();

  router.post(
    '/ingest/usage',
    timeStages('ingest'),
    restRoute(deps, async (req, res) => {
    const scope = currentRequestScope();
    const authStarted = performance.now();
    const actor = await authenticateRest(deps, req);
    addStage(scope, 'auth', performance.now() - authStarted);
    if (actor.kind !== 'INGEST') throw new RestError(403, 'authorization_error', 'Only the ingest credential may write usage.');
    const completeThrough = typeof req.query.complete_through === 'string' ? new Date(req.query.complete_through) : null;
    if (completeThrough && Number.isNaN(completeThrough.getTime())) throw validationError('`complete_through` must be an ISO-8601 instant.');
    const totals = { accepted: 0, duplicates: 0, rejected: 0 };
    const rejections: UsageRejection[] = [];
    let batch: UsageRecordInput[] = [];
    let batchLines: number[] = [];
    // Two batches are stored at once while the next is read and parsed: storing is the slow part, and PostgreSQL
    // runs the two statements on two cores (rollup rows they share serialize on their row locks, in key order).
    const inFlight = new Set<Promise<void>>();
    let failure: unknown = null;
    const settle = async (atMost = 0) => {
      while (inFlight.size > atMost) await Promise.race(inFlight);
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what a storing batch threw, unchanged
      if (failure) throw failure;
    };
    const report = (rejection: UsageRejection) => {
      rejections.push(rejection);
      // Batches finish out of order: keep the first MAX_REPORTED_REJECTIONS by line, pruning now and then.
      if (rejections.length >= 2 * MAX_REPORTED_REJECTIONS) keepFirstRejections(rejections);
    };
    const flush = async () => {
      if (batch.length === 0) return;
      const records = batch;
      const lines = batchLines;
      batch = [];
      batchLines = [];
      await settle(IN_FLIGHT_BATCHES - 1);
      const task: Promise<void> = services.usageIngest
        .ingest(records)
        .then(
          (result) => {
            totals.accepted += result.accepted;
            totals.duplicates += result.duplicates;
            totals.rejected += result.rejected.length;
            for (const rejection of result.rejected) report({ ...rejection, index: lines[rejection.index] });
          },
          (error: unknown) => {
            // Held until the next settle(): a rejection left unhandled while reading would crash the process.
            failure = error;
          },
        )
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    };
    try {
      let line = 0;
      for await (const text of readline.createInterface({ input: req, crlfDelay: Infinity })) {
        line += 1;
        if (text.trim() === '') continue;
        const parseStarted = performance.now();
        const parsed = parseRecord(text);
        addStage(scope, 'parse', performance.now() - parseStarted);
        if (typeof parsed === 'string') {
          totals.rejected += 1;
          report({ index: line, field: 'line', code: 'INVALID', message: parsed });
          continue;
        }
        batch.push(parsed);
        batchLines.push(line);
        if (batch.length >= MAX_USAGE_BATCH) await flush();
      }
      await flush();
      await settle();
      if (completeThrough) await services.usageIngest.advanceWatermark(completeThrough);
    } catch {
      // Batches acknowledged so far are committed; retrying the whole request is safe (duplicates are ignored).
      await Promise.allSettled(inFlight);
      throw new RestError(503, 'server_error', `Ingest stopped after ${totals.accepted} committed records; retry the request.`, { 'retry-after': '1' });
    }
    keepFirstRejections(rejections);
    if (scope?.stages) scope.stages.respondedAt = performance.now();
    res.json({ ...totals, rejections, rejections_truncated: totals.rejected > rejections.length });
    }),
  );

  router.get(
    '/v1/organization/usage',
    adminKeyRoute(deps, async (req, res, actor) => {
      const params = new QueryParams(req, USAGE_PARAMETERS);
      const decimals = params.single('decimals') ?? 'number';
      if (decimals !== 'number' && decimals !== 'string') throw validationError('`decimals` must be `number` (default) or `string`.');
      const args = usageArgs(params);
      const teamIds = await usageTeamsOf(actor, actor.organizationId);
      const report = await services.usage.report({ tenantId: actor.organizationId, teamIds }, args, 'ITEMS', restItemsShape(decimals)).catch((error: unknown) => {
        throw renameArgument(error);
      });
      // Decimals as JSON numbers carry every digit PostgreSQL gave, as the items it writes itself do: Number() here made
      // a summary disagree with the items of its own answer (123456789012.12346 beside …012.123456789012).
      const numbers = exactNumbers();
      const item = restItem(decimals === 'string' ? (value) => value : numbers.mark);
      const stringify = decimals === 'string' ? (value: unknown) => JSON.stringify(value) : numbers.stringify;
      if (report.completeThrough) res.setHeader('x-orgraph-complete-through', report.completeThrough.toISOString());
      if (report.timeSeries?.every((b) => b.resultsJson !== undefined)) {
        // Items written as JSON by PostgreSQL (usageItemsJson.ts): the body is written around their pieces, in
        // res.json's order, without joining them into one string.
        const parts: Array<string | Buffer> = [`${JSON.stringify({ next_cursor: report.nextCursor, has_more: report.hasMore }).slice(0, -1)},"time_series":[`];
        report.timeSeries.forEach((b, i) => {
          parts.push(`${i ? ',' : ''}{"bucket":${JSON.stringify(utcLabel(b.start))},"results":`, ...(b.resultsJson ?? []), '}');
        });
        parts.push(`]${report.summary ? `,"summary":${stringify(report.summary.map(item))}` : ''}}`);
        recycleArenaAfter(res, currentRequestScope());
        sendJsonParts(res, parts, req.method === 'HEAD');
        return;
      }
      res.type('application/json').send(
        stringify({
          next_cursor: report.nextCursor,
          has_more: report.hasMore,
          ...(report.timeSeries ? { time_series: report.timeSeries.map((b) => ({ bucket: utcLabel(b.start), results: b.results.map(item) })) } : {}),
          ...(report.summary ? { summary: report.summary.map(item) } : {}),
        }),
      );
    }),
  );

  return router;
}

/** Sorts rejections by line and keeps the first MAX_REPORTED_REJECTIONS (in place). */
function keepFirstRejections(rejections: UsageRejection[]): void {
  rejections.sort((a, b) => a.index - b.index);
  rejections.length = Math.min(rejections.length, MAX_REPORTED_REJECTIONS);
}

function parseRecord(text: string): UsageRecordInput | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'Not valid JSON.';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'Each line must be a JSON object.';
  const unstorable = unstorableIn(value);
  if (unstorable) return `The record contains ${unstorable}, which is not allowed.`;
  const record = value as Record<string, unknown>;
  for (const field of ['id', 'timestamp', 'teamUsername', 'product', 'endpointId', 'quantity']) {
    if (typeof record[field] !== 'string') return `\`${field}\` must be a string.`;
  }
  for (const field of ['unit', 'unitPrice', 'cost', 'currency']) {
    if (record[field] !== undefined && record[field] !== null && typeof record[field] !== 'string') return `\`${field}\` must be a string.`;
  }
  return record as unknown as UsageRecordInput;
}

/** The contract's query parameters of `GET /v1/organization/usage`, plus Orgraph's `decimals` (docs/rest.md). */
const USAGE_PARAMETERS = [
  'start',
  'end',
  'timezone',
  'timeframe',
  'bound_to_timeframe',
  'team_username',
  'product',
  'endpoint_id',
  'api_key_id',
  'expand',
  'limit',
  'cursor',
  'decimals',
] as const;

const PRODUCTS: Record<string, Product> = { model_apis: Product.MODEL_APIS, serverless: Product.SERVERLESS, compute: Product.COMPUTE };
const TIMEFRAMES = ['minute', 'hour', 'day', 'week', 'month'] as const;
const EXPANDS = ['time_series', 'summary', 'auth_method'] as const;

/** The contract's parameters as the usage service's arguments (spellings exact: lowercase values). */
function usageArgs(params: QueryParams): UsageQueryArgs {
  // One value, given once (a list would collapse `day,day` to one and hide the mistake).
  const timeframe = params.single('timeframe');
  if (timeframe !== undefined && !(TIMEFRAMES as readonly string[]).includes(timeframe)) {
    throw validationError(`Unknown value \`${timeframe}\` for \`timeframe\`; expected ${TIMEFRAMES.map((t) => `\`${t}\``).join(', ')}.`);
  }
  const end = params.single('end');
  const limit = params.single('limit');
  if (limit !== undefined && !/^[1-9]\d{0,6}$/.test(limit)) throw validationError('`limit` must be a positive integer (at most 10000 items).');
  const expand = params.enumList('expand', EXPANDS);
  return {
    // The contract's default start is 24 hours before now, also when `end` is given (GraphQL's is 24 h before `end`).
    start: params.single('start') ?? (end === undefined ? null : new Date(Date.now() - 24 * 3600_000).toISOString()),
    end: end ?? null,
    timezone: params.single('timezone') ?? null,
    timeframe: timeframe ? (timeframe.toUpperCase() as UsageTimeframe) : null,
    boundToTimeframe: params.boolean('bound_to_timeframe') ?? null,
    teamUsernames: params.list('team_username', 50),
    products: params.enumList('product', Object.keys(PRODUCTS))?.map((product) => PRODUCTS[product]) ?? null,
    endpointIds: params.list('endpoint_id', 50),
    apiKeyIds: params.list('api_key_id', 50),
    expand: expand?.map((value) => value.toUpperCase() as UsageExpand) ?? null,
    limit: limit === undefined ? null : Number(limit),
    cursor: params.single('cursor') ?? null,
  };
}

const REST_ARGUMENT: Record<string, string> = {
  teamUsernames: 'team_username',
  products: 'product',
  endpointIds: 'endpoint_id',
  apiKeyIds: 'api_key_id',
  boundToTimeframe: 'bound_to_timeframe',
  expand: 'expand',
};

/** The usage service names GraphQL arguments; a REST caller reads the parameter it sent. */
function renameArgument(error: unknown): unknown {
  const argument = error instanceof BadUserInputError ? error.details.argument : undefined;
  if (!(error instanceof BadUserInputError) || typeof argument !== 'string') return error;
  const name = REST_ARGUMENT[argument] ?? argument;
  const message = error.message.replace(/`expand` must include TIME_SERIES or SUMMARY\./, '`expand` must include `time_series` or `summary`.').replace(/`(\w+)`/g, (whole, word: string) => (word === argument ? `\`${name}\`` : whole));
  return validationError(message.includes(`\`${name}\``) ? message : `\`${name}\`: ${message}`);
}

/** Bucket starts as UTC instants (`2025-01-01T05:00:00Z`): the contract's response timestamps are all UTC. */
function utcLabel(start: DateTime): string {
  return start.toUTC().toISO({ suppressMilliseconds: true })!;
}

/** An item in the contract's shape; `decimal` turns exact decimal strings into JSON numbers or keeps them. */
/**
 * Decimal text written as a JSON number, digit for digit (Node 20 has no JSON.rawJSON): `mark` stands a decimal in
 * for a string carrying a per-answer random marker, and `stringify` unquotes the marked strings. Stored strings
 * cannot hold the marker (it starts with NUL, which ingest refuses, and its random part is new per answer).
 */
function exactNumbers() {
  const marker = `\u0000number-${randomBytes(8).toString('hex')}:`;
  const quoted = new RegExp(`"${escapeRegExp(JSON.stringify(marker).slice(1, -1))}(-?\\d+(?:\\.\\d+)?)"`, 'g');
  return {
    mark: (value: string | null): string | null => (value === null ? null : `${marker}${value}`),
    stringify: (value: unknown): string => JSON.stringify(value).replace(quoted, '$1'),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function restItem(decimal: (value: string | null) => number | string | null) {
  return (item: UsageItem) => ({
    username: item.teamUsername,
    product: item.product?.toLowerCase() ?? null,
    endpoint_id: item.endpointId,
    unit: item.unit,
    quantity: decimal(item.quantity),
    unit_price: decimal(item.unitPrice),
    cost: decimal(item.cost),
    currency: item.currency,
    ...(item.authMethod
      ? item.authMethod.kind === UsageAuthKind.API_KEY
        ? { auth_method: 'api_key', auth_method_structured: { detail: item.authMethod.keyAlias ?? item.authMethod.keyId ?? '', api_key_id: item.authMethod.keyId, login_username: null } }
        : item.authMethod.kind === UsageAuthKind.LOGIN
          ? { auth_method: 'login', auth_method_structured: { detail: item.authMethod.username ?? '', api_key_id: null, login_username: item.authMethod.username } }
          : // Usage ingested without an auth method: neither of the contract's two values is true (docs/rest.md).
            { auth_method: null, auth_method_structured: null }
      : {}),
  });
}
