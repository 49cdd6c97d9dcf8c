import { Issuer, custom, type BaseClient } from 'openid-client';
import type { OutboundClient } from '../core/outbound';

/**
 * OpenID discovery and everything openid-client fetches afterwards (JWKS, token endpoint, userinfo) through the
 * outbound guard (src/core/outbound.ts): a customer typed the issuer URL, so the provider's metadata can name any
 * address. openid-client's `Issuer.discover` cannot be given per-call options, so the document is fetched here
 * (bounded) and the issuer and its clients carry the guarded `http_options`.
 */
export class SsoDiscoveryError extends Error {}

/** The discovery document's URL for an issuer (as openid-client's own discovery derives it). */
function wellKnownUrl(issuer: string): string {
  return issuer.includes('/.well-known/') ? issuer : `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

export async function discoverIssuer(outbound: OutboundClient, issuerUrl: string): Promise<Issuer> {
  const answer = await outbound.request(wellKnownUrl(issuerUrl), { headers: { accept: 'application/json' } });
  if (!answer.ok) throw new SsoDiscoveryError(answer.failure);
  let metadata: Record<string, unknown>;
  try {
    metadata = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new SsoDiscoveryError('NOT_JSON');
  }
  if (!metadata || typeof metadata !== 'object' || typeof metadata.issuer !== 'string') throw new SsoDiscoveryError('NOT_OPENID_METADATA');
  const issuer = new Issuer(metadata as ConstructorParameters<typeof Issuer>[0]);
  guard(outbound, issuer);
  return issuer;
}

/** Routes a client's requests (token endpoint, userinfo) through the guard too. */
export function guardClient<T extends BaseClient>(outbound: OutboundClient, client: T): T {
  guard(outbound, client);
  return client;
}

function guard(outbound: OutboundClient, target: Issuer | BaseClient): void {
  (target as unknown as Record<symbol, unknown>)[custom.http_options] = (url: URL) => outbound.httpOptions(url);
}
