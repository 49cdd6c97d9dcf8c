import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/**
 * The one way Orgraph fetches a URL a customer typed (webhooks, OIDC discovery and JWKS): see
 * docs/security.md "Outbound requests".
 *
 * - http/https only; names that only mean something inside a network (`localhost`, `*.internal`, single labels, …)
 *   and non-public literal addresses are refused before any connection (`checkOutboundUrl`, also used at create time);
 * - the address a name resolves to is checked when the socket connects (our lookup, then request-filtering-agent's),
 *   so DNS rebinding between a check and the connection gets nowhere;
 * - no redirects (plain `http.request` never follows them); a deadline over the whole request (DNS included) and a
 *   cap on the bytes read, enforced on the socket so that openid-client's own reads are bounded too;
 * - the caller learns one of a few generic failure codes, never the target's bytes or error text.
 */

/** Generic reasons shown to customers: no target text, nothing that tells closed from filtered from private. */
export const OUTBOUND_FAILURES = {
  CONNECTION_FAILED: 'Could not connect: the name did not resolve to a public address, or nothing accepted the connection.',
  TIMEOUT: 'No complete answer within the time limit.',
  HTTP_STATUS: 'The receiver answered with a status outside 2xx (redirects are not followed).',
  RESPONSE_TOO_LARGE: 'The answer was larger than the size limit.',
  FAILED: 'The request failed.',
} as const;
export type OutboundFailure = keyof typeof OUTBOUND_FAILURES;

/** A stored failure reason as it may be shown: anything not one of the generic codes (older rows) becomes FAILED. */
export function genericFailure(stored: string | null): OutboundFailure | null {
  if (stored === null) return null;
  return stored in OUTBOUND_FAILURES ? (stored as OutboundFailure) : 'FAILED';
}

export interface OutboundOptions {
  /** Let 127.0.0.1 and ::1 through (tests, local development); production refuses the setting (src/core/config.ts). */
  allowLoopback: boolean;
  /** `ip:port` of the DNS server to resolve names with; default the system resolver. */
  dnsResolver?: string;
  timeoutMs: number;
  maxResponseBytes: number;
}

export type OutboundResult =
  | { ok: true; status: number; body: Buffer }
  | { ok: false; failure: OutboundFailure; status: number | null; /** For the server log only, never for the customer. */ detail: string };

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: 'INVALID_URL' | 'DESTINATION_NOT_ALLOWED' };

class OutboundError extends Error {
  constructor(readonly failure: OutboundFailure, detail: string) {
    super(detail);
  }
}

/** Whether a request failed at the guard or its bounds (for callers that answer "provider unavailable"). */
export function isOutboundError(error: unknown): boolean {
  return error instanceof OutboundError;
}

/** Literal addresses are refused with our own error before the library's (whose message names the address). */
function refuseLiteral(options: net.TcpNetConnectOpts, allowLoopback: boolean): void {
  const host = options.host ?? '';
  if (net.isIP(host) && !isPublicAddress(host, allowLoopback)) throw new OutboundError('CONNECTION_FAILED', `${host} is not a public address`);
}

/** Names that resolve only inside a network (cloud metadata, mDNS, search-domain single labels). */
function isInternalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (!name.includes('.')) return true;
  return ['localhost', 'internal', 'local', 'localdomain', 'home.arpa', 'intranet', 'lan'].some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

/**
 * Whether an address may be connected to: only globally routable unicast. ipaddr.js classifies the ranges
 * (private, loopback, link-local incl. 169.254.169.254, unspecified 0.0.0.0, carrier-grade NAT, IPv4-mapped,
 * 6to4/Teredo/NAT64 that embed IPv4, multicast, reserved…).
 */
const LOCAL_USE_NAT64 = ipaddr.parseCIDR('64:ff9b:1::/48');

export function isPublicAddress(address: string, allowLoopback: boolean): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  const range = parsed.range();
  // RFC 8215's local-use NAT64 prefix 64:ff9b:1::/48 embeds IPv4 like 64:ff9b::/96 does, but ipaddr.js calls it
  // unicast (red-team D12: http://[64:ff9b:1::a9fe:a9fe]/ reaches 169.254.169.254 through a local translator).
  if (parsed.kind() === 'ipv6' && parsed.match(LOCAL_USE_NAT64)) return false;
  if (range === 'unicast') return true;
  return allowLoopback && range === 'loopback';
}

/**
 * Checks a URL without connecting: scheme, and the host when it is a literal address or an internal name. The
 * WHATWG parser has already normalized numeric tricks (`2130706433`, `0x7f.0.0.1`, `127.1` → 127.0.0.1).
 */
export function checkOutboundUrl(raw: string, allowLoopback: boolean): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'INVALID_URL' };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return { ok: false, reason: 'INVALID_URL' };
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (net.isIP(host)) return isPublicAddress(host, allowLoopback) ? { ok: true, url } : { ok: false, reason: 'DESTINATION_NOT_ALLOWED' };
  if (allowLoopback && host.toLowerCase() === 'localhost') return { ok: true, url };
  return isInternalName(host) ? { ok: false, reason: 'DESTINATION_NOT_ALLOWED' } : { ok: true, url };
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;
type Lookup = (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => void;

/** Resolution through one DNS server (DNS_RESOLVER), in the shape `net.connect` expects of `lookup`. */
function resolverLookup(server: string): Lookup {
  const resolver = new dns.promises.Resolver({ timeout: 2000, tries: 2 });
  resolver.setServers([server]);
  return (hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? [options.family] : [4, 6];
    Promise.allSettled(wanted.map((family) => (family === 4 ? resolver.resolve4(hostname) : resolver.resolve6(hostname)).then((list) => list.map((address) => ({ address, family })))))
      .then((settled) => {
        const addresses = settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
        if (addresses.length === 0) return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), options.all ? [] : '');
        if (options.all) return callback(null, addresses);
        return callback(null, addresses[0].address, addresses[0].family);
      })
      .catch((error: unknown) => callback(error as NodeJS.ErrnoException, options.all ? [] : ''));
  };
}

/** Every resolved address must be public: one private answer among public ones fails the connection. */
function guardedLookup(base: Lookup, allowLoopback: boolean): Lookup {
  return (hostname, options, callback) =>
    base(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, options.all ? [] : '');
      const list = addresses as dns.LookupAddress[];
      if (list.length === 0 || list.some(({ address }) => !isPublicAddress(address, allowLoopback))) {
        return callback(new OutboundError('CONNECTION_FAILED', `${hostname} resolved to a non-public address`), options.all ? [] : '');
      }
      return options.all ? callback(null, list) : callback(null, list[0].address, list[0].family);
    });
}

/** Deadline and byte cap on the socket itself, so every reader over this agent is bounded. */
function bound(socket: net.Socket, timeoutMs: number, maxBytes: number): void {
  let received = 0;
  const timer = setTimeout(() => socket.destroy(new OutboundError('TIMEOUT', `no complete answer in ${timeoutMs} ms`)), timeoutMs);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.on('data', (chunk: Buffer) => {
    received += chunk.length;
    // Headers come on the same socket: allow them 64 KiB above the body cap.
    if (received > maxBytes + 65_536) socket.destroy(new OutboundError('RESPONSE_TOO_LARGE', `more than ${maxBytes} bytes`));
  });
}

function filterOptions(allowLoopback: boolean) {
  return { allowPrivateIPAddress: false, allowMetaIPAddress: false, allowIPAddressList: allowLoopback ? ['127.0.0.1', '::1'] : [], keepAlive: false };
}

class GuardedHttpAgent extends RequestFilteringHttpAgent {
  constructor(private readonly limits: OutboundOptions) {
    super(filterOptions(limits.allowLoopback));
  }
  override createConnection(options: net.TcpNetConnectOpts, listener?: (error: Error | null, socket: net.Socket) => void) {
    refuseLiteral(options, this.limits.allowLoopback);
    const socket = super.createConnection(options, listener) as net.Socket;
    bound(socket, this.limits.timeoutMs, this.limits.maxResponseBytes);
    return socket;
  }
}

class GuardedHttpsAgent extends RequestFilteringHttpsAgent {
  constructor(private readonly limits: OutboundOptions) {
    super(filterOptions(limits.allowLoopback));
  }
  override createConnection(options: net.TcpNetConnectOpts, listener?: (error: Error | null, socket: net.Socket) => void) {
    refuseLiteral(options, this.limits.allowLoopback);
    const socket = super.createConnection(options, listener) as net.Socket;
    bound(socket, this.limits.timeoutMs, this.limits.maxResponseBytes);
    return socket;
  }
}

export class OutboundClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly lookup: Lookup;

  constructor(readonly options: OutboundOptions) {
    this.httpAgent = new GuardedHttpAgent(options);
    this.httpsAgent = new GuardedHttpsAgent(options);
    const base: Lookup = options.dnsResolver ? resolverLookup(options.dnsResolver) : (dns.lookup);
    this.lookup = guardedLookup(base, options.allowLoopback);
  }

  check(raw: string): UrlCheck {
    return checkOutboundUrl(raw, this.options.allowLoopback);
  }

  /** The `http.request` options that route a request through the guard (openid-client's `custom.http_options`). */
  httpOptions(url: URL): { agent: http.Agent; lookup: Lookup; timeout: number } {
    return { agent: url.protocol === 'https:' ? this.httpsAgent : this.httpAgent, lookup: this.lookup, timeout: this.options.timeoutMs };
  }

  /** One request; never throws. Success is a 2xx; anything else is a generic failure (the detail is for logs). */
  async request(raw: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {}): Promise<OutboundResult> {
    const checked = this.check(raw);
    if (!checked.ok) return { ok: false, failure: 'CONNECTION_FAILED', status: null, detail: `refused before connecting: ${checked.reason}` };
    const url = checked.url;
    try {
      const response = await new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
        // A destroyed socket fails the request and its response, in either order: report our own reason if any.
        const errors: unknown[] = [];
        const fail = (error: unknown) => {
          if (errors.push(error) === 1) setImmediate(() => reject(errors.find((e) => e instanceof OutboundError) ?? errors[0]));
        };
        const request = (url.protocol === 'https:' ? https : http).request(url, { method: init.method ?? 'GET', headers: init.headers, ...this.httpOptions(url) });
        request.on('error', fail);
        request.on('timeout', () => request.destroy(new OutboundError('TIMEOUT', 'socket idle')));
        request.on('response', (answer) => {
          const chunks: Buffer[] = [];
          let size = 0;
          answer.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= this.options.maxResponseBytes) return void chunks.push(chunk);
            if (errors.length === 0) fail(new OutboundError('RESPONSE_TOO_LARGE', `more than ${this.options.maxResponseBytes} bytes`));
            request.destroy();
          });
          answer.on('error', fail);
          answer.on('end', () => (errors.length ? undefined : resolve({ status: answer.statusCode ?? 0, body: Buffer.concat(chunks) })));
        });
        request.end(init.body);
      });
      if (response.status >= 200 && response.status < 300) return { ok: true, ...response };
      return { ok: false, failure: 'HTTP_STATUS', status: response.status, detail: `HTTP ${response.status}` };
    } catch (error) {
      const failure = error instanceof OutboundError ? error.failure : 'CONNECTION_FAILED';
      return { ok: false, failure, status: null, detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
