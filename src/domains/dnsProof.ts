import { Resolver } from 'node:dns/promises';

/** What a TXT lookup found: the records (each one's character strings joined), or why there are none. */
export type TxtLookup = { kind: 'RECORDS'; records: string[] } | { kind: 'NONE' } | { kind: 'UNAVAILABLE'; reason: string };

/**
 * Resolves the TXT records of the domain-proof names with Node's own resolver (c-ares), not the operating system's
 * `getaddrinfo`. `servers` (`DNS_RESOLVER`, `host:port`) points it at a chosen recursive resolver; tests point it
 * at a DNS server on loopback. Lookups are bounded in time so a slow zone cannot hold a request.
 */
export class DnsProofResolver {
  constructor(private readonly servers: string[] | undefined, private readonly timeoutMs = 3000) {}

  async txt(name: string): Promise<TxtLookup> {
    // A fresh resolver per lookup: its servers are this instance's, whatever other code does to the global resolver.
    const resolver = new Resolver({ timeout: this.timeoutMs, tries: 2 });
    if (this.servers?.length) resolver.setServers(this.servers);
    try {
      const records = await resolver.resolveTxt(name);
      return { kind: 'RECORDS', records: records.map((chunks) => chunks.join('')) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // "No such name" and "no TXT data" both mean the proof is not published (yet).
      if (code === 'ENOTFOUND' || code === 'ENODATA') return { kind: 'NONE' };
      return { kind: 'UNAVAILABLE', reason: code ?? 'ERROR' };
    }
  }
}
