import { startTestApp, TEST_OPERATOR_TOKEN, type TestApp } from './support/testApp';

/**
 * A job whose worker keeps dying (docs/jobs.md): each time it is taken and never finished, it expires and runs again,
 * until its retries are spent; then it is a dead letter (pg-boss's dead-letter queue), which operators see with the
 * delivery it was for. Time passing is simulated by moving the job's clock fields back, so nothing here sleeps.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ WEBHOOK_POLL_MS: '3600000' });
});
afterAll(() => app?.close());

it('a webhook job whose worker dies on every try ends in the dead-letter queue, visible to operators', async () => {
  const [delivery] = await app.db.query(
    `INSERT INTO webhook_deliveries (url, payload) VALUES ('http://127.0.0.1:9/hook', '{"type":"test","alertId":"00000000-0000-0000-0000-000000000000"}') RETURNING id`,
  );
  const [queue] = await app.db.query(`SELECT retry_limit FROM pgboss.queue WHERE name = 'webhook-delivery'`);
  let tries = 0;
  for (;;) {
    // A worker takes the job and dies before finishing it.
    const jobs = await app.server.jobs.boss.fetch<{ id: string }>('webhook-delivery', { batchSize: 20 });
    if (jobs.length === 0) break;
    expect(jobs.map((job) => job.data.id)).toEqual([delivery.id]);
    tries += 1;
    // Its expiry passes; maintenance fails it (into a retry while any are left), and the retry's backoff passes.
    await app.db.query(`UPDATE pgboss.job SET started_on = started_on - interval '1 day' WHERE id = $1`, [jobs[0].id]);
    await app.server.jobs.expireStalled();
    await app.db.query(`UPDATE pgboss.job SET start_after = now() WHERE id = $1 AND state = 'retry'`, [jobs[0].id]);
  }
  expect(tries).toBe(queue.retry_limit + 1);
  // The delivery itself never recorded an attempt: it is still PENDING, and the dead letter says the job gave up.
  expect(await app.db.query(`SELECT status, attempts FROM webhook_deliveries WHERE id = $1`, [delivery.id])).toEqual([{ status: 'PENDING', attempts: 0 }]);
  expect(await app.db.query(`SELECT kind, item_id FROM job_dead_letters`)).toEqual([{ kind: 'WEBHOOK_JOB', item_id: delivery.id }]);
  const { deadLetters } = await app.data(`{ deadLetters(first: 5) { totalCount edges { node { kind itemId attempts } } } }`, {}, { bearer: TEST_OPERATOR_TOKEN });
  expect(deadLetters).toEqual({ totalCount: 1, edges: [{ node: { kind: 'WEBHOOK_JOB', itemId: delivery.id, attempts: 0 } }] });
  const ready = await (await fetch(`${app.url}/readyz`)).json();
  expect(ready.checks.queue).toMatchObject({ status: 'up', deadLetters: 1, queued: { 'webhook-delivery': 0 } });
});
