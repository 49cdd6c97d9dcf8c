import dns2 from 'dns2';
import { freePort } from './ports';

const { Packet } = dns2;
// Response codes (RFC 1035 §4.1.1); dns2's typings omit its `Packet.RCODE` table.
const SERVFAIL = 2;
const NXDOMAIN = 3;

/**
 * A real DNS server (the `dns2` package) on loopback, UDP and TCP on one port, answering TXT questions from a
 * table the test fills (`publish`) and NXDOMAIN for every other name. Point Orgraph at it with
 * `DNS_RESOLVER=<address>`. `fail(name)` makes a name answer SERVFAIL (a broken zone).
 */
export interface DnsTxtServer {
  address: string;
  publish(name: string, ...values: string[]): void;
  unpublish(name: string): void;
  fail(name: string): void;
  /** Names asked for, in order (what Orgraph actually looked up). */
  questions: string[];
  stop(): Promise<void>;
}

export async function startDnsTxtServer(): Promise<DnsTxtServer> {
  const records = new Map<string, string[]>();
  const failing = new Set<string>();
  const questions: string[] = [];
  const server = dns2.createServer({
    udp: true,
    tcp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const name = (question?.name ?? '').toLowerCase();
      questions.push(name);
      if (failing.has(name)) {
        response.header.rcode = SERVFAIL;
      } else if (!records.has(name)) {
        response.header.rcode = NXDOMAIN;
      } else if (question.type === Packet.TYPE.TXT) {
        for (const data of records.get(name)!) response.answers.push({ name: question.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 1, data } as unknown as (typeof response.answers)[number]);
      }
      void send(response);
    },
  });
  const port = await freePort();
  await server.listen({ udp: { port, address: '127.0.0.1' }, tcp: { port, address: '127.0.0.1' } });
  return {
    address: `127.0.0.1:${port}`,
    publish: (name, ...values) => records.set(name.toLowerCase(), [...(records.get(name.toLowerCase()) ?? []), ...values]),
    unpublish: (name) => void records.delete(name.toLowerCase()),
    fail: (name) => void failing.add(name.toLowerCase()),
    questions,
    stop: () => server.close(),
  };
}

interface GraphqlApp {
  data<T = any>(query: string, variables?: Record<string, unknown>, credential?: { token: string }): Promise<T>;
}

export const ADD_DOMAIN = `mutation($input: AddDomainInput!) { addDomain(input: $input) { domain { id domain status txtRecordName txtRecordValue verifiedAt } userErrors { field code message } } }`;
export const VERIFY_DOMAIN = `mutation($input: DomainIdInput!) { verifyDomain(input: $input) { domain { id domain status verifiedAt } userErrors { field code message } } }`;
export const REMOVE_DOMAIN = `mutation($input: DomainIdInput!) { removeDomain(input: $input) { removedDomainId userErrors { field code message } } }`;

/** An organization admin claims `domain`, publishes the TXT record Orgraph names, and proves it: the real flow. */
export async function proveDomain(app: GraphqlApp, dns: DnsTxtServer, token: string, organizationId: string, domain: string): Promise<{ id: string }> {
  const { addDomain } = await app.data(ADD_DOMAIN, { input: { organizationId, domain } }, { token });
  if (addDomain.userErrors.length) throw new Error(`addDomain: ${JSON.stringify(addDomain.userErrors)}`);
  dns.publish(addDomain.domain.txtRecordName, addDomain.domain.txtRecordValue);
  const { verifyDomain } = await app.data(VERIFY_DOMAIN, { input: { domainId: addDomain.domain.id } }, { token });
  if (verifyDomain.userErrors.length || verifyDomain.domain.status !== 'VERIFIED') throw new Error(`verifyDomain: ${JSON.stringify(verifyDomain)}`);
  return { id: addDomain.domain.id };
}
