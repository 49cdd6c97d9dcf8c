import express, { type Request, type Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { Services } from '../app/services';
import { UserInputFailure } from '../core/errors';
import { parseMonth } from './invoices.service';

/** FinOps FOCUS 1.x columns, in the specification's order for the columns Orgraph can fill. */
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
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'ListUnitPrice',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'ResourceId',
  'ResourceName',
  'ServiceCategory',
  'ServiceName',
  'SkuId',
  'SubAccountId',
  'SubAccountName',
] as const;

/**
 * `GET /v1/organization/billing/focus?billing_month=YYYY-MM` (organization admin key): one CSV row per invoice
 * line of every team for that month, in the FinOps FOCUS column set; the BilledCost column sums to the invoices.
 */
export function createBillingRouter(services: Services): express.Router {
  const router = express.Router();
  router.get('/v1/organization/billing/focus', async (req, res) => {
    let actor;
    try {
      actor = await services.authenticator.authenticate(req.header('authorization'));
    } catch {
      return restError(res, req, 401, 'authentication_error', 'Authentication required: the credential is missing, malformed, expired or revoked.');
    }
    if (actor.kind === 'ANONYMOUS') return restError(res, req, 401, 'authentication_error', 'Authentication required: the credential is missing, malformed, expired or revoked.');
    if (actor.kind !== 'API_KEY' || !actor.isOrganizationAdminKey || !actor.organizationId) {
      return restError(res, req, 403, 'permission_error', 'This endpoint requires an organization admin key.');
    }
    const monthText = typeof req.query.billing_month === 'string' ? req.query.billing_month : '';
    let month: string;
    try {
      month = parseMonth(monthText, ['billing_month']);
    } catch (error) {
      return restError(res, req, 400, 'invalid_request_error', (error as UserInputFailure).message);
    }
    const invoices = await services.invoices.invoices({ organizationId: actor.organizationId }, month);
    const teams: Array<{ id: string; username: string }> = await services.db.query(`SELECT id, username FROM teams WHERE organization_id = $1`, [actor.organizationId]);
    const usernames = new Map(teams.map((team) => [team.id, team.username]));
    const [organization] = await services.db.query(`SELECT name FROM organizations WHERE id = $1`, [actor.organizationId]);
    const periodStart = DateTime.fromISO(month, { zone: 'UTC' });
    const periodEnd = periodStart.plus({ months: 1 });
    const rows = invoices.flatMap((invoice) =>
      invoice.lines.map((line) => {
        const chargeStart = line.adjustsMonth ? DateTime.fromISO(`${line.adjustsMonth}-01`, { zone: 'UTC' }) : periodStart;
        return {
          BilledCost: line.amount,
          BillingAccountId: actor.organizationId,
          BillingAccountName: organization?.name ?? '',
          BillingCurrency: 'USD',
          BillingPeriodEnd: periodEnd.toISO(),
          BillingPeriodStart: periodStart.toISO(),
          ChargeCategory: line.kind === 'USAGE' ? 'Usage' : 'Adjustment',
          ChargeClass: line.kind === 'ADJUSTMENT' ? 'Correction' : '',
          ChargeDescription: line.kind === 'USAGE' ? `${line.endpointId} (${line.unit})` : `Late usage of ${line.adjustsMonth}: ${line.endpointId} (${line.unit})`,
          ChargePeriodEnd: chargeStart.plus({ months: 1 }).toISO(),
          ChargePeriodStart: chargeStart.toISO(),
          ConsumedQuantity: line.quantity,
          ConsumedUnit: line.unit,
          ContractedCost: line.amount,
          EffectiveCost: line.amount,
          InvoiceIssuerName: 'Orgraph',
          ListCost: line.amount,
          ListUnitPrice: '',
          PricingQuantity: line.quantity,
          PricingUnit: line.unit,
          ProviderName: 'Orgraph',
          PublisherName: 'Orgraph',
          ResourceId: line.endpointId,
          ResourceName: line.endpointId,
          ServiceCategory: 'AI and Machine Learning',
          ServiceName: line.product,
          SkuId: line.endpointId,
          SubAccountId: invoice.teamId,
          SubAccountName: usernames.get(invoice.teamId) ?? '',
        };
      }),
    );
    res.type('text/csv').setHeader('content-disposition', `attachment; filename="focus-${monthText}.csv"`);
    res.send(stringify(rows, { header: true, columns: [...FOCUS_COLUMNS] }));
  });
  return router;
}

function restError(res: Response, req: Request, status: number, type: string, message: string): void {
  res.status(status).json({ error: { type, message, request_id: req.requestId } });
}
