import { MaxLength } from 'class-validator';
import { Extensions, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, UserError } from '../core/relay';
import { DecimalScalar } from '../core/scalars';
import { SpendPeriod } from '../usage/usage.types';

export enum InvoiceStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
}
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'DRAFT: the running invoice of a month not closed yet (computed from usage). ISSUED: closed; never changes.',
  valuesConfig: {
    DRAFT: { description: 'The running invoice of a month not closed yet, computed from usage; it changes as usage arrives.' },
    ISSUED: { description: 'Issued when the month was closed; it never changes (late usage becomes an adjustment of a later invoice).' },
  },
});

export enum InvoiceLineKind {
  USAGE = 'USAGE',
  ADJUSTMENT = 'ADJUSTMENT',
}
registerEnumType(InvoiceLineKind, {
  name: 'InvoiceLineKind',
  description: 'Usage of the invoice’s month, or late usage of an earlier closed month.',
  valuesConfig: {
    USAGE: { description: 'Usage of the invoice’s own month.' },
    ADJUSTMENT: { description: 'Late usage of an earlier, already closed month.' },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'State of a webhook delivery (retried with backoff while PENDING).',
  valuesConfig: {
    PENDING: { description: 'Not delivered yet; retried with exponential backoff.' },
    SUCCEEDED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Every attempt failed (`WEBHOOK_MAX_ATTEMPTS`); no more retries.' },
  },
});

@ObjectType({ description: 'One line of an invoice: a product, endpoint and unit, or an adjustment for late usage.' })
export class InvoiceLine {
  @Field(() => InvoiceLineKind, { description: 'Usage of this month, or an adjustment.' })
  kind!: InvoiceLineKind;

  @Field(() => String, { nullable: true, description: 'For adjustments: the closed month (YYYY-MM) whose late usage this bills.' })
  adjustsMonth!: string | null;

  @Field(() => String, { description: 'Product line.' })
  product!: string;

  @Field(() => String, { description: 'Endpoint id.' })
  endpointId!: string;

  @Field(() => String, { description: 'Billing unit.' })
  unit!: string;

  @Field(() => DecimalScalar, { description: 'Quantity in `unit`.' })
  quantity!: string;

  @Field(() => DecimalScalar, {
    description: 'Billed amount (USD), always two fractional digits: a usage line’s exact amount rounded to cents, half away from zero; an adjustment’s, the month’s usage now rounded so, minus its usage billed before rounded so. Invoice totals add these.',
  })
  amount!: string;

  @Field(() => DecimalScalar, { description: 'Exact amount (USD): the sum of the usage costs this line bills, up to 12 fractional digits.' })
  exactAmount!: string;
}

@ObjectType({
  implements: Node,
  description: 'A team’s invoice for one calendar month (UTC). Its global id names the team and the month, so the running DRAFT and the ISSUED invoice it becomes are the same object.',
})
export class Invoice {
  teamId!: string;

  /** Row id of an issued invoice (null for drafts); the GraphQL `id` is the global id of team and month. */
  invoiceId!: string | null;

  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => InvoiceStatus, { description: 'DRAFT or ISSUED.' })
  status!: InvoiceStatus;

  @Field(() => [InvoiceLine], { description: 'Lines by product, endpoint and unit; adjustments after usage.' })
  lines!: InvoiceLine[];

  @Field(() => DecimalScalar, { description: 'Usage of the month: the sum of the billed amounts of its USAGE lines (cents).' })
  usageTotal!: string;

  @Field(() => DecimalScalar, { description: 'Adjustments for late usage of earlier months: the sum of the billed amounts of its ADJUSTMENT lines (cents).' })
  adjustmentsTotal!: string;

  @Field(() => DecimalScalar, { description: 'Amount due: the sum of every line’s billed amount (cents); equals the FOCUS export’s BilledCost sum.' })
  total!: string;

  @Field(() => DecimalScalar, {
    description: 'The exact sum of the lines’ exact amounts (up to 12 fractional digits); differs from `total` by at most half a cent per usage line and a cent per adjustment line.',
  })
  exactTotal!: string;

  @Field(() => String, { description: 'Currency (USD).' })
  currency!: string;

  @Field(() => Date, { nullable: true, description: 'When the invoice was issued.' })
  issuedAt!: Date | null;
}

@ObjectType({ description: 'An organization’s billing for one month.' })
export class BillingSummary {
  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => InvoiceStatus, { description: 'DRAFT until the month is closed, then ISSUED.' })
  status!: InvoiceStatus;

  @Field(() => DecimalScalar, { description: 'Sum of every team’s invoice total (billed amounts, cents).' })
  total!: string;

  @Field(() => Int, { description: 'Number of team invoices.' })
  invoiceCount!: number;
}

export const InvoiceConnection = Connection(Invoice, 'Invoice', 'A page of invoices: a month’s invoices by team username, or a team’s invoices newest month first.');
export type InvoiceConnection = InstanceType<typeof InvoiceConnection>;

@ObjectType({ description: 'One firing of a spending alert.' })
export class AlertEvent {
  @Field(() => Date, { description: 'Start of the period in which the threshold was crossed.' })
  periodStart!: Date;

  @Field(() => DecimalScalar, { description: 'Spend of the period when it fired.' })
  spend!: string;

  @Field(() => Date, { description: 'When it fired.' })
  firedAt!: Date;
}

@ObjectType({ description: 'One attempt to deliver a webhook.' })
export class WebhookAttempt {
  @Field(() => Int, { description: 'Attempt number, from 1.' })
  attempt!: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status answered (null when no answer).' })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description:
      'Why it failed, as a generic code (never the receiver’s own text): CONNECTION_FAILED (no public address, or refused), TIMEOUT, HTTP_STATUS (outside 2xx; redirects are not followed), RESPONSE_TOO_LARGE, or FAILED.',
  })
  error!: string | null;

  @Field(() => String, { description: 'When it was made (ISO-8601).' })
  attemptedAt!: string;
}

@ObjectType({ implements: Node, description: 'A webhook delivery of an alert firing, with every attempt.' })
export class WebhookDelivery {
  /** Row id; sent as `X-Orgraph-Delivery` and exposed as `deliveryId`. The GraphQL `id` is the global id. */
  deliveryId!: string;
  alertId!: string;

  @Field(() => String, { description: 'Target URL.' })
  url!: string;

  @Field(() => WebhookDeliveryStatus, { description: 'State.' })
  status!: WebhookDeliveryStatus;

  // At most WEBHOOK_MAX_ATTEMPTS (default 6) per delivery: charged as such, not as an open-ended list.
  @Extensions({ cost: { listSize: 6 } })
  @Field(() => [WebhookAttempt], { description: 'Attempts so far (at most the configured number of attempts, 6 by default).' })
  attempts!: WebhookAttempt[];

  @Field(() => Date, { description: 'When the delivery was queued.' })
  createdAt!: Date;
}

@ObjectType({ implements: Node, description: 'A spending alert on a team or the whole organization; optionally a hard limit.' })
export class SpendingAlert {
  alertId!: string;
  organizationId!: string;
  teamId!: string | null;

  @Field(() => DecimalScalar, { description: 'Threshold (USD) per period.' })
  threshold!: string;

  @Field(() => SpendPeriod, { description: 'DAY or MONTH, in the organization’s billing time zone.' })
  period!: SpendPeriod;

  @Field(() => [String], { description: 'Email recipients.' })
  recipients!: string[];

  @Field(() => String, { nullable: true, description: 'Webhook URL (http or https).' })
  webhookUrl!: string | null;

  @Field(() => Boolean, { description: 'When reached, model access of the team (or every team) is denied until the period ends or the limit is raised.' })
  hardLimit!: boolean;

  @Field(() => Boolean, { description: 'Organization limits only: team limits may not exceed it.' })
  locked!: boolean;

  @Field(() => Boolean, { description: 'False while paused (`setSpendingAlertEnabled`): a paused alert neither fires nor, as a hard limit, denies model access.' })
  enabled!: boolean;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;
}

export const SpendingAlertConnection = Connection(SpendingAlert, 'SpendingAlert', 'A page of spending alerts, oldest first.');
export type SpendingAlertConnection = InstanceType<typeof SpendingAlertConnection>;

@InputType({ description: 'Create a spending alert.' })
export class CreateSpendingAlertInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId!: string;

  @Field(() => ID, { nullable: true, description: 'A team of the organization; omit for an organization-wide alert.' })
  teamId?: string | null;

  @Field(() => String, { description: 'Threshold per period as a positive decimal string, e.g. "500".' })
  threshold!: string;

  @Field(() => String, { nullable: true, description: 'Currency of the threshold; only USD.' })
  currency?: string | null;

  @Field(() => SpendPeriod, { description: 'DAY or MONTH.' })
  period!: SpendPeriod;

  @Field(() => [String], { nullable: true, description: 'Email recipients (≤ 20).' })
  recipients?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Webhook URL (http or https); deliveries are signed with HMAC-SHA256.' })
  webhookUrl?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Make it a hard limit (deny model access once reached).' })
  hardLimit?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Organization hard limits: lock so team limits cannot exceed it.' })
  locked?: boolean | null;
}

@ObjectType({ description: 'Result of createSpendingAlert.' })
export class CreateSpendingAlertPayload {
  @Field(() => SpendingAlert, { nullable: true, description: 'The alert.' })
  alert?: SpendingAlert | null;

  @Field(() => String, { nullable: true, description: 'Secret to verify webhook signatures (`X-Orgraph-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")`). Shown once.' })
  signingSecret?: string | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Change an alert’s threshold (raising a reached hard limit lifts it at once).' })
export class UpdateSpendingAlertInput {
  @Field(() => ID, { description: 'The alert’s global id.' })
  alertId!: string;

  @Field(() => String, { nullable: true, description: 'New threshold, a positive decimal string; omit to keep it.' })
  @MaxLength(40)
  threshold?: string | null;

  @Field(() => SpendPeriod, { nullable: true, description: 'New period; omit to keep it.' })
  period?: SpendPeriod | null;

  @Field(() => [String], { nullable: true, description: 'New email recipients (at most 20; replaces the list); omit to keep them.' })
  @MaxLength(254, { each: true })
  recipients?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New webhook URL (http or https, at most 2000 characters); null removes the webhook; omit to keep it.' })
  @MaxLength(2000)
  webhookUrl?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether reaching the threshold denies model access; omit to keep it.' })
  hardLimit?: boolean | null;
}

@InputType({ description: 'Pause or resume a spending alert.' })
export class SetSpendingAlertEnabledInput {
  @Field(() => ID, { description: 'The alert’s global id.' })
  alertId!: string;

  @Field(() => Boolean, { description: 'False pauses the alert (no firing, no hard limit); true resumes it.' })
  enabled!: boolean;
}

@InputType({ description: 'Delete a spending alert; its firings, deliveries and audit trail stay.' })
export class DeleteSpendingAlertInput {
  @Field(() => ID, { description: 'The alert’s global id.' })
  alertId!: string;
}

@ObjectType({ description: 'Result of deleteSpendingAlert.' })
export class DeleteSpendingAlertPayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the deleted alert.' })
  deletedAlertId?: string | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of updateSpendingAlert and setSpendingAlertEnabled.' })
export class SpendingAlertPayload {
  @Field(() => SpendingAlert, { nullable: true, description: 'The alert.' })
  alert?: SpendingAlert | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Close a calendar month (UTC): issue every team’s invoice. Idempotent.' })
export class CloseBillingPeriodInput {
  @Field(() => String, { description: 'The month, YYYY-MM; it must have ended.' })
  month!: string;
}

@ObjectType({ description: 'Result of closeBillingPeriod.' })
export class CloseBillingPeriodPayload {
  @Field(() => String, { nullable: true, description: 'The month closed.' })
  month?: string | null;

  @Field(() => Int, { nullable: true, description: 'Invoices issued by this call (0 when it was already closed).' })
  issued?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the month had been closed before (nothing changed).' })
  alreadyClosed?: boolean | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Billing settings of an organization.' })
export class UpdateBillingSettingsInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId!: string;

  @Field(() => String, { description: 'IANA time zone in which spending periods (days, months) are counted.' })
  timezone!: string;
}

@ObjectType({ description: 'Result of updateBillingSettings.' })
export class BillingSettingsPayload {
  @Field(() => String, { nullable: true, description: 'The billing time zone.' })
  timezone?: string | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}
