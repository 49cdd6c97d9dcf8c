/**
 * The HTTP client of bench/usage.ts, forked into its own process (as bench/load/driver.ts is for the load tests):
 * a client is somewhere else in production, and on one machine its receiving and parsing of multi-megabyte answers
 * would otherwise be charged to the server's event loop and heap. Each sample is timed from the request to the
 * last byte of the answer, plus the client's JSON.parse when asked.
 *
 * Two clients: node:http over one keep-alive socket (the default: a load tool's cost, as wrk or autocannon), and
 * the global fetch (undici), which on this machine adds ~0.7 ms to every request of its own (WHATWG streams and
 * promise plumbing: measured with `{ __typename }`, 1.7 vs 1.0 ms). The fetch figures are printed beside the others
 * where a ratio depends on them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';

export interface TimedRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Also decode and JSON.parse each answer inside the timed section. */
  parse?: boolean;
  /** Which client sends it (default node:http, keep-alive). */
  client?: 'http' | 'fetch';
}

interface Job extends TimedRequest {
  id: number;
  samples: number;
}

/** Each sample's milliseconds, its `Server-Timing` header (empty when the server sent none), and the answer's bytes. */
export interface Samples {
  times: number[];
  timings: string[];
  bytes: number;
}

type Reply = ({ id: number } & Samples) | { id: number; error: string };

/** Runs in the parent: sends jobs to the forked client and resolves with each sample's milliseconds. */
export class TimedClient {
  private readonly child: ChildProcess;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (samples: Samples) => void; reject: (error: Error) => void }>();

  constructor() {
    this.child = fork(__filename, ['--child'], { execArgv: ['-r', 'ts-node/register/transpile-only'] });
    this.child.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiting) return;
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve({ times: reply.times, timings: reply.timings, bytes: reply.bytes });
    });
    // A client that dies must fail the benchmark, not leave it waiting forever.
    this.child.on('exit', (code, signal) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`the timed client exited (${signal ?? code})`));
      this.pending.clear();
    });
  }

  /** One warm-up request, then `samples` timed ones, one at a time. */
  time(samples: number, request: TimedRequest): Promise<Samples> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...request, id, samples } satisfies Job);
    });
  }

  close(): void {
    this.child.kill();
  }
}

interface Answer {
  status: number;
  bytes: Uint8Array;
  timing: string;
}

// No sample may hang the run: a request taking over two minutes fails it.
const SAMPLE_TIMEOUT_MS = 120_000;

async function viaFetch(job: Job): Promise<Answer> {
  const response = await fetch(job.url, { method: job.method ?? 'GET', headers: job.headers, body: job.body, signal: AbortSignal.timeout(SAMPLE_TIMEOUT_MS) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, bytes, timing: response.headers.get('server-timing') ?? '' };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function viaHttp(job: Job): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = job.body === undefined ? job.headers : { ...job.headers, 'content-length': String(Buffer.byteLength(job.body)) };
    const request = http.request(job.url, { method: job.method ?? 'GET', headers, agent, timeout: SAMPLE_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes: Buffer.concat(chunks), timing: String(response.headers['server-timing'] ?? '') }));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer in ${SAMPLE_TIMEOUT_MS} ms`)));
    request.on('error', reject);
    request.end(job.body);
  });
}

async function runJob(job: Job): Promise<Samples> {
  const send = job.client === 'fetch' ? viaFetch : viaHttp;
  const once = async () => {
    const started = process.hrtime.bigint();
    const answer = await send(job);
    if (job.parse) JSON.parse(new TextDecoder().decode(answer.bytes));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, ...answer };
  };
  const warm = await once();
  const text = new TextDecoder().decode(warm.bytes);
  if (warm.status !== 200 || text.includes('"errors"')) throw new Error(`answered ${warm.status}: ${text.slice(0, 500)}`);
  const times: number[] = [];
  const timings: string[] = [];
  for (let i = 0; i < job.samples; i++) {
    const sample = await once();
    times.push(sample.ms);
    timings.push(sample.timing);
  }
  return { times, timings, bytes: warm.bytes.byteLength };
}

if (process.argv[2] === '--child') {
  process.on('message', (job: Job) => {
    runJob(job).then(
      (samples) => process.send!({ id: job.id, ...samples } satisfies Reply),
      (error: unknown) => process.send!({ id: job.id, error: (error as Error).message } satisfies Reply),
    );
  });
}
