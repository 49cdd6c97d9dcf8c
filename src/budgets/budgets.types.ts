import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, UserError } from '../core/relay';
import { DecimalScalar } from '../core/scalars';

export enum BudgetScope {
  ORGANIZATION = 'ORGANIZATION',
  TEAM = 'TEAM',
  MEMBER = 'MEMBER',
  API_KEY = 'API_KEY',
}
registerEnumType(BudgetScope, {
  name: 'BudgetScope',
  description: 'What a budget limits.',
  valuesConfig: {
    ORGANIZATION: { description: 'All spend of the organization.' },
    TEAM: { description: 'Spend of one team.' },
    MEMBER: { description: 'Spend of one person (Playground calls and calls with keys they own), in one team or organization-wide.' },
    API_KEY: { description: 'Spend made with one API key.' },
  },
});

export enum BudgetDefaultScope {
  TEAM = 'TEAM',
  MEMBER = 'MEMBER',
  API_KEY = 'API_KEY',
}
registerEnumType(BudgetDefaultScope, {
  name: 'BudgetDefaultScope',
  description: 'The scopes an organization sets budget defaults and maxima for.',
  valuesConfig: {
    TEAM: { description: 'Every team of the organization.' },
    MEMBER: { description: 'Every member of the organization (organization-wide member budgets; the maximum also caps member budgets within a team).' },
    API_KEY: { description: 'Every API key of the organization’s teams.' },
  },
});

export enum BudgetPeriod {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  LIFETIME = 'LIFETIME',
}
registerEnumType(BudgetPeriod, {
  name: 'BudgetPeriod',
  description: 'The period a budget resets on: calendar periods in the organization’s time zone (`Organization.billingTimezone`), or never.',
  valuesConfig: {
    DAY: { description: 'A calendar day (23 or 25 hours across DST changes).' },
    WEEK: { description: 'A calendar week starting on Monday (ISO).' },
    MONTH: { description: 'A calendar month.' },
    LIFETIME: { description: 'Never resets: all spend ever counts.' },
  },
});

export enum BudgetSource {
  OWN = 'OWN',
  ORGANIZATION_DEFAULT = 'ORGANIZATION_DEFAULT',
}
registerEnumType(BudgetSource, {
  name: 'BudgetSource',
  description: 'Where an effective budget came from.',
  valuesConfig: {
    OWN: { description: 'The subject’s own budget (possibly capped by a locked organization maximum, see `capped`).' },
    ORGANIZATION_DEFAULT: { description: 'The organization’s default for the scope (the subject has no own budget).' },
  },
});

@ObjectType('Budget', { implements: Node, description: 'A limit on spend of an organization, team, member or API key over a period.' })
export class Budget {
  id!: string;
  organizationId!: string;
  teamId!: string | null;
  userId!: string | null;
  apiKeyId!: string | null;

  @Field(() => BudgetScope, { description: 'What the budget limits.' })
  scope!: BudgetScope;

  @Field(() => BudgetPeriod, { description: 'When it resets.' })
  period!: BudgetPeriod;

  @Field(() => DecimalScalar, { description: 'The amount per period.' })
  amount!: string;

  @Field(() => String, { description: 'Currency of the amount (USD).' })
  currency!: string;

  @Field(() => [Int], { description: 'Soft thresholds, in percent of the amount; each alerts once per period.' })
  thresholds!: number[];

  @Field(() => Boolean, { description: 'Whether model access is denied (BUDGET_EXHAUSTED) and reservations refused once it is used up.' })
  hard!: boolean;

  @Field(() => [String], { description: 'Who is emailed when a threshold is crossed.' })
  recipients!: string[];

  @Field(() => String, { nullable: true, description: 'Where threshold webhooks are sent (signed like spending alert webhooks).' })
  webhookUrl!: string | null;

  @Field(() => Date, { description: 'When the budget was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A budget’s figures in one period.' })
export class BudgetPeriodFigures {
  @Field(() => Date, { nullable: true, description: 'Start of the period (null for LIFETIME).' })
  periodStart!: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of the period, exclusive (null for LIFETIME).' })
  periodEnd!: Date | null;

  @Field(() => DecimalScalar, { description: 'The amount in force.' })
  amount!: string;

  @Field(() => DecimalScalar, { description: 'Spend of the period, from ingested usage (late records count in the period of their timestamp).' })
  spend!: string;

  @Field(() => DecimalScalar, { description: 'Held by open reservations (current period only).' })
  reserved!: string;

  @Field(() => DecimalScalar, { description: 'Amount − spend − reserved, never below zero.' })
  remaining!: string;

  @Field(() => Boolean, { description: 'Whether nothing remains.' })
  exhausted!: boolean;
}

export const BudgetPeriodConnection = Connection(BudgetPeriodFigures, 'BudgetPeriodFigures', 'Past periods of a budget, newest first.');
export type BudgetPeriodConnection = InstanceType<typeof BudgetPeriodConnection>;

export const BudgetConnection = Connection(Budget, 'Budget', 'A page of an organization’s budgets, oldest first.');
export type BudgetConnection = InstanceType<typeof BudgetConnection>;

@ObjectType({ description: 'The organization’s default and maximum for every team’s, member’s or key’s budget of one period.' })
export class BudgetPolicy {
  @Field(() => BudgetDefaultScope, { description: 'Whose budgets this governs.' })
  scope!: BudgetDefaultScope;

  @Field(() => BudgetPeriod, { description: 'The period.' })
  period!: BudgetPeriod;

  @Field(() => DecimalScalar, { nullable: true, description: 'The budget of every subject without its own (null: none).' })
  defaultAmount!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The largest own budget allowed (enforced while locked).' })
  maxAmount!: string | null;

  @Field(() => Boolean, { description: 'Whether the maximum is locked: own budgets above it are refused, and older ones are capped at it.' })
  locked!: boolean;

  @Field(() => [Int], { description: 'Thresholds of default budgets, in percent.' })
  thresholds!: number[];

  @Field(() => Boolean, { description: 'Whether default budgets (and budgets capped by this maximum) are hard.' })
  hard!: boolean;
}

@ObjectType({ description: 'A budget in force for a subject, with where it came from and its figures in the current period.' })
export class EffectiveBudget {
  budgetRow!: Budget | null;

  @Field(() => String, { description: 'Stable name of the subject and period (what reservations hold against).' })
  key!: string;

  @Field(() => BudgetScope, { description: 'What it limits.' })
  scope!: BudgetScope;

  @Field(() => BudgetPeriod, { description: 'When it resets.' })
  period!: BudgetPeriod;

  @Field(() => DecimalScalar, { description: 'The amount in force.' })
  amount!: string;

  @Field(() => Boolean, { description: 'Whether it is hard.' })
  hard!: boolean;

  @Field(() => BudgetSource, { description: 'Own budget or organization default.' })
  source!: BudgetSource;

  @Field(() => Boolean, { description: 'The own amount is above the organization’s locked maximum, which applies instead.' })
  capped!: boolean;

  @Field(() => String, { description: 'Where it came from, written for a person.' })
  reason!: string;

  @Field(() => BudgetPeriodFigures, { description: 'Spend, holds and what remains in the current period.' })
  current!: BudgetPeriodFigures;
}

@InputType({ description: 'Whose budget: an organization, a team, a member (in a team or organization-wide) or an API key.' })
export class BudgetSubjectInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId!: string;

  @Field(() => BudgetScope, { description: 'What the budget limits.' })
  scope!: BudgetScope;

  @Field(() => ID, { nullable: true, description: 'TEAM: the team. MEMBER: the team for a budget within one team (omit for organization-wide).' })
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: 'MEMBER: the member (Member id).' })
  memberId?: string | null;

  @Field(() => ID, { nullable: true, description: 'API_KEY: the key (ApiKey id).' })
  apiKeyId?: string | null;
}

@InputType({ description: 'Create or replace the budget of a subject for a period.' })
export class SetBudgetInput {
  @Field(() => BudgetSubjectInput, { description: 'Whose budget.' })
  subject!: BudgetSubjectInput;

  @Field(() => BudgetPeriod, { description: 'When it resets (one budget per subject and period).' })
  period!: BudgetPeriod;

  @Field(() => DecimalScalar, { description: 'Positive amount, at most 1,000,000,000.' })
  amount!: string;

  @Field(() => String, { nullable: true, description: 'Currency (USD only; default USD). At most 10 characters.' })
  currency?: string | null;

  @Field(() => [Int], { nullable: true, description: 'Soft thresholds in percent (1–1000, at most 10), e.g. [50, 80, 100].' })
  thresholds?: number[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Hard: deny model access and refuse reservations when used up (default false).' })
  hard?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Emails told when a threshold is crossed (at most 20, each at most 320 characters).' })
  recipients?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Webhook URL for threshold alerts (http(s), at most 2000 characters).' })
  webhookUrl?: string | null;
}

@ObjectType({ description: 'Result of setBudget.' })
export class SetBudgetPayload {
  @Field(() => Budget, { nullable: true, description: 'The budget as stored.' })
  budget!: Budget | null;

  @Field(() => String, { nullable: true, description: 'The HMAC key that signs this budget’s webhooks (X-Orgraph-Signature).' })
  signingSecret!: string | null;

  @Field(() => [UserError], { description: 'Business-rule failures.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Remove a budget (the subject falls back to the organization’s default, if any).' })
export class DeleteBudgetInput {
  @Field(() => ID, { description: 'The budget.' })
  budgetId!: string;
}

@ObjectType({ description: 'Result of deleteBudget.' })
export class DeleteBudgetPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the removed budget.' })
  deletedBudgetId!: string | null;

  @Field(() => [UserError], { description: 'Business-rule failures.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Set the organization’s default and maximum for a scope and period; with neither amount it is removed.' })
export class SetBudgetPolicyInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId!: string;

  @Field(() => BudgetDefaultScope, { description: 'Whose budgets.' })
  scope!: BudgetDefaultScope;

  @Field(() => BudgetPeriod, { description: 'The period.' })
  period!: BudgetPeriod;

  @Field(() => DecimalScalar, { nullable: true, description: 'Budget of every subject without its own.' })
  defaultAmount?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Largest own budget allowed while locked.' })
  maxAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'Currency (USD only). At most 10 characters.' })
  currency?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Lock the maximum (default false).' })
  locked?: boolean | null;

  @Field(() => [Int], { nullable: true, description: 'Thresholds of default budgets, in percent.' })
  thresholds?: number[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether default budgets are hard (default false).' })
  hard?: boolean | null;
}

@ObjectType({ description: 'Result of setBudgetPolicy.' })
export class SetBudgetPolicyPayload {
  @Field(() => BudgetPolicy, { nullable: true, description: 'The policy as stored (null when removed).' })
  policy!: BudgetPolicy | null;

  @Field(() => [UserError], { description: 'Business-rule failures.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Hold an estimated cost against every budget that applies to a key, before the model call. Give exactly one of apiKeyId or keyId.' })
export class ReserveSpendInput {
  @Field(() => ID, { nullable: true, description: 'The key (ApiKey id).' })
  apiKeyId?: string | null;

  @Field(() => String, { nullable: true, description: 'The public key id (the part before the colon). At most 100 characters.' })
  keyId?: string | null;

  @Field(() => DecimalScalar, { description: 'The estimated cost to hold (positive).' })
  estimatedCost!: string;

  @Field(() => String, { description: 'The gateway’s request id; the usage record with this id settles the hold. 1–200 characters.' })
  requestId!: string;
}

@ObjectType({ description: 'An amount held against budgets until a usage record with the same request id arrives, or it expires.' })
export class BudgetReservation {
  @Field(() => String, { description: 'The request id.' })
  requestId!: string;

  @Field(() => DecimalScalar, { description: 'The amount held.' })
  amount!: string;

  @Field(() => Date, { description: 'When the hold lapses if not settled.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'Result of reserveSpend.' })
export class ReserveSpendPayload {
  @Field(() => Boolean, { description: 'Whether the amount is held (false: a hard budget has no room; see refusedBy).' })
  reserved!: boolean;

  @Field(() => BudgetReservation, { nullable: true, description: 'The hold (also when the request id was already reserved).' })
  reservation!: BudgetReservation | null;

  @Field(() => [EffectiveBudget], { description: 'Every budget that applies to the key, with its figures after the hold.' })
  budgets!: EffectiveBudget[];

  @Field(() => EffectiveBudget, { nullable: true, description: 'The hard budget without room, when refused.' })
  refusedBy!: EffectiveBudget | null;

  @Field(() => [UserError], { description: 'Business-rule failures (invalid amount or request id).' })
  userErrors!: UserError[];
}
