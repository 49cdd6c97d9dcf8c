import { drive, megabytes, numberFromEnv, poolCounts, startBench } from './harness';
import { workloadRequests } from './mixed';

/**
 * Soak: the mixed workload held at a steady rate for a long time while the server's memory and database pool are
 * sampled, to show they stay flat (a leak shows as a rising heap after garbage collection; a connection leak as
 * a rising pool total or waiting count).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx ts-node --transpile-only bench/load/soak.ts
 *   (or `npm run bench:soak`; add NODE_OPTIONS=--expose-gc to sample the heap after a full collection)
 *
 * Environment: DURATION_S (default 600), SAMPLE_S (default 10), RATE (default 200 requests/s: a soak measures
 * drift, not saturation), CONNECTIONS (default 10). Stops by itself.
 */

interface Sample {
  atSeconds: number;
  rss: number;
  heapUsed: number;
  pool: { total: number; idle: number; waiting: number };
}

async function main(): Promise<void> {
  const seconds = numberFromEnv('DURATION_S', 600);
  const sampleSeconds = numberFromEnv('SAMPLE_S', 10);
  const rate = numberFromEnv('RATE', 200);
  const connections = numberFromEnv('CONNECTIONS', 10);
  const bench = await startBench();
  const gc = (globalThis as { gc?: () => void }).gc;
  const samples: Sample[] = [];
  const started = Date.now();
  const sample = () => {
    gc?.();
    const memory = process.memoryUsage();
    const entry = { atSeconds: Math.round((Date.now() - started) / 1000), rss: memory.rss, heapUsed: memory.heapUsed, pool: poolCounts(bench.db) };
    samples.push(entry);
    console.log(
      `t=${String(entry.atSeconds).padStart(4)} s  rss ${megabytes(entry.rss).padStart(9)}  heap ${megabytes(entry.heapUsed).padStart(9)}  ` +
        `pool total ${entry.pool.total} idle ${entry.pool.idle} waiting ${entry.pool.waiting}`,
    );
  };
  try {
    console.log(`soak: ${seconds} s at ${rate} req/s over ${connections} connections, sampling every ${sampleSeconds} s${gc ? ' (after gc)' : ''}`);
    sample();
    const timer = setInterval(sample, sampleSeconds * 1000);
    const result = await drive({ url: bench.url, requests: workloadRequests(bench.fixtures), seconds, connections, rate });
    clearInterval(timer);
    // Let in-flight work drain: a leak-free server returns every connection to the pool and waits on nothing.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    sample();
    const settled = samples[samples.length - 1];
    const first = samples[1] ?? samples[0]; // the first sample under load is the fair baseline
    const last = samples[samples.length - 1];
    const errors = result.non2xx + result.transportErrors + result.timeouts + result.graphqlErrors;
    console.log(`requests: ${result.requests} (${result.requestsPerSecond.toFixed(0)} req/s), errors ${errors}, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms`);
    console.log(
      `memory under load: rss ${megabytes(first.rss)} → ${megabytes(last.rss)}, heap ${megabytes(first.heapUsed)} → ${megabytes(last.heapUsed)}; ` +
        `pool total max ${Math.max(...samples.map((s) => s.pool.total))}, waiting max ${Math.max(...samples.map((s) => s.pool.waiting))}`,
    );
    console.log(`after the load settled: pool total ${settled.pool.total}, idle ${settled.pool.idle}, waiting ${settled.pool.waiting}`);
    process.exitCode = errors === 0 ? 0 : 1;
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
