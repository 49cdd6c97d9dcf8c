import express from 'express';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { adminKeyRoute, QueryParams, type RestDeps } from '../app/rest';
import { parseMonth } from './invoices.service';

/**
 * FinOps FOCUS 1.x columns, in the specification's (alphabetical) order: every mandatory column, and the conditional
 * ones that apply to usage billing (commitment discounts, capacity reservations, regions and tags do not exist here).
 */
const FOCUS_COLUMNS = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargeFrequency',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ContractedCost',
  'ContractedUnitPrice',
  'EffectiveCost',
  'InvoiceId',
  'InvoiceIssuerName',
  'ListCost',
  'ListUnitPrice',
  'PricingCategory',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'ResourceId',
  'ResourceName',
  'ServiceCategory',
  'ServiceName',
  'SkuId',
  'SkuPriceId',
  'SubAccountId',
  'SubAccountName',
] as const;

/** FOCUS ServiceCategory of each product line. */
const SERVICE_CATEGORY: Record<string, string> = { MODEL_APIS: 'AI and Machine Learning', SERVERLESS: 'Compute', COMPUTE: 'Compute' };

/** FOCUS date/times: UTC, ISO 8601, `YYYY-MM-DDTHH:mm:ssZ`. */
const focusTime = (time: DateTime) => time.toUTC().toISO({ suppressMilliseconds: true });

/**
 * Costs: BilledCost and EffectiveCost are the line's billed amount (cents; they sum to the invoice totals); ListCost
 * and ContractedCost are its exact amount (list unit price × quantity, up to 12 fractional digits).
 *
 * `GET /v1/organization/billing/focus?billing_month=YYYY-MM` (organization admin key): one CSV row per invoice
 * line of every team for that month (issued, or the running drafts), in the FinOps FOCUS column set; the BilledCost
 * column sums to the invoices. Late usage of an earlier month is a `Usage` row with ChargeClass `Correction` and that
 * month's charge period.
 */
export function createBillingRouter(deps: RestDeps): express.Router {
  const { services } = deps;
  const router = express.Router();
  router.get(
    '/v1/organization/billing/focus',
    adminKeyRoute(deps, async (req, res, actor) => {
    const monthText = new QueryParams(req, ['billing_month']).single('billing_month') ?? '';
    const month = parseMonth(monthText, ['billing_month']);
    const invoices = await services.invoices.invoices({ organizationId: actor.organizationId }, month);
    const teams: Array<{ id: string; username: string }> = await services.db.query(`SELECT id, username FROM teams WHERE organization_id = $1`, [actor.organizationId]);
    const usernames = new Map(teams.map((team) => [team.id, team.username]));
    const [organization] = await services.db.query<Array<{ name: string } | undefined>>(`SELECT name FROM organizations WHERE id = $1`, [actor.organizationId]);
    const periodStart = DateTime.fromISO(month, { zone: 'UTC' });
    const periodEnd = periodStart.plus({ months: 1 });
    const rows = invoices.flatMap((invoice) =>
      invoice.lines.map((line) => {
        // Late usage of an earlier, already invoiced month is usage too, marked as a correction of that month.
        const correction = line.kind === 'ADJUSTMENT';
        const chargeStart = correction ? DateTime.fromISO(`${line.adjustsMonth}-01`, { zone: 'UTC' }) : periodStart;
        return {
          BilledCost: line.amount,
          BillingAccountId: actor.organizationId,
          BillingAccountName: organization?.name ?? '',
          BillingCurrency: 'USD',
          BillingPeriodEnd: focusTime(periodEnd),
          BillingPeriodStart: focusTime(periodStart),
          ChargeCategory: 'Usage',
          ChargeClass: correction ? 'Correction' : '',
          ChargeDescription: correction ? `Late usage of ${line.adjustsMonth}: ${line.endpointId} (${line.unit})` : `${line.endpointId} (${line.unit})`,
          ChargeFrequency: 'Usage-Based',
          ChargePeriodEnd: focusTime(chargeStart.plus({ months: 1 })),
          ChargePeriodStart: focusTime(chargeStart),
          ConsumedQuantity: line.quantity,
          ConsumedUnit: line.unit,
          ContractedCost: line.exactAmount,
          ContractedUnitPrice: correction ? '' : (line.unitPrice ?? ''),
          EffectiveCost: line.amount,
          InvoiceId: invoice.id ?? '',
          InvoiceIssuerName: 'Orgraph',
          ListCost: line.exactAmount,
          ListUnitPrice: correction ? '' : (line.unitPrice ?? ''),
          PricingCategory: 'Standard',
          PricingQuantity: line.quantity,
          PricingUnit: line.unit,
          ProviderName: 'Orgraph',
          PublisherName: 'Orgraph',
          ResourceId: line.endpointId,
          ResourceName: line.endpointId,
          ServiceCategory: SERVICE_CATEGORY[line.product] ?? 'Other',
          ServiceName: line.product,
          SkuId: line.endpointId,
          SkuPriceId: `${line.endpointId}:${line.unit}`,
          SubAccountId: invoice.teamId,
          SubAccountName: usernames.get(invoice.teamId) ?? '',
        };
      }),
    );
    res.type('text/csv').setHeader('content-disposition', `attachment; filename="focus-${monthText}.csv"`);
    res.send(stringify(rows, { header: true, columns: [...FOCUS_COLUMNS] }));
    }),
  );
  return router;
}
