import type { DateTime } from 'luxon';
import { Extensions, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../core/relay';
import { DecimalScalar } from '../core/scalars';
import { Product } from '../catalog/modelEndpoint.entity';
import type { JsonPieces } from '../core/jsonParts';

export enum UsageTimeframe {
  MINUTE = 'MINUTE',
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(UsageTimeframe, {
  name: 'UsageTimeframe',
  description: 'Bucket size of a usage time series, in the requested time zone (weeks start on Monday).',
  valuesConfig: {
    MINUTE: { description: 'One-minute buckets.' },
    HOUR: { description: 'One-hour buckets.' },
    DAY: { description: 'Calendar-day buckets.' },
    WEEK: { description: 'Calendar-week buckets, starting on Monday.' },
    MONTH: { description: 'Calendar-month buckets.' },
  },
});

export enum UsageExpand {
  TIME_SERIES = 'TIME_SERIES',
  SUMMARY = 'SUMMARY',
  AUTH_METHOD = 'AUTH_METHOD',
}
registerEnumType(UsageExpand, {
  name: 'UsageExpand',
  description: 'Which parts of the answer to compute. At least one of TIME_SERIES and SUMMARY.',
  valuesConfig: {
    TIME_SERIES: { description: 'Every bucket of the range (this page), in order, including empty ones.' },
    SUMMARY: { description: 'Totals over the whole range (not just the page).' },
    AUTH_METHOD: { description: 'Also group by how the usage was authenticated (API key id or login username).' },
  },
});

export enum UsageGroupBy {
  TEAM = 'TEAM',
  PRODUCT = 'PRODUCT',
  ENDPOINT = 'ENDPOINT',
  UNIT = 'UNIT',
  AUTH_METHOD = 'AUTH_METHOD',
  API_KEY = 'API_KEY',
}
registerEnumType(UsageGroupBy, {
  name: 'UsageGroupBy',
  description: 'Dimensions a usage item is grouped by; ask for exactly what a chart draws (e.g. PRODUCT for cost per product per day).',
  valuesConfig: {
    TEAM: { description: 'By team (username).' },
    PRODUCT: { description: 'By product line.' },
    ENDPOINT: { description: 'By model endpoint id.' },
    UNIT: { description: 'By billing unit.' },
    AUTH_METHOD: { description: 'By how the usage was authenticated (API key or login).' },
    API_KEY: { description: 'By API key (public id).' },
  },
});

export enum UsageAuthKind {
  API_KEY = 'API_KEY',
  LOGIN = 'LOGIN',
  NONE = 'NONE',
}
registerEnumType(UsageAuthKind, {
  name: 'UsageAuthKind',
  description: 'How metered usage was authenticated.',
  valuesConfig: {
    API_KEY: { description: 'Called with an API key.' },
    LOGIN: { description: 'Called from a login session (e.g. the playground).' },
    NONE: { description: 'No authentication recorded.' },
  },
});

@ObjectType({ description: 'How usage was authenticated: an API key (by public id) or a login (by username).', simpleResolvers: true })
export class UsageAuthMethod {
  @Field(() => UsageAuthKind, { description: 'API key, login, or none recorded.' })
  kind!: UsageAuthKind;

  @Field(() => String, { nullable: true, description: 'Public key id (`ogk_…`) for API_KEY usage.' })
  keyId!: string | null;

  @Field(() => String, { nullable: true, description: 'The user’s personal-account username for LOGIN usage.' })
  username!: string | null;

  /** The key's alias for API_KEY usage (not in the schema; the REST contract's `detail`). */
  keyAlias?: string | null;
}

@ObjectType({ description: 'Usage of one group (team, product, endpoint, unit… as grouped) over one bucket or the whole range.', simpleResolvers: true })
export class UsageItem {
  @Field(() => String, { nullable: true, description: 'Team username (null when not grouped by TEAM).' })
  teamUsername!: string | null;

  @Field(() => Product, { nullable: true, description: 'Product line (null when not grouped by PRODUCT).' })
  product!: Product | null;

  @Field(() => String, { nullable: true, description: 'Endpoint id (null when not grouped by ENDPOINT).' })
  endpointId!: string | null;

  @Field(() => String, { nullable: true, description: 'Billing unit (null when not grouped by UNIT).' })
  unit!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Quantity in `unit` (null when not grouped by UNIT: units do not add up).' })
  quantity!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Unit price; where prices varied over the bucket it is cost ÷ quantity. Null when not grouped by UNIT.',
  })
  unitPrice!: string | null;

  @Field(() => DecimalScalar, { description: 'Cost.' })
  cost!: string;

  @Field(() => String, { description: 'ISO 4217 currency (USD).' })
  currency!: string;

  @Field(() => UsageAuthMethod, { nullable: true, description: 'How it was authenticated (with AUTH_METHOD or API_KEY grouping).' })
  authMethod!: UsageAuthMethod | null;
}

@ObjectType({ description: 'One bucket of a usage time series.', simpleResolvers: true })
export class UsageBucket {
  @Field(() => String, { description: 'Start of the bucket as an ISO-8601 instant with the requested zone’s offset, e.g. `2025-03-09T00:00:00-05:00`.' })
  bucket!: string;

  /** The bucket's start instant (not in the schema: REST labels buckets in UTC from it). */
  start!: DateTime;

  // Counted by the report's buckets × groups (usageCost), not again per list.
  @Extensions({ cost: { listSize: 1 } })
  @Field(() => [UsageItem], { description: 'Usage in this bucket, one item per group (empty for a bucket without usage).' })
  results!: UsageItem[];

  /** `results` as JSON text built by PostgreSQL (in pieces), when the report was asked for it (usageItemsJson.ts); not in the schema. */
  resultsJson?: JsonPieces;
}

@ObjectType({ description: 'A page of usage: time series buckets and/or the summary of the whole range.' })
export class UsageReport {
  @Field(() => String, { description: 'Start of the (aligned) range, with the zone’s offset.' })
  start!: string;

  @Field(() => String, { description: 'End of the (aligned) range, exclusive, with the zone’s offset.' })
  end!: string;

  @Field(() => String, { description: 'The IANA time zone buckets are computed in.' })
  timezone!: string;

  @Field(() => UsageTimeframe, { description: 'Bucket size (given, or chosen from the range).' })
  timeframe!: UsageTimeframe;

  // Counted by the report's buckets × groups (usageCost), not again per list.
  @Extensions({ cost: { listSize: 1 } })
  @Field(() => [UsageBucket], { nullable: true, description: 'This page’s buckets (with TIME_SERIES).' })
  timeSeries!: UsageBucket[] | null;

  // Counted by the report's buckets × groups (usageCost), not again per list.
  @Extensions({ cost: { listSize: 1 } })
  @Field(() => [UsageItem], { nullable: true, description: 'Totals over the whole range (with SUMMARY).' })
  summary!: UsageItem[] | null;

  @Field(() => String, { nullable: true, description: 'Opaque cursor of the next page of buckets; null on the last page.' })
  nextCursor!: string | null;

  @Field(() => Boolean, { description: 'Whether more buckets follow (mirrors nextCursor).' })
  hasMore!: boolean;

  @Field(() => Int, { description: 'Number of buckets in the whole range.' })
  totalBuckets!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'Ingest is known complete up to this instant (the metering pipeline’s watermark): buckets before it will not change.',
  })
  completeThrough!: Date | null;
}

@InputType({ description: 'How metered usage was authenticated.' })
export class UsageAuthInput {
  @Field(() => String, { description: '`API_KEY` or `LOGIN`.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Public key id (`ogk_…`) for API_KEY; the key must belong to the team.' })
  keyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the user for LOGIN.' })
  userId?: string | null;
}

@InputType({
  description:
    'One usage record. Fields are strings where a bad value must be reported for this record alone rather than failing the batch.',
})
export class UsageRecordInput {
  @Field(() => String, { description: 'Idempotency key, unique per organization (1–200 characters).' })
  id!: string;

  @Field(() => String, { description: 'ISO-8601 instant with offset; at most one day in the future; late records are welcome.' })
  timestamp!: string;

  @Field(() => String, { description: 'Username of the team the usage belongs to.' })
  teamUsername!: string;

  @Field(() => String, { description: '`MODEL_APIS`, `SERVERLESS` or `COMPUTE`.' })
  product!: string;

  @Field(() => String, { description: 'Endpoint id (must be in the catalog unless `unitPrice` and `unit` are given).' })
  endpointId!: string;

  @Field(() => String, { nullable: true, description: 'Billing unit; defaults to the catalog’s.' })
  unit?: string | null;

  @Field(() => String, { description: 'Quantity as a non-negative decimal string.' })
  quantity!: string;

  @Field(() => String, { nullable: true, description: 'Unit price as a decimal string; defaults to the catalog price at `timestamp`.' })
  unitPrice?: string | null;

  @Field(() => String, { nullable: true, description: 'Cost as a decimal string; defaults to quantity × unit price.' })
  cost?: string | null;

  @Field(() => String, { nullable: true, description: 'Currency; only `USD` is supported.' })
  currency?: string | null;

  @Field(() => UsageAuthInput, { nullable: true, description: 'How the usage was authenticated, if known.' })
  auth?: UsageAuthInput | null;
}

@InputType({ description: 'A batch of 1–10,000 usage records from the metering pipeline.' })
export class IngestUsageInput {
  @Field(() => [UsageRecordInput], { description: 'The records; each is validated on its own.' })
  records!: UsageRecordInput[];

  @Field(() => Date, {
    nullable: true,
    description: 'Watermark: every record before this instant has now been sent. Reported back as `completeThrough`.',
  })
  completeThrough?: Date | null;
}

@ObjectType({ description: 'A refused usage record and why.' })
export class UsageRejection {
  @Field(() => Int, { description: 'Position in the batch (0-based), or the line number for NDJSON.' })
  index!: number;

  @Field(() => String, { description: 'The field at fault.' })
  field!: string;

  @Field(() => String, {
    description: 'Stable code: INVALID, NEGATIVE_QUANTITY, UNKNOWN_TEAM, UNKNOWN_PRODUCT, UNKNOWN_ENDPOINT, NOT_DECIMAL, FUTURE_TIMESTAMP, UNKNOWN_KEY, UNKNOWN_USER, UNSUPPORTED_CURRENCY, NO_PRICE.',
  })
  code!: string;

  @Field(() => String, { description: 'What is wrong.' })
  message!: string;
}

@ObjectType({ description: 'Outcome of a usage batch. Acknowledged records are committed; retries are counted as duplicates.' })
export class IngestUsagePayload {
  @Field(() => Int, { nullable: true, description: 'Records stored by this call.' })
  accepted?: number | null;

  @Field(() => Int, { nullable: true, description: 'Records whose id was already stored (retries, concurrent repeats); not counted again.' })
  duplicates?: number | null;

  @Field(() => [UsageRejection], { nullable: true, description: 'Refused records with reasons; the others were kept.' })
  rejected?: UsageRejection[] | null;

  @Field(() => [UserError], { description: 'Batch-level failures (empty or oversized batch).' })
  userErrors!: UserError[];
}

export enum SpendPeriod {
  DAY = 'DAY',
  MONTH = 'MONTH',
}
registerEnumType(SpendPeriod, {
  name: 'SpendPeriod',
  description: 'A spending period (UTC calendar day or month, so far).',
  valuesConfig: {
    DAY: { description: 'A calendar day in the organization’s billing time zone.' },
    MONTH: { description: 'A calendar month in the organization’s billing time zone.' },
  },
});
