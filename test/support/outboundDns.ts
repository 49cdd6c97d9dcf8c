import dgram from 'node:dgram';
// dns2 ships no type declarations; the few calls below are its documented server API.
 
const dns2 = require('dns2');

export interface LoopbackDns {
  /** `127.0.0.1:<port>`, the value of DNS_RESOLVER. */
  address: string;
  /** Every name asked, in order (to prove the server resolved through it). */
  asked: string[];
  close(): void;
}

/** A free UDP port on 127.0.0.1. */
function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = dgram.createSocket('udp4');
    probe.once('error', reject);
    probe.bind(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real DNS server on loopback (UDP) answering A and AAAA from a table; other names are NXDOMAIN. The server under
 * test resolves customer-supplied names through it when started with DNS_RESOLVER.
 */
export async function startLoopbackDns(records: Record<string, { a?: string[]; aaaa?: string[] }>): Promise<LoopbackDns> {
  const { Packet } = dns2;
  const asked: string[] = [];
  const server = dns2.createServer({
    udp: true,
    handle: (request: any, send: (response: unknown) => void) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const name = String(question.name).toLowerCase();
      asked.push(name);
      const record = records[name];
      if (!record) {
        response.header.rcode = Packet.RCODE.NXDOMAIN;
        return send(response);
      }
      const [type, addresses] = question.type === Packet.TYPE.AAAA ? [Packet.TYPE.AAAA, record.aaaa ?? []] : [Packet.TYPE.A, record.a ?? []];
      for (const address of addresses) response.answers.push({ name: question.name, type, class: Packet.CLASS.IN, ttl: 1, address });
      return send(response);
    },
  });
  const port = await freeUdpPort();
  await server.listen({ udp: { port, address: '127.0.0.1' } });
  return { address: `127.0.0.1:${port}`, asked, close: () => server.close() };
}
