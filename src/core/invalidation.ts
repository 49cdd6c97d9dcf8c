import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from './logger';
import { invalidationListenerUp, invalidationsReceived } from './metrics';

/** What every instance must forget (the JSON the triggers send; NOTIFY payloads are limited to 8000 bytes). */
export type Invalidation = { kind: 'apiKey'; keyId: string } | { kind: 'team'; teamId: string } | { kind: 'catalog' };

export interface InvalidationSubscriber {
  /** One message from any instance, this one included (handlers are idempotent). */
  onInvalidation(message: Invalidation): void;
  /**
   * The listening connection came up (true) or went down (false). Either way notifications may have been missed:
   * drop everything; while down, serve nothing from the cache.
   */
  onListeningChanged(listening: boolean): void;
}

const CHANNEL = 'orgraph_invalidation';
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/**
 * Cross-instance cache invalidation over PostgreSQL LISTEN/NOTIFY. Every instance keeps one dedicated
 * connection LISTENing on `orgraph_invalidation`. Triggers on the cached tables (api_keys, teams; migration
 * 1735000001000) NOTIFY inside the changing transaction, so the message goes out exactly when the change commits,
 * whatever code path made it; each instance drops the affected entries when it arrives (milliseconds, measured in
 * test/multiInstance.test.ts).
 *
 * Missed notifications: PostgreSQL delivers every committed NOTIFY to every connected listener, so a message can only
 * be missed while the listening connection is down. Then subscribers flush and stop caching until LISTEN is back
 * (and flush again on reconnect), so a lost connection never serves stale entries. TCP keepalive finds a silently
 * dead connection; until it does, the cache TTL (30 s for API keys) is the last bound.
 */
export class InvalidationBus {
  private client: Client | null = null;
  private listening = false;
  private stopped = true;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly subscribers: InvalidationSubscriber[] = [];
  private lastError: string | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly logger: Pick<Logger, 'warn' | 'info' | 'error'>,
  ) {}

  subscribe(subscriber: InvalidationSubscriber): void {
    this.subscribers.push(subscriber);
    subscriber.onListeningChanged(this.listening);
  }

  get isListening(): boolean {
    return this.listening;
  }

  /** Connects the listener; resolves once LISTEN is in place (or after the first failure, retrying in background). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  health(): { status: 'up' | 'down'; channel: string; error?: string } {
    return this.listening ? { status: 'up', channel: CHANNEL } : { status: 'down', channel: CHANNEL, ...(this.lastError ? { error: this.lastError } : {}) };
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const client = this.client;
    this.client = null;
    this.setListening(false);
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const options = this.db.options as { url?: string };
    const client = new Client({
      connectionString: options.url,
      application_name: 'orgraph-invalidation',
      connectionTimeoutMillis: 5_000,
      // A listener whose peer vanished without a FIN would otherwise look healthy while hearing nothing.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (notification) => {
      if (notification.channel !== CHANNEL || !notification.payload) return;
      let message: Invalidation;
      try {
        message = JSON.parse(notification.payload) as Invalidation;
      } catch {
        return;
      }
      invalidationsReceived.inc({ kind: message.kind });
      for (const subscriber of this.subscribers) subscriber.onInvalidation(message);
    });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.lastError = error?.message ?? 'connection ended';
      if (!this.stopped) this.logger.warn({ err: this.lastError }, 'invalidation listener lost: caches flushed and bypassed until it reconnects');
      this.setListening(false);
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.client !== client) return;
      this.reconnectDelay = RECONNECT_MIN_MS;
      this.lastError = null;
      this.setListening(true);
    } catch (error) {
      lost(error as Error);
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, this.reconnectDelay);
    this.reconnectTimer.unref();
    this.reconnectDelay = Math.min(RECONNECT_MAX_MS, this.reconnectDelay * 2);
  }

  private setListening(listening: boolean): void {
    const changed = this.listening !== listening;
    this.listening = listening;
    invalidationListenerUp.set(listening ? 1 : 0);
    if (changed) for (const subscriber of this.subscribers) subscriber.onListeningChanged(listening);
  }
}
