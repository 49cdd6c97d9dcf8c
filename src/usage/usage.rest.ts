import readline from 'node:readline';
import { isStatementTimeout } from '../core/dbErrors';
import express, { type Request, type Response } from 'express';
import type { GraphQLError } from 'graphql';
import type { Actor } from '../auth/actor';
import type { Services } from '../app/services';
import { MAX_USAGE_BATCH } from './usageIngest.service';
import { UsageExpand, UsageGroupBy, UsageTimeframe, type UsageItem, type UsageRecordInput, type UsageRejection } from './usage.types';
import type { UsageQueryArgs } from './usageQuery.service';

const MAX_REPORTED_REJECTIONS = 1000;
const IN_FLIGHT_BATCHES = 2;

/**
 * HTTP routes of the usage module: the metering pipeline's NDJSON bulk ingest, and the seed-compatible
 * `GET /v1/organization/usage` so existing clients of the seed's Organization Usage API can point at Orgraph.
 * Both parse HTTP here and call the same services as GraphQL.
 */
export function createUsageRouter(services: Services, usageTeamsOf: (actor: Actor, organizationId: string) => Promise<string[] | null>): express.Router {
  const router = express.Router();

  router.post('/ingest/usage', async (req, res) => {
    const actor = await authenticate(services, req, res);
    if (!actor) return;
    if (actor.kind !== 'INGEST') return restError(res, req, 403, 'permission_error', 'Only the ingest credential may write usage.');
    const completeThrough = typeof req.query.complete_through === 'string' ? new Date(req.query.complete_through) : null;
    if (completeThrough && Number.isNaN(completeThrough.getTime())) {
      return restError(res, req, 400, 'invalid_request_error', '`complete_through` must be an ISO-8601 instant.');
    }
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
            for (const rejection of result.rejected) report({ ...rejection, index: lines[rejection.index]! });
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
        const parsed = parseRecord(text);
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
    } catch (error) {
      // Batches acknowledged so far are committed; retrying the whole request is safe (duplicates are ignored).
      void error;
      await Promise.allSettled(inFlight);
      return restError(res, req, 503, 'api_error', `Ingest stopped after ${totals.accepted} committed records; retry the request.`);
    }
    keepFirstRejections(rejections);
    res.json({ ...totals, rejections, rejections_truncated: totals.rejected > rejections.length });
  });

  router.get('/v1/organization/usage', async (req, res) => {
    const actor = await authenticate(services, req, res);
    if (!actor) return;
    if (actor.kind !== 'API_KEY' || !actor.isOrganizationAdminKey || !actor.organizationId) {
      return restError(res, req, 403, 'permission_error', 'This endpoint requires an organization admin key (ADMIN scope on the organization’s root team).');
    }
    try {
      const args = parseQuery(req.query as Record<string, string | string[] | undefined>);
      const teamIds = await usageTeamsOf(actor, actor.organizationId);
      const report = await services.usage.report({ tenantId: actor.organizationId, teamIds }, args);
      res.json({
        next_cursor: report.nextCursor,
        has_more: report.hasMore,
        complete_through: report.completeThrough?.toISOString() ?? null,
        ...(report.timeSeries ? { time_series: report.timeSeries.map((b) => ({ bucket: b.bucket, results: b.results.map(snakeItem) })) } : {}),
        ...(report.summary ? { summary: report.summary.map(snakeItem) } : {}),
      });
    } catch (error) {
      const code = (error as GraphQLError).extensions?.code;
      if (code === 'BAD_USER_INPUT') return restError(res, req, 400, 'invalid_request_error', (error as Error).message);
      if (code === 'FORBIDDEN') return restError(res, req, 403, 'permission_error', (error as Error).message);
      if (isStatementTimeout(error)) {
        return restError(res, req, 422, 'query_timeout_error', 'The query ran longer than the per-statement limit and was stopped; ask for a shorter range, a coarser timeframe or fewer groups.');
      }
      throw error;
    }
  });

  return router;
}

async function authenticate(services: Services, req: Request, res: Response): Promise<Actor | null> {
  try {
    const actor = await services.authenticator.authenticate(req.header('authorization'));
    if (actor.kind !== 'ANONYMOUS') return actor;
  } catch {
    // the uniform answer below
  }
  restError(res, req, 401, 'authentication_error', 'Authentication required: the credential is missing, malformed, expired or revoked.');
  return null;
}

function restError(res: Response, req: Request, status: number, type: string, message: string): void {
  res.status(status).json({ error: { type, message, request_id: req.requestId } });
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
  const record = value as Record<string, unknown>;
  for (const field of ['id', 'timestamp', 'teamUsername', 'product', 'endpointId', 'quantity']) {
    if (typeof record[field] !== 'string') return `\`${field}\` must be a string.`;
  }
  for (const field of ['unit', 'unitPrice', 'cost', 'currency']) {
    if (record[field] !== undefined && record[field] !== null && typeof record[field] !== 'string') return `\`${field}\` must be a string.`;
  }
  return record as unknown as UsageRecordInput;
}

/** The seed's snake_case parameters; lists may be comma-separated or repeated. */
function parseQuery(query: Record<string, string | string[] | undefined>): UsageQueryArgs {
  const single = (name: string) => {
    const value = query[name];
    return Array.isArray(value) ? value[value.length - 1] : value;
  };
  const list = (name: string) => {
    const value = query[name];
    if (value === undefined) return null;
    return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  };
  const enumList = <T extends string>(name: string, values: Record<string, T>) =>
    list(name)?.map((v) => {
      const upper = v.toUpperCase() as T;
      if (!Object.values(values).includes(upper)) throw badInput(`Unknown value "${v}" for ${name}.`, name);
      return upper;
    }) ?? null;
  const bound = single('bound_to_timeframe');
  if (bound !== undefined && bound !== 'true' && bound !== 'false') throw badInput('`bound_to_timeframe` must be "true" or "false".', 'bound_to_timeframe');
  const timeframe = single('timeframe')?.toUpperCase();
  if (timeframe && !(timeframe in UsageTimeframe)) throw badInput('`timeframe` must be one of minute, hour, day, week, month.', 'timeframe');
  const limit = single('limit');
  if (limit !== undefined && !/^\d{1,7}$/.test(limit)) throw badInput('`limit` must be a positive integer.', 'limit');
  return {
    start: single('start') ?? null,
    end: single('end') ?? null,
    timezone: single('timezone') ?? null,
    timeframe: (timeframe as UsageTimeframe | undefined) ?? null,
    boundToTimeframe: bound === undefined ? null : bound === 'true',
    teamUsernames: list('team_usernames'),
    products: enumList('products', { MODEL_APIS: 'MODEL_APIS', SERVERLESS: 'SERVERLESS', COMPUTE: 'COMPUTE' }) as UsageQueryArgs['products'],
    endpointIds: list('endpoint_ids'),
    apiKeyIds: list('api_key_ids'),
    expand: enumList('expand', UsageExpand),
    groupBy: enumList('group_by', UsageGroupBy),
    limit: limit === undefined ? null : Number(limit),
    cursor: single('cursor') ?? null,
  };
}

function badInput(message: string, argument: string): Error {
  return Object.assign(new Error(message), { extensions: { code: 'BAD_USER_INPUT', argument } });
}

function snakeItem(item: UsageItem) {
  return {
    username: item.teamUsername,
    product: item.product,
    endpoint_id: item.endpointId,
    unit: item.unit,
    quantity: item.quantity,
    unit_price: item.unitPrice,
    cost: item.cost,
    currency: item.currency,
    ...(item.authMethod
      ? { auth_method: { type: item.authMethod.kind.toLowerCase(), key_id: item.authMethod.keyId, username: item.authMethod.username } }
      : {}),
  };
}
