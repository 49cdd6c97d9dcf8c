import { DateTime } from 'luxon';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { mutationPayload } from '../core/mutation';
import { PageArgsType, arrayConnection, isUuid, localIdOf, toGlobalId } from '../core/relay';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../core/errors';
import { Organization } from '../organizations/organization.entity';
import { organizationByGlobalId } from '../organizations/organizations.lookup';
import { Team } from '../teams/team.entity';
import { teamByGlobalId } from '../teams/teams.lookup';
import { parseMonth, type InvoiceView } from './invoices.service';
import type { SpendingAlertRow } from './alerts.service';
import {
  AlertEvent,
  BillingSettingsPayload,
  BillingSummary,
  CloseBillingPeriodInput,
  CloseBillingPeriodPayload,
  CreateSpendingAlertInput,
  CreateSpendingAlertPayload,
  DeleteSpendingAlertInput,
  DeleteSpendingAlertPayload,
  Invoice,
  InvoiceConnection,
  InvoiceStatus,
  SpendingAlert,
  SpendingAlertConnection,
  SpendingAlertPayload,
  SetSpendingAlertEnabledInput,
  UpdateBillingSettingsInput,
  UpdateSpendingAlertInput,
  WebhookDelivery,
} from './billing.types';

// Class instances, not plain objects: `node(id:)` tells the Node types apart by class.
const toInvoice = ({ id, ...view }: InvoiceView): Invoice =>
  Object.assign(new Invoice(), { ...view, invoiceId: id, status: view.status as InvoiceStatus, lines: view.lines as Invoice['lines'] });
const toAlert = ({ id, ...row }: SpendingAlertRow): SpendingAlert => Object.assign(new SpendingAlert(), { ...row, alertId: id, period: row.period as SpendingAlert['period'] });
const toDelivery = ({ id, ...row }: Awaited<ReturnType<AppContext['services']['alerts']['deliveriesOf']>>[number]): WebhookDelivery =>
  Object.assign(new WebhookDelivery(), { ...row, deliveryId: id, status: row.status as WebhookDelivery['status'] });

/** Alerts are listed oldest first, by creation then id (the order the service answers). */
const alertKey = (alert: SpendingAlert): [string, string] => [alert.createdAt.toISOString(), alert.alertId];

/**
 * `node(id:)` answers null for what the caller may not read, like a missing id. The session rules (SSO required,
 * personal account blocked) are applied first, so they still answer FORBIDDEN with their reason as elsewhere.
 */
async function readable(ctx: AppContext, organizationId: string | null, check: () => Promise<unknown>): Promise<boolean> {
  await ctx.access.enforceSessionRules(organizationId);
  try {
    await check();
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
}

/** `node(id:)` for Invoice: keyed `teamId/YYYY-MM`; visible to whoever sees the team's invoices. */
export async function invoiceNode(ctx: AppContext, key: string): Promise<Invoice | null> {
  const [teamId, month] = key.split('/');
  if (!teamId || !isUuid(teamId) || !month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
  const team = await ctx.loaders.teamById.load(teamId);
  if (!team || !(await ctx.access.canSeeTeam(team))) return null;
  if (!(await readable(ctx, team.organizationId, () => ctx.access.requireTeamUsage(team)))) return null;
  const [invoice] = await ctx.services.invoices.invoices({ teamIds: [team.id] }, `${month}-01`);
  return invoice ? toInvoice(invoice) : null;
}

/** Team alerts are read by the team's usage roles, organization-wide ones by organization oversight. */
async function alertVisibleTo(ctx: AppContext, row: SpendingAlertRow): Promise<boolean> {
  if (row.teamId) {
    const team = await ctx.loaders.teamById.load(row.teamId);
    return Boolean(team && (await ctx.access.canSeeTeam(team)) && (await readable(ctx, team.organizationId, () => ctx.access.requireTeamUsage(team))));
  }
  const organization = await ctx.loaders.organizationById.load(row.organizationId);
  return Boolean(
    organization && (await ctx.access.canSeeOrganization(organization)) && (await readable(ctx, organization.id, () => ctx.access.requireOrganizationOversight(organization))),
  );
}

export async function spendingAlertNode(ctx: AppContext, id: string): Promise<SpendingAlert | null> {
  const [row] = isUuid(id) ? await ctx.services.alerts.find([id]) : [];
  return row && (await alertVisibleTo(ctx, row)) ? toAlert(row) : null;
}

/** A delivery is as visible as the alert that fired it. */
export async function webhookDeliveryNode(ctx: AppContext, id: string): Promise<WebhookDelivery | null> {
  const alertId = isUuid(id) ? await ctx.services.alerts.alertOfDelivery(id) : null;
  const [row] = alertId ? await ctx.services.alerts.find([alertId]) : [];
  if (!row || !(await alertVisibleTo(ctx, row))) return null;
  const delivery = (await ctx.services.alerts.deliveriesOf([row.id])).find((candidate) => candidate.id === id);
  return delivery ? toDelivery(delivery) : null;
}

function monthArgument(text: string): string {
  try {
    return parseMonth(text, ['month']);
  } catch (error) {
    throw new BadUserInputError((error as Error).message, 'month');
  }
}

@Resolver(() => Organization)
export class OrganizationBillingResolver {
  @FieldResolver(() => InvoiceConnection, { description: 'Every team’s invoice for a month (organization ADMIN and BILLING), by team username.' })
  async invoices(
    @Root() organization: Organization,
    @Arg('month', () => String, { description: 'YYYY-MM.' }) month: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<InvoiceConnection> {
    await ctx.access.requireOrganizationOversight(organization);
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > 100) throw new BadUserInputError('`first` must be between 1 and 100.', 'first');
    const all = await ctx.services.invoices.invoices({ organizationId: organization.id }, monthArgument(month));
    const teams = await ctx.loaders.teamById.loadMany(all.map((invoice) => invoice.teamId));
    const usernameOf = new Map(teams.flatMap((team) => (team instanceof Team ? [[team.id, team.username] as const] : [])));
    const sorted = all.sort((a, b) => (usernameOf.get(a.teamId) ?? '').localeCompare(usernameOf.get(b.teamId) ?? ''));
    const afterName = after ? Buffer.from(after, 'base64url').toString('utf8') : null;
    const rest = afterName === null ? sorted : sorted.filter((invoice) => (usernameOf.get(invoice.teamId) ?? '') > afterName);
    // Invoices of a month are bounded by the organization's teams, so the page is cut in memory, by username.
    const cursorOf = (invoice: InvoiceView) => Buffer.from(usernameOf.get(invoice.teamId) ?? '', 'utf8').toString('base64url');
    const edges = rest.slice(0, size).map((invoice) => ({ cursor: cursorOf(invoice), node: toInvoice(invoice) }));
    const connection = new InvoiceConnection();
    connection.edges = edges;
    connection.pageInfo = { hasNextPage: rest.length > size, hasPreviousPage: afterName !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
    connection.countItems = async () => all.length;
    return connection;
  }

  @FieldResolver(() => BillingSummary, { description: 'The organization’s total for a month across teams (organization ADMIN and BILLING).' })
  async billingSummary(@Root() organization: Organization, @Arg('month', () => String, { description: 'YYYY-MM.' }) month: string, @Ctx() ctx: AppContext): Promise<BillingSummary> {
    await ctx.access.requireOrganizationOversight(organization);
    const first = monthArgument(month);
    const summary = await ctx.services.invoices.summary(organization.id, first);
    return { month, status: summary.closed ? InvoiceStatus.ISSUED : InvoiceStatus.DRAFT, total: summary.total, invoiceCount: summary.invoiceCount };
  }

  @FieldResolver(() => SpendingAlertConnection, { description: 'Spending alerts of the organization and its teams, oldest first (organization ADMIN and BILLING).' })
  async spendingAlerts(@Root() organization: Organization, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: AppContext): Promise<SpendingAlertConnection> {
    await ctx.access.requireOrganizationOversight(organization);
    const alerts = (await ctx.services.alerts.forOrganization(organization.id)).map(toAlert);
    return arrayConnection(SpendingAlertConnection, alerts, page, alertKey);
  }

  @FieldResolver(() => String, { description: 'IANA time zone in which spending periods are counted (default UTC).' })
  async billingTimezone(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<string> {
    await ctx.access.requireOrganizationOversight(organization);
    return ctx.services.alerts.timezone(organization.id);
  }
}

@Resolver(() => Team)
export class TeamBillingResolver {
  @FieldResolver(() => InvoiceConnection, { description: 'This team’s invoices: the running DRAFT of the current month, then issued ones, newest month first.' })
  async invoices(@Root() team: Team, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: AppContext): Promise<InvoiceConnection> {
    await ctx.access.requireTeamUsage(team);
    const currentMonth = DateTime.utc().startOf('month').toISODate();
    const [issued, drafts] = await Promise.all([
      ctx.services.invoices.issuedForTeams([team.id]),
      ctx.services.invoices.isClosed(currentMonth).then((closed) => (closed ? [] : ctx.services.invoices.invoices({ teamIds: [team.id] }, currentMonth))),
    ]);
    // One invoice per month: the month is the key (newest first).
    const invoices = [...drafts, ...issued].map(toInvoice);
    return arrayConnection(InvoiceConnection, invoices, page, (invoice) => [invoice.month, `${invoice.teamId}/${invoice.month}`], 'DESC');
  }

  @FieldResolver(() => SpendingAlertConnection, {
    description: 'This team’s own spending alerts and hard limits with their firings and webhook deliveries, oldest first (team ADMIN and BILLING, organization ADMIN and BILLING); organization-wide alerts are on Organization.spendingAlerts.',
  })
  async spendingAlerts(@Root() team: Team, @Args(() => PageArgsType) page: PageArgsType, @Ctx() ctx: AppContext): Promise<SpendingAlertConnection> {
    await ctx.access.requireTeamUsage(team);
    const alerts = (await ctx.services.alerts.forTeam(team.id)).map(toAlert);
    return arrayConnection(SpendingAlertConnection, alerts, page, alertKey);
  }
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  @FieldResolver(() => ID, { description: 'Opaque global identifier: the team and the month, the same for the DRAFT and the ISSUED invoice.' })
  id(@Root() invoice: Invoice): string {
    return toGlobalId('Invoice', `${invoice.teamId}/${invoice.month}`);
  }

  @FieldResolver(() => Team, { description: 'The team billed.' })
  async team(@Root() invoice: Invoice, @Ctx() ctx: AppContext): Promise<Team> {
    return (await ctx.loaders.teamById.load(invoice.teamId))!;
  }
}

@Resolver(() => SpendingAlert)
export class SpendingAlertResolver {
  @FieldResolver(() => ID, { description: 'Opaque global identifier.' })
  id(@Root() alert: SpendingAlert): string {
    return toGlobalId('SpendingAlert', alert.alertId);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team; null for an organization-wide alert.' })
  async team(@Root() alert: SpendingAlert, @Ctx() ctx: AppContext): Promise<Team | null> {
    return alert.teamId ? ctx.loaders.teamById.load(alert.teamId) : null;
  }

  @FieldResolver(() => [AlertEvent], { description: 'Firings, newest first (at most one per period).' })
  events(@Root() alert: SpendingAlert, @Ctx() ctx: AppContext): Promise<AlertEvent[]> {
    return ctx.loaders.alertEventsByAlert.load(alert.alertId);
  }

  @FieldResolver(() => [WebhookDelivery], { description: 'Webhook deliveries with every attempt, newest first.' })
  async deliveries(@Root() alert: SpendingAlert, @Ctx() ctx: AppContext): Promise<WebhookDelivery[]> {
    return (await ctx.loaders.alertDeliveriesByAlert.load(alert.alertId)).map(toDelivery);
  }
}

/**
 * An alert the caller may change: team ADMINs for their team's alerts, organization ADMINs for all. What the caller
 * cannot see answers one NOT_FOUND, whatever hid it (no "team not found" beside "alert not found").
 */
async function alertForChange(ctx: AppContext, globalId: string): Promise<SpendingAlertRow> {
  ctx.access.requireCustomer();
  const localId = localIdOf(globalId, 'SpendingAlert');
  const [alert] = localId ? await ctx.services.alerts.find([localId]) : [];
  const organization = alert ? await ctx.loaders.organizationById.load(alert.organizationId) : null;
  if (!alert || !organization || !(await ctx.access.canSeeOrganization(organization))) throw new NotFoundError('SpendingAlert');
  const team = alert.teamId ? await ctx.loaders.teamById.load(alert.teamId) : null;
  if (alert.teamId && !(team && (await ctx.access.canSeeTeam(team)))) throw new NotFoundError('SpendingAlert');
  if (team) await ctx.access.requireTeamAdmin(team);
  else await ctx.access.requireOrganizationAdmin(organization);
  return alert;
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => ID, { description: 'Opaque global identifier of this object.' })
  id(@Root() delivery: WebhookDelivery): string {
    return toGlobalId('WebhookDelivery', delivery.deliveryId);
  }

  @FieldResolver(() => String, { name: 'deliveryId', description: 'The delivery’s own id, sent as the `X-Orgraph-Delivery` header (to match a received webhook).' })
  rawDeliveryId(@Root() delivery: WebhookDelivery): string {
    return delivery.deliveryId;
  }
}

@Resolver()
export class BillingMutationsResolver {
  @Mutation(() => CreateSpendingAlertPayload, { description: 'Create a spending alert on a team (team ADMIN) or the whole organization (organization ADMIN). Audited.' })
  async createSpendingAlert(@Arg('input', () => CreateSpendingAlertInput) input: CreateSpendingAlertInput, @Ctx() ctx: AppContext): Promise<CreateSpendingAlertPayload> {
    const organization = await ctx.access.visibleOrganization(await organizationByGlobalId(ctx, input.organizationId));
    let teamId: string | null = null;
    if (input.teamId) {
      const team = await ctx.access.requireTeamAdmin(await teamByGlobalId(ctx, input.teamId));
      if (team.organizationId !== organization.id) throw new NotFoundError('Team');
      teamId = team.id;
    } else {
      await ctx.access.requireOrganizationAdmin(organization);
    }
    return mutationPayload(async () => {
      const { alert, signingSecret } = await ctx.services.alerts.create(ctx.caller, organization.id, teamId, input);
      return { alert: toAlert(alert), signingSecret };
    });
  }

  @Mutation(() => SpendingAlertPayload, {
    description: 'Change an alert’s threshold, period, recipients, webhook URL or hard limit (the same rights as creating it). Audited.',
  })
  async updateSpendingAlert(@Arg('input', () => UpdateSpendingAlertInput) input: UpdateSpendingAlertInput, @Ctx() ctx: AppContext): Promise<SpendingAlertPayload> {
    const alert = await alertForChange(ctx, input.alertId);
    return mutationPayload(async () => ({ alert: toAlert(await ctx.services.alerts.update(ctx.caller, alert, input)) }));
  }

  @Mutation(() => SpendingAlertPayload, { description: 'Pause or resume an alert (the same rights as creating it). Audited.' })
  async setSpendingAlertEnabled(@Arg('input', () => SetSpendingAlertEnabledInput) input: SetSpendingAlertEnabledInput, @Ctx() ctx: AppContext): Promise<SpendingAlertPayload> {
    const alert = await alertForChange(ctx, input.alertId);
    return mutationPayload(async () => ({ alert: toAlert(await ctx.services.alerts.setEnabled(ctx.caller, alert, input.enabled)) }));
  }

  @Mutation(() => DeleteSpendingAlertPayload, { description: 'Delete an alert (the same rights as creating it); its firings, deliveries and audit trail stay. Audited.' })
  async deleteSpendingAlert(@Arg('input', () => DeleteSpendingAlertInput) input: DeleteSpendingAlertInput, @Ctx() ctx: AppContext): Promise<DeleteSpendingAlertPayload> {
    const alert = await alertForChange(ctx, input.alertId);
    return mutationPayload(async () => {
      await ctx.services.alerts.delete(ctx.caller, alert);
      return { deletedAlertId: input.alertId };
    });
  }

  @Mutation(() => CloseBillingPeriodPayload, { description: 'Platform operators: close a month and issue every team’s invoice. Idempotent: a second call changes nothing.' })
  async closeBillingPeriod(@Arg('input', () => CloseBillingPeriodInput) input: CloseBillingPeriodInput, @Ctx() ctx: AppContext): Promise<CloseBillingPeriodPayload> {
    ctx.access.requireOperator();
    return mutationPayload(async () => ctx.services.invoices.close(ctx.caller, input.month));
  }

  @Mutation(() => BillingSettingsPayload, { description: 'Set the organization’s billing time zone (organization ADMIN). Audited.' })
  async updateBillingSettings(@Arg('input', () => UpdateBillingSettingsInput) input: UpdateBillingSettingsInput, @Ctx() ctx: AppContext): Promise<BillingSettingsPayload> {
    const organization = await ctx.access.requireOrganizationAdmin(await organizationByGlobalId(ctx, input.organizationId));
    return mutationPayload(async () => ({ timezone: await ctx.services.alerts.setTimezone(ctx.caller, organization.id, input.timezone) }));
  }
}

