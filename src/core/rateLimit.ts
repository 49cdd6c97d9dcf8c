import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Pool } from 'pg';
import IORedis, { type Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Credential as Actor } from './credential';
import type { Config } from './config';
import type { Logger } from './logger';
import { RateLimitedError, RateLimitStoreUnavailableError, TooManyInFlightError, UnauthenticatedError } from './errors';
import type { ConcurrencyLimiter, Release } from './concurrency';
import { rateLimitRejections, rateLimitStoreFallbacks, rateLimitStoreUp } from './metrics';
import { operationCost } from './queryCost';
import { ChargeBatcher } from './chargeBatcher';

/**
 * Cost-based rate limiting per credential: each GraphQL operation takes its computed cost (see queryCost.ts) from
 * the one-minute budget of the credential that sent it (API key, user — all their sessions together —, ingest
 * credential, operator; anonymous callers by IP).
 *
 * Budgets live in a store every instance shares (rate-limiter-flexible): PostgreSQL by default (the unlogged table
 * `rate_limit_budgets`, created by a migration), Redis when REDIS_URL is set. A budget is a fixed window that opens
 * with the credential's first operation and lasts a minute, so N instances together allow one budget, not N.
 *
 * The PostgreSQL store has its own small pool: a charge never queues behind request work for a connection of the
 * application's pool, and a store that does not answer is noticed within STORE_TIMEOUT_MS.
 *
 * Concurrent charges of one budget are coalesced per process (src/core/chargeBatcher.ts): at most one store call per
 * budget is in flight, and the charges that arrive meanwhile go as one call of their summed points. Every point
 * still reaches the shared store, which answers the budget's total after the call; each charge of the batch is then
 * decided as if the batch's charges had been made one after another in arrival order (see decideBatch), so the
 * decisions, the remaining points and the budget N instances share are exactly those of one call per charge.
 * Without it, parallel operations of one credential queued one round trip each on the row's lock and the pool.
 *
 * When the store cannot be reached the limiter never lets operations through unmetered. With
 * RATE_LIMIT_STORE_FAILURE=memory (the default) it falls back to an in-memory limiter per instance; with `refuse` it
 * refuses every operation it cannot charge (503 SERVICE_UNAVAILABLE, reason RATE_LIMIT_STORE_UNAVAILABLE). Either
 * way it logs a warning once per outage and counts every decision it could not take in the store
 * (orgraph_rate_limit_store_fallbacks_total, orgraph_rate_limit_store_up = 0, /readyz reports `degraded`). Why
 * memory is the default: docs/reliability.md "Shared rate-limit budgets".
 */

export type RateLimitClass = 'ANONYMOUS' | 'USER' | 'API_KEY' | 'INGEST' | 'OPERATOR';
const CLASSES: RateLimitClass[] = ['ANONYMOUS', 'USER', 'API_KEY', 'INGEST', 'OPERATOR'];
const WINDOW_SECONDS = 60;
/** How long one charge may wait for the PostgreSQL store (connection and statement) before it counts as unreachable. */
export const STORE_TIMEOUT_MS = 2_000;
/** Connections of the limiter's own PostgreSQL pool: one statement per budget in flight keeps a few busy at most. */
const STORE_POOL_SIZE = 4;
/** Most charges one store call carries; a larger burst goes in several calls, one after another. */
export const MAX_BATCH_MEMBERS = 1_000;

/** What the limiter does with an operation it cannot charge in the shared store. */
export type StoreFailureMode = 'memory' | 'refuse';

export interface RateLimitSubject {
  /** Budget key: one per API key, per user (all their sessions), per internal credential, per anonymous IP. */
  key: string;
  limitClass: RateLimitClass;
}

export function subjectOf(actor: Actor, ip: string | null): RateLimitSubject {
  switch (actor.kind) {
    case 'API_KEY':
      return { key: `key:${actor.apiKeyId}`, limitClass: 'API_KEY' };
    case 'USER':
      // Per person, not per session: signing in again (a new session) must not hand out a fresh budget.
      return { key: `user:${actor.userId}`, limitClass: 'USER' };
    case 'INGEST':
      return { key: 'ingest', limitClass: 'INGEST' };
    case 'OPERATOR':
      return { key: 'operator', limitClass: 'OPERATOR' };
    case 'ANONYMOUS':
      return { key: `ip:${ip ?? 'unknown'}`, limitClass: 'ANONYMOUS' };
  }
}

export function budgetsFromConfig(config: Config): Record<RateLimitClass, number> {
  return {
    ANONYMOUS: config.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    USER: config.RATE_LIMIT_USER_PER_MINUTE,
    API_KEY: config.RATE_LIMIT_API_KEY_PER_MINUTE,
    INGEST: config.RATE_LIMIT_INGEST_PER_MINUTE,
    OPERATOR: config.RATE_LIMIT_OPERATOR_PER_MINUTE,
  };
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };
export type PeekResult = { empty: false } | { empty: true; retryAfterSeconds: number };
export type LimiterStoreKind = 'postgres' | 'redis';

export interface LimiterHealth {
  /** `up`: the shared store answers; `degraded`: it does not, and `fallback` says what this instance does meanwhile. */
  status: 'up' | 'degraded';
  store: LimiterStoreKind;
  error?: string;
  /** While degraded: `memory` limits from this instance's memory, `refuse` answers 503 to every limited operation. */
  fallback?: StoreFailureMode;
}

/** The shared table; created by migration 1735000000000-RateLimitBudgets, never at run time. */
export const RATE_LIMIT_TABLE = 'rate_limit_budgets';

export interface RateLimiterStore {
  kind: LimiterStoreKind;
  /** One limiter per credential class (their budgets differ), all in the same store. */
  create(limitClass: RateLimitClass, points: number): RateLimiterAbstract;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The limiter's own pool to the application database. Its statements are one-row upserts; a short statement timeout
 * and connection timeout turn a stuck or unreachable store into a fallback (or refusal) in seconds, not a hang.
 */
export function limiterPool(databaseUrl: string): Pool {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: STORE_POOL_SIZE,
    connectionTimeoutMillis: STORE_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    statement_timeout: STORE_TIMEOUT_MS,
    application_name: 'orgraph-rate-limit',
  });
  // An idle connection the server drops (restart, failover) must not crash the process; the next charge reconnects.
  pool.on('error', () => undefined);
  return pool;
}

export function postgresStore(pool: Pool, ownsPool = false): RateLimiterStore {
  return {
    kind: 'postgres',
    create: (limitClass, points) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        keyPrefix: limitClass,
        points,
        duration: WINDOW_SECONDS,
      }),
    ping: async () => {
      await pool.query(`SELECT 1 FROM ${RATE_LIMIT_TABLE} LIMIT 1`);
    },
    close: async () => {
      if (ownsPool) await pool.end();
    },
  };
}

export function redisStore(client: Redis, prefix: string): RateLimiterStore {
  return {
    kind: 'redis',
    create: (limitClass, points) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${prefix}:${limitClass}`,
        points,
        duration: WINDOW_SECONDS,
        // Without a connection, answer at once (and fall back) instead of queueing the command.
        rejectIfRedisNotReady: true,
      }),
    ping: async () => {
      await client.ping();
    },
    close: async () => {
      client.disconnect();
    },
  };
}

/**
 * The per-credential limiter: shared store first, in-memory fallback while the store fails. The fallback keeps the
 * same per-minute budget per instance, so during a store outage N instances allow up to N budgets (documented).
 */
export class RateLimiter {
  private readonly shared: Record<RateLimitClass, RateLimiterAbstract>;
  private readonly local: Record<RateLimitClass, RateLimiterMemory>;
  private readonly batcher = new ChargeBatcher<RateLimitSubject, TakeResult>(
    budgetOf,
    (subject, charges) => this.chargeBatch(subject, charges),
    MAX_BATCH_MEMBERS,
  );
  /** The peek of each budget in flight, which the peeks arriving meanwhile share (see peekEmpty). */
  private readonly peeks = new Map<string, Promise<PeekResult>>();
  private storeError: string | null = null;

  constructor(
    private readonly budgetPerMinute: Record<RateLimitClass, number>,
    private readonly store: RateLimiterStore,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
    private readonly onStoreFailure: StoreFailureMode = 'memory',
  ) {
    this.shared = Object.fromEntries(CLASSES.map((c) => [c, store.create(c, budgetPerMinute[c])])) as Record<RateLimitClass, RateLimiterAbstract>;
    this.local = Object.fromEntries(
      CLASSES.map((c) => [c, new RateLimiterMemory({ keyPrefix: c, points: budgetPerMinute[c], duration: WINDOW_SECONDS })]),
    ) as Record<RateLimitClass, RateLimiterMemory>;
    rateLimitStoreUp.set({ store: store.kind }, 1);
  }

  get storeKind(): LimiterStoreKind {
    return this.store.kind;
  }

  async take(subject: RateLimitSubject, cost: number): Promise<TakeResult> {
    const capacity = this.budgetPerMinute[subject.limitClass];
    // An operation dearer than the whole budget would otherwise never pass; it needs a fresh window instead.
    const charge = Math.min(cost, capacity);
    return this.batcher.charge(subject, charge);
  }

  /**
   * Whether the subject's budget is empty right now (less than one point), without charging it. Concurrent peeks of
   * one budget share the read in flight: once charges were coalesced, one read per request was most of what the
   * limiter cost the store. The answer may predate the caller by that read's round trip, which is harmless: the
   * peek only spares parsing the requests of a credential already refused, and the charge after it is exact.
   */
  peekEmpty(subject: RateLimitSubject): Promise<PeekResult> {
    const budget = budgetOf(subject);
    const inFlight = this.peeks.get(budget);
    if (inFlight) return inFlight;
    const peek = this.readBudget(subject).finally(() => this.peeks.delete(budget));
    this.peeks.set(budget, peek);
    return peek;
  }

  private async readBudget(subject: RateLimitSubject): Promise<PeekResult> {
    const res = await this.withFallback(subject, (limiter) => limiter.get(subject.key));
    if (!res || res.remainingPoints >= 1) return { empty: false };
    return { empty: true, retryAfterSeconds: retryAfter(res) };
  }

  /** For /readyz: asks the store itself, so a recovered store shows `up` before the next request. */
  async health(): Promise<LimiterHealth> {
    try {
      await this.store.ping();
      this.recovered();
      return { status: 'up', store: this.store.kind };
    } catch (error) {
      this.failed(error);
      return { status: 'degraded', store: this.store.kind, error: this.storeError ?? 'unreachable', fallback: this.onStoreFailure };
    }
  }

  close(): Promise<void> {
    return this.store.close();
  }

  /**
   * One store call for a batch of charges of one budget (arrival order), one decision per charge. The store answers
   * with a RateLimiterRes either way: resolved while the budget's total is within its points, rejected above.
   */
  private async chargeBatch(subject: RateLimitSubject, charges: readonly number[]): Promise<TakeResult[]> {
    const sum = charges.reduce((a, b) => a + b, 0);
    let res: RateLimiterRes;
    try {
      res = await this.shared[subject.limitClass].consume(subject.key, sum);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) {
        this.storeFailed(error, charges.length);
        // The in-memory fallback is per instance and answers at once: no batching, each charge as before.
        const local = this.local[subject.limitClass];
        const results: TakeResult[] = [];
        for (const charge of charges) results.push(await consumeOne(local, subject.key, charge));
        return results;
      }
      res = error;
    }
    this.recovered();
    return decideBatch(charges, res, this.budgetPerMinute[subject.limitClass]);
  }

  private async withFallback<T>(subject: RateLimitSubject, run: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> {
    try {
      const result = await run(this.shared[subject.limitClass]);
      this.recovered();
      return result;
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        this.recovered();
        throw error;
      }
      this.storeFailed(error, 1);
      return run(this.local[subject.limitClass]);
    }
  }

  /** Counts the `decisions` the store could not take; with `refuse`, throws the 503 for all of them. */
  private storeFailed(error: unknown, decisions: number): void {
    this.failed(error);
    rateLimitStoreFallbacks.inc({ store: this.store.kind, mode: this.onStoreFailure }, decisions);
    if (this.onStoreFailure === 'refuse') throw new RateLimitStoreUnavailableError();
  }

  private failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (this.storeError === null) {
      this.logger.warn(
        { store: this.store.kind, err: message, mode: this.onStoreFailure },
        this.onStoreFailure === 'refuse'
          ? 'rate-limit store unreachable: refusing operations (503 RATE_LIMIT_STORE_UNAVAILABLE) until it answers again'
          : 'rate-limit store unreachable: limiting from this instance’s memory until it answers again (budgets are per instance meanwhile)',
      );
      rateLimitStoreUp.set({ store: this.store.kind }, 0);
    }
    this.storeError = message || 'unreachable';
  }

  private recovered(): void {
    if (this.storeError === null) return;
    this.storeError = null;
    rateLimitStoreUp.set({ store: this.store.kind }, 1);
    this.logger.info({ store: this.store.kind }, 'rate-limit store answers again: budgets are shared again');
  }
}

/** One budget: a credential's key within its class (the store's key prefix is the class). */
function budgetOf(subject: RateLimitSubject): string {
  return `${subject.limitClass}:${subject.key}`;
}

function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

async function consumeOne(limiter: RateLimiterAbstract, key: string, charge: number): Promise<TakeResult> {
  try {
    const res = await limiter.consume(key, charge);
    return { allowed: true, remaining: res.remainingPoints };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(error) };
    throw error;
  }
}

/**
 * The decisions one call per charge would have given. `res.consumedPoints` is the budget's total right after the
 * batch's sum was added atomically, so the total before it was `after - sum` (a fresh window: 0), and member i
 * would have seen `before + c_i` where c_i sums its own charge and every earlier member's. Refused charges are
 * written too (as each consume wrote them), so they count against the members behind them.
 */
export function decideBatch(charges: readonly number[], res: RateLimiterRes, points: number): TakeResult[] {
  let total = res.consumedPoints - charges.reduce((a, b) => a + b, 0);
  return charges.map((charge) => {
    total += charge;
    return total <= points ? { allowed: true, remaining: Math.max(0, points - total) } : { allowed: false, retryAfterSeconds: retryAfter(res) };
  });
}

/** What a rejected credential costs its sender's IP: guessing keys or tokens is throttled like any other traffic. */
export const FAILED_AUTHENTICATION_COST = 10;

/**
 * Authentication runs before any operation is resolved, so a wrong credential would never reach the cost plugin.
 * Each rejected credential is charged to the sender's anonymous (per-IP) bucket; once it is empty the sender gets
 * 429 instead of 401 until it refills.
 */
export async function chargeFailedAuthentication<T>(limiter: RateLimiter | null, ip: string | null, authenticate: () => Promise<T>): Promise<T> {
  try {
    return await authenticate();
  } catch (error) {
    if (limiter && error instanceof UnauthenticatedError) {
      const result = await limiter.take(subjectOf({ kind: 'ANONYMOUS' }, ip), FAILED_AUTHENTICATION_COST);
      if (!result.allowed) {
        rateLimitRejections.inc({ class: 'ANONYMOUS' });
        throw new RateLimitedError(result.retryAfterSeconds);
      }
    }
    throw error;
  }
}

interface RateLimitedContext {
  actor: Actor;
  ip: string | null;
}

/**
 * Computes each resolved operation's cost once (each member of a batch separately), refuses it above `maxCost`
 * (graphql-armor's validation-time cost sees only literal page sizes and is cached per document, so `first: $n`
 * would slip past it), then charges the credential's bucket when rate limiting is on. Runs after validation, so
 * malformed documents cost nothing here: the parser and validation limits reject them first.
 */
export function queryCostPlugin<TContext extends RateLimitedContext>(options: {
  maxCost: number;
  limiter: RateLimiter | null;
  /** Per-credential in-flight cap (null = none): taken after the budget is charged, released with the response. */
  concurrency?: { limiter: ConcurrencyLimiter; maxInFlight: number } | null;
  /** Server-wide lane for operations costing at least `minCost` (null = none). */
  heavyLane?: { limiter: ConcurrencyLimiter; maxInFlight: number; minCost: number } | null;
}): ApolloServerPlugin<TContext> {
  const { maxCost, limiter, concurrency, heavyLane } = options;
  return {
    async requestDidStart() {
      const releases: Release[] = [];
      // Apollo runs every plugin's didResolveOperation together and answers as soon as one throws (the string
      // limits refuse synchronously): the response can go out while this hook still awaits the shared store. A
      // slot taken after that would never be released, so it is handed back at once instead.
      let answered = false;
      const hold = (release: Release) => {
        if (answered) release();
        else releases.push(release);
      };
      return {
        async willSendResponse() {
          answered = true;
          for (const release of releases.splice(0)) release();
        },
        async didResolveOperation({ schema, operation, document, request, contextValue, response }) {
          if (!operation) return; // Apollo has already answered "unknown operation" before this hook
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
          );
          const cost = operationCost(schema, operation, fragments, request.variables);
          response.http.headers.set('x-orgraph-query-cost', String(cost));
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${cost} (page sizes from variables count).`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          const subject = subjectOf(contextValue.actor, contextValue.ip);
          if (limiter) {
            const result = await limiter.take(subject, cost);
            if (!result.allowed) {
              rateLimitRejections.inc({ class: subject.limitClass });
              throw new RateLimitedError(result.retryAfterSeconds);
            }
            response.http.headers.set('x-ratelimit-remaining', String(result.remaining));
          }
          if (answered) return;
          // Customer credentials only: the ingest and operator credentials are internal, trusted and few.
          if (concurrency && (subject.limitClass === 'USER' || subject.limitClass === 'API_KEY')) {
            const release = await concurrency.limiter.acquire(subject.key);
            if (!release) {
              rateLimitRejections.inc({ class: subject.limitClass });
              throw new TooManyInFlightError(concurrency.maxInFlight);
            }
            hold(release);
          }
          // Heavy operations of every customer credential together hold at most a few pool connections; light
          // ones (a dashboard's small queries, `{ viewer { email } }`) never wait behind them.
          if (heavyLane && cost >= heavyLane.minCost && (subject.limitClass === 'USER' || subject.limitClass === 'API_KEY')) {
            const release = await heavyLane.limiter.acquire('heavy');
            if (!release) {
              rateLimitRejections.inc({ class: subject.limitClass });
              throw new TooManyInFlightError(heavyLane.maxInFlight, 'of this cost on the server');
            }
            hold(release);
          }
        },
      };
    },
  };
}

/**
 * The limiter the configuration asks for, or null when rate limiting is off: Redis when REDIS_URL is set, otherwise
 * the application's database through the limiter's own small pool.
 */
export async function limiterFromConfig(config: Config, db: DataSource, logger: Logger): Promise<RateLimiter | null> {
  if (!config.RATE_LIMIT_ENABLED) return null;
  const budgets = budgetsFromConfig(config);
  const mode = config.RATE_LIMIT_STORE_FAILURE;
  if (!config.REDIS_URL) {
    const url = (db.options as { url?: string }).url;
    if (!url) throw new Error('the PostgreSQL rate-limit store needs the database URL');
    return new RateLimiter(budgets, postgresStore(limiterPool(url), true), logger, mode);
  }
  // No offline queue: while Redis is away, commands fail at once and the limiter falls back instead of waiting.
  const client = new IORedis(config.REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  let reported = false;
  client.on('error', (error: Error) => {
    // ioredis retries by itself; the limiter logs the outage once, this only notes the first connection error.
    if (!reported) logger.warn({ err: error.message }, 'rate-limit Redis connection error');
    reported = true;
  });
  client.on('ready', () => {
    reported = false;
  });
  await client.connect().catch(() => undefined); // a Redis down at start-up degrades the limiter, not the start
  return new RateLimiter(budgets, redisStore(client, config.RATE_LIMIT_REDIS_PREFIX), logger, mode);
}
