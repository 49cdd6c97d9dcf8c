import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Credential as Actor } from './credential';
import type { Config } from './config';
import { RateLimitedError, TooManyInFlightError, UnauthenticatedError } from './errors';
import type { ConcurrencyLimiter, Release } from './concurrency';
import { rateLimitRejections } from './metrics';
import { operationCost } from './queryCost';

/**
 * Cost-based rate limiting per credential: each GraphQL operation takes its computed cost (see queryCost.ts) from
 * a token bucket owned by the credential that sent it (API key, session, ingest credential, operator; anonymous
 * callers by IP). A bucket holds one minute's budget and refills continuously, so short bursts up to the minute's
 * budget pass and sustained load is held to the per-minute rate.
 *
 * The buckets live in this process's memory. Behind a load balancer with N instances a credential effectively gets
 * N times its budget; a multi-instance deployment needs a shared store (e.g. PostgreSQL or Redis with the same
 * token-bucket arithmetic) — see docs/reliability.md.
 */

export type RateLimitClass = 'ANONYMOUS' | 'USER' | 'API_KEY' | 'INGEST' | 'OPERATOR';

export interface RateLimitSubject {
  /** Bucket key: one per API key, per user (all their sessions), per internal credential, per anonymous IP. */
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

interface Bucket {
  tokens: number;
  updatedAt: number;
  capacity: number;
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** In-memory token buckets; idle (refilled) buckets are swept so memory tracks active credentials only. */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(
    private readonly budgetPerMinute: Record<RateLimitClass, number>,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  take(subject: RateLimitSubject, cost: number): TakeResult {
    const capacity = this.budgetPerMinute[subject.limitClass];
    const refillPerMs = capacity / 60_000;
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(subject.key) ?? { tokens: capacity, updatedAt: now, capacity };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(subject.key, bucket);
    // An operation dearer than the whole budget would otherwise never pass; it needs a full bucket instead.
    const charge = Math.min(cost, capacity);
    if (bucket.tokens >= charge) {
      bucket.tokens -= charge;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((charge - bucket.tokens) / refillPerMs / 1000)) };
  }

  /** Whether the subject's bucket is empty right now (less than one point), without charging or creating it. */
  peekEmpty(subject: RateLimitSubject): { empty: false } | { empty: true; retryAfterSeconds: number } {
    const bucket = this.buckets.get(subject.key);
    if (!bucket) return { empty: false };
    const refillPerMs = bucket.capacity / 60_000;
    const tokens = Math.min(bucket.capacity, bucket.tokens + (this.now() - bucket.updatedAt) * refillPerMs);
    if (tokens >= 1) return { empty: false };
    return { empty: true, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      // A bucket idle for a minute is full again: forgetting it changes nothing.
      if (now - bucket.updatedAt >= 60_000) this.buckets.delete(key);
    }
  }
}

/** What a rejected credential costs its sender's IP: guessing keys or tokens is throttled like any other traffic. */
export const FAILED_AUTHENTICATION_COST = 10;

/**
 * Authentication runs before any operation is resolved, so a wrong credential would never reach the cost plugin.
 * Each rejected credential is charged to the sender's anonymous (per-IP) bucket; once it is empty the sender gets
 * 429 instead of 401 until it refills.
 */
export async function chargeFailedAuthentication<T>(limiter: TokenBucketLimiter | null, ip: string | null, authenticate: () => Promise<T>): Promise<T> {
  try {
    return await authenticate();
  } catch (error) {
    if (limiter && error instanceof UnauthenticatedError) {
      const result = limiter.take(subjectOf({ kind: 'ANONYMOUS' }, ip), FAILED_AUTHENTICATION_COST);
      if (!result.allowed) {
        rateLimitRejections.inc({ class: 'ANONYMOUS' });
        throw new RateLimitedError(result.retryAfterSeconds);
      }
    }
    throw error;
  }
}

/** The limiter the configuration asks for, or null when rate limiting is off. */
export function limiterFromConfig(config: Config): TokenBucketLimiter | null {
  return config.RATE_LIMIT_ENABLED ? new TokenBucketLimiter(budgetsFromConfig(config)) : null;
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
  limiter: TokenBucketLimiter | null;
  /** Per-credential in-flight cap (null = none): taken after the budget is charged, released with the response. */
  concurrency?: { limiter: ConcurrencyLimiter; maxInFlight: number } | null;
  /** Server-wide lane for operations costing at least `minCost` (null = none). */
  heavyLane?: { limiter: ConcurrencyLimiter; maxInFlight: number; minCost: number } | null;
}): ApolloServerPlugin<TContext> {
  const { maxCost, limiter, concurrency, heavyLane } = options;
  return {
    async requestDidStart() {
      const releases: Release[] = [];
      return {
        async willSendResponse() {
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
            const result = limiter.take(subject, cost);
            if (!result.allowed) {
              rateLimitRejections.inc({ class: subject.limitClass });
              throw new RateLimitedError(result.retryAfterSeconds);
            }
            response.http.headers.set('x-ratelimit-remaining', String(result.remaining));
          }
          // Customer credentials only: the ingest and operator credentials are internal, trusted and few.
          if (concurrency && (subject.limitClass === 'USER' || subject.limitClass === 'API_KEY')) {
            const release = await concurrency.limiter.acquire(subject.key);
            if (!release) {
              rateLimitRejections.inc({ class: subject.limitClass });
              throw new TooManyInFlightError(concurrency.maxInFlight);
            }
            releases.push(release);
          }
          // Heavy operations of every customer credential together hold at most a few pool connections; light
          // ones (a dashboard's small queries, `{ viewer { email } }`) never wait behind them.
          if (heavyLane && cost >= heavyLane.minCost && (subject.limitClass === 'USER' || subject.limitClass === 'API_KEY')) {
            const release = await heavyLane.limiter.acquire('heavy');
            if (!release) {
              rateLimitRejections.inc({ class: subject.limitClass });
              throw new TooManyInFlightError(heavyLane.maxInFlight, 'of this cost on the server');
            }
            releases.push(release);
          }
        },
      };
    },
  };
}
