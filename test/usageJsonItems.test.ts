import { DateTime } from 'luxon';
import { authorizationHeader, startTestApp, TEST_INGEST_TOKEN, type TestApp } from './support/testApp';
import { createApiKeyFor, createOrganization, createTeam, signUp } from './support/factories';
import { queryBatchesDefaults } from '../src/core/queryBatches';
import { jsonPiecesText } from '../src/core/jsonParts';
import { UsageQueryService } from '../src/usage/usageQuery.service';
import { restItemsShape } from '../src/usage/usageItemsJson';
import { UsageTimeframe } from '../src/usage/usage.types';

/**
 * Usage item lists written as JSON by PostgreSQL and spliced into the answer must be exactly what the object path
 * answers: same items, values, key order, for GraphQL (aliases, __typename, several reports in one operation, batched
 * operations) and for REST. The object path is forced by a selection the SQL writer declines (an inline fragment).
 */
let app: TestApp;
let slug: string;
let adminKey: string;
let teams: string[];
beforeAll(async () => {
  app = await startTestApp();
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  slug = org.slug;
  teams = [(await createTeam(app, admin, org.id)).username, (await createTeam(app, admin, org.id)).username];
  adminKey = await createApiKeyFor(app, org.slug, 'ADMIN');
  const day = DateTime.utc().startOf('day').minus({ days: 3 });
  const records = [];
  for (let i = 0; i < 120; i++) {
    records.push({
      id: `json-${i}`,
      timestamp: day.plus({ hours: i * 0.6 }).toISO(),
      teamUsername: teams[i % 2],
      product: i % 3 === 0 ? 'SERVERLESS' : 'MODEL_APIS',
      endpointId: i % 4 === 0 ? 'fal-ai/flux/dev' : 'fal-ai/flux/schnell',
      quantity: `${1 + (i % 7)}.${i % 10}25`,
      // Prices vary within a bucket, so unit prices are derived (cost ÷ quantity, rounded) on some items.
      unitPrice: i % 5 === 0 ? '0.0333333' : '0.02',
    });
  }
  const { ingestUsage } = await app.data(
    `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`,
    { input: { records } },
    { bearer: TEST_INGEST_TOKEN },
  );
  expect(ingestUsage.accepted).toBe(120);
});
afterAll(() => app.close());

const ITEM_FIELDS = 'cost teamUsername who: teamUsername product endpointId unit quantity unitPrice currency __typename';
const range = () => ({ start: DateTime.utc().minus({ days: 4 }).toISODate(), end: DateTime.utc().plus({ days: 1 }).toISODate() });

function report(items: string) {
  return `query($start: String!, $end: String!, $groupBy: [UsageGroupBy!], $timezone: String) {
    organizationUsage(start: $start, end: $end, timeframe: DAY, groupBy: $groupBy, timezone: $timezone, expand: [TIME_SERIES, SUMMARY]) {
      nextCursor series: timeSeries { bucket list: results { ${items} } } summary { cost product }
    }
  }`;
}

async function raw(body: unknown): Promise<string> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorizationHeader({ key: adminKey }) },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  // Answers with spliced items are written in parts (src/core/jsonParts.ts): the length must still be exact.
  expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return text;
}

/** An organization of its own with one team and an organization admin key (tests whose data must not mix). */
async function organizationOfOne() {
  const admin = await signUp(app);
  const org = await createOrganization(app, admin);
  const team = (await createTeam(app, admin, org.id)).username;
  return { admin, org, team, key: await createApiKeyFor(app, org.slug, 'ADMIN') };
}

describe('usage items as JSON from PostgreSQL', () => {
  it.each([
    ['the seed page grouping (items rollup read as is)', {}],
    ['grouped by product (product rollup, aggregated)', { groupBy: ['PRODUCT'] }],
    ['grouped by team and unit', { groupBy: ['TEAM', 'UNIT'] }],
    ['New York days (hourly rollup, aggregated)', { timezone: 'America/New_York' }],
  ])('answers %s exactly as the object path, byte for byte', async (_label, extra) => {
    const variables = { ...range(), ...extra };
    const viaJson = await raw({ query: report(ITEM_FIELDS), variables });
    const viaObjects = await raw({ query: report(`... on UsageItem { ${ITEM_FIELDS} }`), variables });
    expect(JSON.parse(viaJson).errors).toBeUndefined();
    const items = JSON.parse(viaJson).data.organizationUsage.series.flatMap((bucket: any) => bucket.list);
    expect(items.length).toBeGreaterThan(3);
    expect(viaJson).toBe(viaObjects);
  });

  it.each([
    ['by product, New York days', { groupBy: ['PRODUCT'], timezone: 'America/New_York' }],
    ['by product and unit, UTC days', { groupBy: ['PRODUCT', 'UNIT'] }],
    ['by unit, Kathmandu days', { groupBy: ['UNIT'], timezone: 'Asia/Kathmandu' }],
  ])('answers a chart (%s) in one statement with the series and the summary each asked alone', async (_label, extra) => {
    const chart = (expand: string, selection: string) => `query($start: String!, $end: String!, $groupBy: [UsageGroupBy!], $timezone: String) {
      organizationUsage(start: $start, end: $end, timeframe: DAY, groupBy: $groupBy, timezone: $timezone, expand: ${expand}) { ${selection} } }`;
    const series = 'timeSeries { bucket results { product unit quantity unitPrice cost } }';
    const summary = 'summary { product unit quantity unitPrice cost }';
    const variables = { ...range(), ...extra };
    const post = async (query: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorizationHeader({ key: adminKey }) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      return { usage: body.data.organizationUsage, statements: Number(response.headers.get('x-orgraph-sql-statements')) };
    };
    await post('{ __typename }'); // the key's lookup (cached afterwards) is no statement of the charts below
    const both = await post(chart('[TIME_SERIES, SUMMARY]', `${series} ${summary}`));
    const seriesAlone = await post(chart('[TIME_SERIES]', series));
    const summaryAlone = await post(chart('[SUMMARY]', summary));
    expect(both.usage.summary.length).toBeGreaterThan(0);
    expect(both.usage.timeSeries.flatMap((bucket: any) => bucket.results).length).toBeGreaterThan(both.usage.summary.length);
    expect(both.usage).toEqual({ ...seriesAlone.usage, ...summaryAlone.usage });
    // The summary costs no statement of its own.
    expect(both.statements).toBe(seriesAlone.statements);
    // And that one statement is all: an organization admin key names its organization, which is not loaded again
    // just to read its id.
    expect(both.statements).toBe(1);
  });

  it('reads the ingest watermark only for answers that may show it', async () => {
    const completeThrough = DateTime.utc().startOf('hour').minus({ hours: 1 }).toISO();
    const { ingestUsage } = await app.data(
      `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`,
      { input: { records: [{ id: 'watermark-1', timestamp: DateTime.utc().minus({ days: 1 }).toISO(), teamUsername: teams[0], product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '1' }], completeThrough } },
      { bearer: TEST_INGEST_TOKEN },
    );
    expect(ingestUsage.accepted).toBe(1);
    const post = async (selection: string, fragments = '') => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorizationHeader({ key: adminKey }) },
        body: JSON.stringify({ query: `query($start: String!, $end: String!) { organizationUsage(start: $start, end: $end, timeframe: DAY) { ${selection} } } ${fragments}`, variables: range() }),
      });
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      return { usage: body.data.organizationUsage, statements: Number(response.headers.get('x-orgraph-sql-statements')) };
    };
    const direct = await post('totalBuckets completeThrough');
    const throughFragment = await post('totalBuckets ...watermark', 'fragment watermark on UsageReport { completeThrough }');
    const inline = await post('totalBuckets ... on UsageReport { completeThrough }');
    const without = await post('totalBuckets');
    for (const answer of [direct, throughFragment, inline]) expect(new Date(answer.usage.completeThrough).toISOString()).toBe(new Date(completeThrough).toISOString());
    expect(without.usage).toEqual({ totalBuckets: direct.usage.totalBuckets });
    expect(without.statements).toBe(direct.statements - 1);
  });

  it('answers a page read in many small batches (batches spanning buckets) exactly as the object path', async () => {
    const rows = queryBatchesDefaults.rows;
    // Items are read from PostgreSQL a batch at a time (src/core/queryBatches.ts); 5 rows a batch splits every bucket.
    queryBatchesDefaults.rows = 5;
    try {
      const variables = range();
      const viaJson = await raw({ query: report(ITEM_FIELDS), variables });
      const series = JSON.parse(viaJson).data.organizationUsage.series as Array<{ list: unknown[] }>;
      expect(series.filter((bucket) => bucket.list.length > 5).length).toBeGreaterThan(1);
      // A bucket whose length is not a multiple of 5 ends inside a batch: the next bucket starts in that batch.
      expect(series.slice(0, -1).some((bucket) => bucket.list.length % 5 !== 0)).toBe(true);
      expect(viaJson).toBe(await raw({ query: report(`... on UsageItem { ${ITEM_FIELDS} }`), variables }));
    } finally {
      queryBatchesDefaults.rows = rows;
    }
  });

  it('answers pages sent one after another and at once identically (their buffers are reused once sent)', async () => {
    const variables = range();
    const expected = await raw({ query: report(`... on UsageItem { ${ITEM_FIELDS} }`), variables });
    for (let i = 0; i < 3; i++) expect(await raw({ query: report(ITEM_FIELDS), variables })).toBe(expected);
    const together = await Promise.all(Array.from({ length: 6 }, () => raw({ query: report(ITEM_FIELDS), variables })));
    for (const answer of together) expect(answer).toBe(expected);
  });

  it('splices each operation of a batch and each aliased report at its own path', async () => {
    const both = `query($start: String!, $end: String!, $slug: String!) {
      a: organizationUsage(start: $start, end: $end, timeframe: DAY) { timeSeries { results { cost teamUsername } } }
      organization(slug: $slug) { b: usage(start: $start, end: $end, timeframe: DAY, groupBy: [PRODUCT]) { timeSeries { results { product cost } } } }
    }`;
    const bothViaObjects = both.replace('results { cost teamUsername }', 'results { ... on UsageItem { cost teamUsername } }').replace('results { product cost }', 'results { ... on UsageItem { product cost } }');
    const variables = { ...range(), slug };
    const single = JSON.parse(await raw({ query: both, variables }));
    expect(single).toEqual(JSON.parse(await raw({ query: bothViaObjects, variables })));
    expect(single.data.a.timeSeries.flatMap((b: any) => b.results).length).toBeGreaterThan(3);
    const batch = JSON.parse(await raw([{ query: both, variables }, { query: report(ITEM_FIELDS), variables: range() }, { query: both, variables }]));
    expect(batch[0]).toEqual(single);
    expect(batch[2]).toEqual(single);
    expect(batch[1]).toEqual(JSON.parse(await raw({ query: report(`... on UsageItem { ${ITEM_FIELDS} }`), variables: range() })));
  });

  it('answers REST pages with the items of the GraphQL object path, as numbers or exact strings', async () => {
    const { start, end } = range();
    const graphql = JSON.parse(await raw({ query: report(`... on UsageItem { ${ITEM_FIELDS} }`), variables: { start, end } })).data.organizationUsage;
    for (const decimals of ['number', 'string'] as const) {
      const response = await fetch(`${app.url}/v1/organization/usage?start=${start}&end=${end}&timeframe=day&decimals=${decimals}`, { headers: { authorization: `Key ${adminKey}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await response.text();
      expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
      const body = JSON.parse(text);
      const decimal = (value: string | null) => (value === null || decimals === 'string' ? value : Number(value));
      expect(Object.keys(body)).toEqual(['next_cursor', 'has_more', 'time_series']);
      expect(body.time_series).toEqual(
        graphql.series.map((bucket: any) => ({
          bucket: DateTime.fromISO(bucket.bucket).toUTC().toISO({ suppressMilliseconds: true }),
          results: bucket.list.map((item: any) => ({
            username: item.teamUsername,
            product: item.product.toLowerCase(),
            endpoint_id: item.endpointId,
            unit: item.unit,
            quantity: decimal(item.quantity),
            unit_price: decimal(item.unitPrice),
            cost: decimal(item.cost),
            currency: 'USD',
          })),
        })),
      );
    }
  });

  it('escapes endpoints and units that JSON must escape exactly as the object path does, in GraphQL and REST', async () => {
    // Endpoints outside the catalog are stored as sent (with their unit and price), so any text reaches the writer.
    const { team, key } = await organizationOfOne();
    const strange = ['quote"d', 'back\\slash', 'line\nbreak\ttab', 'bell\u0007 del\u007f', 'ünïcødé ✓ 😀', '</script>', 'sep\u2028arator'];
    const day = DateTime.utc().startOf('day').minus({ days: 2 });
    const records = strange.flatMap((text, i) => [0, 1].map((n) => ({
      id: `strange-${i}-${n}`, timestamp: day.plus({ hours: i + n * 30 }).toISO(), teamUsername: team, product: 'COMPUTE',
      endpointId: `x/${text}`, unit: text, quantity: '2', unitPrice: '0.5',
    })));
    const { ingestUsage } = await app.data(`mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted rejected { code } } }`, { input: { records } }, { bearer: TEST_INGEST_TOKEN });
    expect(ingestUsage).toEqual({ accepted: records.length, rejected: [] });
    const post = async (query: string) => {
      const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Key ${key}` }, body: JSON.stringify({ query, variables: range() }) });
      return response.text();
    };
    const viaJson = await post(report(ITEM_FIELDS));
    expect(viaJson).toBe(await post(report(`... on UsageItem { ${ITEM_FIELDS} }`)));
    const items = JSON.parse(viaJson).data.organizationUsage.series.flatMap((bucket: any) => bucket.list);
    expect(new Set(items.map((item: any) => item.unit))).toEqual(new Set(strange));
    expect(items.every((item: any) => item.endpointId === `x/${item.unit}` && item.teamUsername === team)).toBe(true);
    const { start, end } = range();
    const rest = await (await fetch(`${app.url}/v1/organization/usage?start=${start}&end=${end}&timeframe=day`, { headers: { authorization: `Key ${key}` } })).json();
    const restItems = rest.time_series.flatMap((bucket: any) => bucket.results);
    expect(restItems.map((item: any) => [item.endpoint_id, item.unit, item.product])).toEqual(items.map((item: any) => [item.endpointId, item.unit, 'compute']));
  });

  it('filters REST by endpoint ids that begin or end with tabs, line breaks or Unicode separators (only spaces are trimmed)', async () => {
    const { team, key } = await organizationOfOne();
    const at = DateTime.utc().startOf('day').minus({ days: 1 });
    const endpoints = ['\ttabbed\n', 'sep\u2029', 'plain'];
    const records = endpoints.map((endpointId, i) => ({ id: `ws-${i}`, timestamp: at.plus({ hours: i }).toISO(), teamUsername: team, product: 'COMPUTE', endpointId, unit: 'u', quantity: '1', unitPrice: '1' }));
    const { ingestUsage } = await app.data(`mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`, { input: { records } }, { bearer: TEST_INGEST_TOKEN });
    expect(ingestUsage.accepted).toBe(3);
    const { start, end } = range();
    const endpointsFor = async (filter: string) => {
      const response = await fetch(`${app.url}/v1/organization/usage?start=${start}&end=${end}&timeframe=month&expand=summary&endpoint_id=${filter}`, { headers: { authorization: `Key ${key}` } });
      expect(response.status).toBe(200);
      return (await response.json()).summary.map((item: any) => item.endpoint_id).sort();
    };
    expect(await endpointsFor(`${encodeURIComponent('\ttabbed\n')},%20plain%20`)).toEqual(['\ttabbed\n', 'plain'].sort());
    expect(await endpointsFor(encodeURIComponent('sep\u2029'))).toEqual(['sep\u2029']);
    // Trimmed as before: the same id with the whitespace stripped is another id, and no item has it.
    expect(await endpointsFor('tabbed')).toEqual([]);
  });

  it('writes REST decimals as JSON numbers with every digit, in items and summary alike, on both paths', async () => {
    // Found by an outside client: the summary (and items with auth methods) went through Number(), so a summary
    // said 123456789012.12346 beside items written by PostgreSQL as 123456789012.123456789012.
    const { team, key } = await organizationOfOne();
    const at = DateTime.utc().startOf('day').minus({ days: 1 }).plus({ hours: 3 });
    const { ingestUsage } = await app.data(
      `mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`,
      { input: { records: [{ id: 'digits-1', timestamp: at.toISO(), teamUsername: team, product: 'COMPUTE', endpointId: 'num/big', unit: 'u', quantity: '123456789012.123456789012', unitPrice: '0.000000000001' }] } },
      { bearer: TEST_INGEST_TOKEN },
    );
    expect(ingestUsage.accepted).toBe(1);
    const { start, end } = range();
    for (const expand of ['time_series,summary', 'time_series,summary,auth_method']) {
      const response = await fetch(`${app.url}/v1/organization/usage?start=${start}&end=${end}&timeframe=day&expand=${expand}`, { headers: { authorization: `Key ${key}` } });
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const text = await response.text();
      // Once in the bucket's item, once in the summary: exact digits, unquoted.
      expect(text.split('"quantity":123456789012.123456789012,').length - 1).toBe(2);
      expect(text.split('"unit_price":0.000000000001,').length - 1).toBe(2);
      const body = JSON.parse(text);
      expect(body.summary[0].quantity).toBe(123456789012.12346);
    }
  });

  it('rounds a derived unit price once, half away from zero, on every path (a quotient just below the half)', async () => {
    // cost ÷ quantity = 12345679.024706789012 ÷ 100000001 = 0.123456789012 4999999950…: the 12-digit answer is …012.
    // Dividing first at PostgreSQL's own scale gave 0.1234567890125000 0000, which rounds up to …013.
    const { org, team, key } = await organizationOfOne();
    const at = DateTime.utc().startOf('day').minus({ days: 2 }).plus({ hours: 12 });
    const common = { teamUsername: team, product: 'MODEL_APIS', endpointId: 'rounding/probe', unit: 'u' };
    const records = [
      { ...common, id: 'round-1', timestamp: at.toISO(), quantity: '1', unitPrice: '1', cost: '1' },
      { ...common, id: 'round-2', timestamp: at.plus({ hours: 1 }).toISO(), quantity: '100000000', unitPrice: '0.2', cost: '12345678.024706789012' },
    ];
    const { ingestUsage } = await app.data(`mutation($input: IngestUsageInput!) { ingestUsage(input: $input) { accepted } }`, { input: { records } }, { bearer: TEST_INGEST_TOKEN });
    expect(ingestUsage.accepted).toBe(2);
    const post = async (query: string, variables: Record<string, unknown> = range()) => {
      const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Key ${key}` }, body: JSON.stringify({ query, variables }) });
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const expected = { quantity: '100000001', cost: '12345679.024706789012', unitPrice: '0.123456789012' };
    for (const items of ['quantity cost unitPrice', '... on UsageItem { quantity cost unitPrice }']) {
      const { organizationUsage } = await post(report(items));
      expect(organizationUsage.series.flatMap((bucket: any) => bucket.list)).toEqual([expected]);
    }
    const { start, end } = range();
    const rest = await (await fetch(`${app.url}/v1/organization/usage?start=${start}&end=${end}&timeframe=day&decimals=string&expand=time_series,summary`, { headers: { authorization: `Key ${key}` } })).json();
    expect(rest.time_series.flatMap((bucket: any) => bucket.results).map((item: any) => item.unit_price)).toEqual([expected.unitPrice]);
    expect(rest.summary.map((item: any) => item.unit_price)).toEqual([expected.unitPrice]);
    const { organization } = await post(
      `query($slug: String!, $range: UsageRangeInput!) { organization(slug: $slug) { teams(first: 10) { edges { node { username usageSummary(range: $range) { unitPrice } } } } } }`,
      { slug: org.slug, range: { start: at.startOf('day').toISO(), end: at.plus({ days: 1 }).startOf('day').toISO() } },
    );
    const summaries = organization.teams.edges.filter((edge: any) => edge.node.username === team).map((edge: any) => edge.node.usageSummary);
    expect(summaries).toEqual([[{ unitPrice: expected.unitPrice }]]);
  });

  it('reads a split bucket’s REST slices as just their rows: the slices, in order, are the whole bucket', async () => {
    const { start, end } = range();
    const get = async (query: string) => {
      const response = await fetch(`${app.url}/v1/organization/usage?start=${start}&end=${end}&timeframe=day&${query}`, { headers: { authorization: `Key ${adminKey}` } });
      expect(response.status).toBe(200);
      return response.json();
    };
    for (const extra of ['decimals=string', 'decimals=number', 'expand=time_series,auth_method']) {
      const whole = (await get(extra)).time_series;
      const busiest = whole.reduce((best: any, bucket: any) => (bucket.results.length > best.results.length ? bucket : best));
      expect(busiest.results.length).toBeGreaterThan(4);
      const limit = 3;
      const slices: any[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await get(`${extra}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        for (const bucket of page.time_series) {
          expect(bucket.results.length).toBeLessThanOrEqual(limit);
          if (bucket.bucket === busiest.bucket) slices.push(bucket.results);
        }
        cursor = page.next_cursor;
      } while (cursor);
      expect([extra, slices.length]).toEqual([extra, Math.ceil(busiest.results.length / limit)]);
      expect([extra, slices.flat()]).toEqual([extra, busiest.results]);
    }
  });

  it('reads a split bucket’s slice from that bucket alone, even when a bucket laid out as empty before it has items', async () => {
    // Records ingested into an earlier day between laying out the pages (the item counts) and reading one must not
    // shift the split day's slice. The race is simulated by counts that call every day but one empty.
    const service = new UsageQueryService(app.db);
    const [{ id: tenantId }] = await app.db.query(`SELECT id FROM organizations WHERE slug = $1`, [slug]);
    const args = { ...range(), timeframe: UsageTimeframe.DAY, limit: 10_000 };
    const itemsOf = (report: Awaited<ReturnType<UsageQueryService['report']>>) =>
      report.timeSeries!.map((bucket) => JSON.parse(jsonPiecesText(bucket.resultsJson!)) as unknown[]);
    const whole = itemsOf(await service.report({ tenantId, teamIds: null }, args, new Date(), 'ITEMS', restItemsShape('string')));
    const split = whole.findIndex((items, i) => i > 0 && items.length >= 3 && whole[i - 1].length > 0);
    expect(split).toBeGreaterThan(0);
    jest.spyOn(service as unknown as { itemCounts: () => Promise<Map<number, number>> }, 'itemCounts').mockResolvedValue(new Map([[split + 1, whole[split].length]]));
    const limit = whole[split].length - 1;
    const first = itemsOf(await service.report({ tenantId, teamIds: null }, { ...args, limit }, new Date(), 'ITEMS', restItemsShape('string')));
    expect(first.length).toBe(split + 1);
    expect(first[split]).toEqual(whole[split].slice(0, limit));
    expect(first.slice(0, split).flat()).toEqual([]);
  });
});
