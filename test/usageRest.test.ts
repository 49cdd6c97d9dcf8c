import fc from 'fast-check';
import { DateTime } from 'luxon';
import { sendWithAuthorizations } from './support/repeatedHeaders';
import { startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp, unique } from './support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function organization() {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = await createTeam(app, admin, org.id);
  const adminKey = await createApiKeyFor(app, org.slug, 'ADMIN');
  return { admin, org, team, adminKey };
}

function ndjson(lines: unknown[]): string {
  return lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
}

async function postNdjson(body: string, token = TEST_INGEST_TOKEN) {
  const response = await fetch(`${app.url}/ingest/usage`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body });
  return { status: response.status, body: (await response.json()) };
}

describe('POST /ingest/usage (NDJSON)', () => {
  it('streams records, reports bad lines by line number, keeps the rest, and is idempotent', async () => {
    const { team } = await organization();
    const good = Array.from({ length: 25_000 }, (_, i) => ({
      id: `nd-${i}`,
      timestamp: DateTime.fromISO('2025-04-01T00:00:00Z').plus({ seconds: 30 * i }).toISO(),
      teamUsername: team.username,
      product: 'MODEL_APIS',
      endpointId: 'fal-ai/flux/schnell',
      quantity: '2',
    }));
    const body = ndjson([...good.slice(0, 3), '{not json', { ...good[3], quantity: '-4' }, ...good.slice(4)]);
    const first = await postNdjson(body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 24_999, duplicates: 0, rejected: 2 });
    expect(first.body.rejections.map((r: any) => [r.index, r.code])).toEqual([[4, 'INVALID'], [5, 'NEGATIVE_QUANTITY']]);
    const retry = await postNdjson(body);
    expect(retry.body).toMatchObject({ accepted: 0, duplicates: 24_999 });
    const [{ total }] = await app.db.query(`SELECT trim_scale(sum(cost))::text AS total FROM usage_rollup_1d r JOIN teams t ON t.id = r.team_id WHERE t.username = $1`, [team.username]);
    expect(total).toBe('149.994');
  });

  it('refuses a record holding half a UTF-16 character (it would be stored as U+FFFD, silently changed)', async () => {
    const { team } = await organization();
    const record = { id: 'half-1', timestamp: '2025-04-02T00:00:00Z', teamUsername: team.username, product: 'COMPUTE', endpointId: 'x\ud83dx', unit: 'u', quantity: '1', unitPrice: '1' };
    const whole = { ...record, id: 'whole-1', endpointId: 'x😀x' };
    const answer = await postNdjson(ndjson([record, whole]));
    expect(answer.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(answer.body.rejections).toEqual([expect.objectContaining({ index: 1, code: 'INVALID', message: expect.stringMatching(/unpaired UTF-16 surrogate/) })]);
  });

  it('stores batches concurrently: exact totals with ids repeated in reverse across batches, first 1,000 rejections by line', async () => {
    const { team } = await organization();
    // Lines 10,000–19,999 repeat the ids of lines 0–9,999 in reverse, so neighbouring batches, stored at the same
    // time, insert the same keys; every 14th line is bad (malformed JSON or a negative quantity).
    const idOf = (i: number) => (i < 10_000 ? i : i < 20_000 ? 19_999 - i : i);
    const bad = (i: number) => i % 14 === 0;
    const lines = Array.from({ length: 30_000 }, (_, i) =>
      i % 28 === 0
        ? '{not json'
        : { id: `cc-${idOf(i)}`, timestamp: DateTime.fromISO('2025-05-01T00:00:00Z').plus({ seconds: 10 * idOf(i) }).toISO(), teamUsername: team.username, product: 'MODEL_APIS', endpointId: 'fal-ai/flux/schnell', quantity: bad(i) ? '-1' : '1' },
    );
    const valid = [...lines.keys()].filter((i) => !bad(i));
    const distinct = new Set(valid.map(idOf)).size;
    const { status, body } = await postNdjson(ndjson(lines));
    expect(status).toBe(200);
    expect(body).toMatchObject({ accepted: distinct, duplicates: valid.length - distinct, rejected: 30_000 - valid.length, rejections_truncated: true });
    const firstBadLines = [...lines.keys()].filter(bad).slice(0, 1000).map((i) => i + 1);
    expect(body.rejections.map((r: any) => r.index)).toEqual(firstBadLines);
    for (const table of ['usage_records', 'usage_rollup_15m', 'usage_rollup_1h', 'usage_rollup_1d', 'usage_rollup_items_1d']) {
      const [{ total }] = await app.db.query(`SELECT sum(quantity)::int AS total FROM ${table} r JOIN teams t ON t.id = r.team_id WHERE t.username = $1`, [team.username]);
      expect([table, total]).toEqual([table, distinct]);
    }
  });

  it('refuses other credentials with the seed’s error body', async () => {
    const { adminKey } = await organization();
    const response = await fetch(`${app.url}/ingest/usage`, { method: 'POST', headers: { authorization: `Key ${adminKey}` }, body: '' });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { type: 'authorization_error', message: expect.any(String), request_id: response.headers.get('x-request-id') } });
    const anonymous = await fetch(`${app.url}/ingest/usage`, { method: 'POST', body: '' });
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /v1/organization/usage (the REST contract; test/restContract.test.ts walks it row by row)', () => {
  it('answers the contract’s shape and the same numbers as GraphQL', async () => {
    const { org, team, adminKey, admin } = await organization();
    const lines = [0, 1, 2, 26].map((hour, i) => ({
      id: `rest-${i}`,
      timestamp: DateTime.fromISO('2025-05-01T00:00:00Z').plus({ hours: hour }).toISO(),
      teamUsername: team.username,
      product: i === 2 ? 'COMPUTE' : 'MODEL_APIS',
      endpointId: i === 2 ? 'compute/a100-8x' : 'fal-ai/flux/schnell',
      quantity: '1',
      unitPrice: '0.5',
    }));
    await postNdjson(ndjson(lines));
    const params = new URLSearchParams({ start: '2025-05-01', end: '2025-05-03', timeframe: 'day', bound_to_timeframe: 'true', expand: 'time_series,summary', limit: '2' });
    params.append('product', 'model_apis');
    params.append('product', 'compute');
    const response = await fetch(`${app.url}/v1/organization/usage?${params}`, { headers: { authorization: `Key ${adminKey}` } });
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(body.has_more).toBe(true);
    expect(body.next_cursor).toBe('Mg==');
    expect(body.time_series).toEqual([
      {
        bucket: '2025-05-01T00:00:00Z',
        results: [
          { username: team.username, product: 'compute', endpoint_id: 'compute/a100-8x', unit: 'gpu_hour', quantity: 1, unit_price: 0.5, cost: 0.5, currency: 'USD' },
          { username: team.username, product: 'model_apis', endpoint_id: 'fal-ai/flux/schnell', unit: 'megapixel', quantity: 2, unit_price: 0.5, cost: 1, currency: 'USD' },
        ],
      },
    ]);
    expect(body.summary.map((i: any) => i.cost)).toEqual([0.5, 1.5]);
    const page2 = await fetch(`${app.url}/v1/organization/usage?${params}&cursor=Mg==`, { headers: { authorization: `Key ${adminKey}` } });
    const second: any = await page2.json();
    expect(second).toMatchObject({ has_more: false, next_cursor: null });
    expect(second.time_series[0].bucket).toBe('2025-05-02T00:00:00Z');

    const graphql = await app.data(
      `query($slug: String!) { organization(slug: $slug) { usage(start: "2025-05-01", end: "2025-05-03", expand: [SUMMARY]) { summary { cost } } } }`,
      { slug: org.slug },
      { token: admin.token },
    );
    expect(graphql.organization.usage.summary.map((i: any) => i.cost)).toEqual(['0.5', '1.5']);
  });

  it('maps bad input to 400 and bad credentials to 401/403 with the contract’s error body', async () => {
    const { adminKey, team } = await organization();
    const get = (query: string, auth = `Key ${adminKey}`) => fetch(`${app.url}/v1/organization/usage?${query}`, { headers: { authorization: auth } });
    // A repeated timeframe (as a list it collapsed to one), and `end` alone in the past: the contract's default start
    // is 24 hours before now, after that end (found by an outside client written from the contract).
    const pastEnd = new Date(Date.now() - 3 * 24 * 3600_000).toISOString().slice(0, 10);
    for (const query of ['start=2025-02-01&end=2025-01-01', 'timezone=Nowhere/City', 'bound_to_timeframe=maybe', 'cursor=%%%', 'expand=auth_method', 'limit=0', 'timeframe=fortnight',
      'timeframe=day&timeframe=day', 'timeframe=day,day', `end=${pastEnd}`]) {
      const response = await get(query);
      expect([query, response.status]).toEqual([query, 400]);
      expect((await response.json()).error.type).toBe('validation_error');
    }
    const unauthenticated = await get('', 'Key ogk_000000000000000000000000:nope');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toBe('Key realm="orgraph", Bearer realm="orgraph"');
    // Two Authorization headers: Node kept the first, so which credential acted depended on their order.
    const teamApiKey = await createApiKeyFor(app, team.username, 'API');
    for (const order of [[`Key ${adminKey}`, `Key ${teamApiKey}`], [`Key ${teamApiKey}`, `Key ${adminKey}`]]) {
      expect((await sendWithAuthorizations(`${app.url}/v1/organization/usage`, order)).status).toBe(401);
      const graphql = await sendWithAuthorizations(`${app.url}/graphql`, order, { method: 'POST', body: JSON.stringify({ query: '{ viewer { id } }' }) });
      expect(JSON.parse(graphql.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const teamKey = await createApiKeyFor(app, team.username, 'ADMIN');
    expect((await get('', `Key ${teamKey}`)).status).toBe(403);
  });
});

describe('property: the time series adds up to the summary', () => {
  it('for random records, zones and ranges (decimal-exact)', async () => {
    const { org, team, admin } = await organization();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ minute: fc.integer({ min: 0, max: 20 * 24 * 60 }), quantity: fc.integer({ min: 0, max: 10_000_000 }), cents: fc.integer({ min: 0, max: 99_999 }) }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('UTC', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom('HOUR', 'DAY', 'WEEK'),
        async (records, zone, startDay, timeframe) => {
          run += 1;
          const base = DateTime.fromISO('2025-10-20T00:00:00Z');
          await fetch(`${app.url}/ingest/usage`, {
            method: 'POST',
            headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}` },
            body: ndjson(
              records.map((r, i) => ({
                id: `prop-${run}-${i}-${unique('x')}`,
                timestamp: base.plus({ minutes: r.minute }).toISO(),
                teamUsername: team.username,
                product: 'MODEL_APIS',
                endpointId: 'fal-ai/whisper',
                quantity: (r.quantity / 1000).toString(),
                unitPrice: (r.cents / 10000).toString(),
              })),
            ),
          });
          const start = base.plus({ days: startDay }).toISODate();
          const end = base.plus({ days: startDay + (timeframe === 'HOUR' ? 1 : 9) }).toISODate();
          let cursor: string | null = null;
          let seriesMicros = 0n;
          let summaryMicros = 0n;
          do {
            const { organization }: any = await app.data(
              `query($slug: String!, $start: String, $end: String, $tz: String, $tf: UsageTimeframe, $cursor: String) {
                 organization(slug: $slug) { usage(start: $start, end: $end, timezone: $tz, timeframe: $tf, groupBy: [PRODUCT], expand: [TIME_SERIES, SUMMARY], limit: 5, cursor: $cursor) {
                   nextCursor timeSeries { results { cost } } summary { cost } } }
               }`,
              { slug: org.slug, start, end, tz: zone, tf: timeframe, cursor },
              { token: admin.token },
            );
            for (const bucket of organization.usage.timeSeries) for (const item of bucket.results) seriesMicros += toScaled(item.cost);
            summaryMicros = organization.usage.summary.reduce((sum: bigint, item: any) => sum + toScaled(item.cost), 0n);
            cursor = organization.usage.nextCursor;
          } while (cursor);
          return seriesMicros === summaryMicros;
        },
      ),
      { numRuns: 25 },
    );
  });
});

/** Exact decimal → integer of 10^-12 units, so sums compare without floats. */
function toScaled(decimal: string): bigint {
  const [whole, fraction = ''] = decimal.split('.');
  return BigInt(whole) * 10n ** 12n + BigInt((fraction + '0'.repeat(12)).slice(0, 12)) * (decimal.startsWith('-') ? -1n : 1n);
}
