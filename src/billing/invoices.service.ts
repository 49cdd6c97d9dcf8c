import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { UserInputFailure } from '../core/errors';
import { recordAudit, type Caller } from '../audit/audit';
import { billedText, DECIMAL_SCALE, decimalText, quotientText } from '../core/decimals';

export interface InvoiceLineView {
  kind: 'USAGE' | 'ADJUSTMENT';
  /** For adjustments: the closed month whose late usage this line bills. */
  adjustsMonth: string | null;
  product: string;
  endpointId: string;
  unit: string;
  quantity: string;
  /** Billed amount (two fractional digits): a usage line's `exactAmount` in cents; an adjustment's, its month's usage now in cents minus its usage billed before in cents. */
  amount: string;
  /** The exact amount (sum of the usage costs, up to 12 fractional digits). */
  exactAmount: string;
  /** exactAmount ÷ quantity (12 decimals), the line's average unit price; null for a zero quantity. */
  unitPrice: string | null;
}

export interface InvoiceView {
  id: string | null;
  teamId: string;
  organizationId: string | null;
  month: string;
  status: 'DRAFT' | 'ISSUED';
  lines: InvoiceLineView[];
  /** Sums of the billed amounts of the USAGE lines, of the ADJUSTMENT lines, and of all lines (the amount due). */
  usageTotal: string;
  adjustmentsTotal: string;
  total: string;
  /** Exact sums of the same lines' exact amounts (what the invoices table stores). */
  exactUsageTotal: string;
  exactAdjustmentsTotal: string;
  exactTotal: string;
  currency: 'USD';
  issuedAt: Date | null;
}

export type InvoiceScope = { organizationId: string } | { teamIds: string[] };

// Year 0000 does not exist (1 BC is followed by AD 1): PostgreSQL refuses it as a date.
const MONTH = /^(?!0000)(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` → the month's first day; anything else is a userError on `field`. */
export function parseMonth(text: string, field: string[]): string {
  if (!MONTH.test(text)) throw new UserInputFailure('INVALID_MONTH', `\`${field[field.length - 1]}\` is a month written YYYY-MM (year 0001–9999), e.g. 2025-03.`, field);
  return `${text}-01`;
}

/**
 * Invoices: one per team per calendar month (UTC). A month that is not closed has DRAFT invoices computed from usage
 * (plus the adjustments pending for earlier closed months); closing a month writes every team's invoice once.
 * Late usage for a closed month is the difference between what the month's usage is now and what was billed for it,
 * and becomes an ADJUSTMENT line of the next invoice — issued invoices never change (a trigger refuses it).
 */
export class InvoicesService {
  constructor(private readonly db: DataSource) {}

  async isClosed(month: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM billing_periods WHERE month = $1`, [month]);
    return rows.length > 0;
  }

  /** Invoices of a month for a scope: stored ones when the month is closed, drafts otherwise. */
  async invoices(scope: InvoiceScope, month: string): Promise<InvoiceView[]> {
    if (await this.isClosed(month)) return this.issued(scope, month);
    return this.drafts(scope, month, this.db.manager);
  }

  /** An organization's total for a month (issued or draft): the sum of its invoices' billed totals, in SQL numeric. */
  async summary(organizationId: string, month: string): Promise<{ closed: boolean; total: string; invoiceCount: number }> {
    const [closed, invoices] = await Promise.all([this.isClosed(month), this.invoices({ organizationId }, month)]);
    const [row] = await this.db.query<Array<{ total: string }>>(`SELECT ${billedText('coalesce(sum(t::numeric), 0)')} AS total FROM unnest($1::text[]) AS t`, [invoices.map((i) => i.total)]);
    return { closed, total: row.total, invoiceCount: invoices.length };
  }

  /** Closes a month (operator): writes every team's invoice. Running it again changes nothing. */
  async close(caller: Caller, monthText: string, now = new Date()): Promise<{ month: string; issued: number; alreadyClosed: boolean }> {
    const month = parseMonth(monthText, ['input', 'month']);
    if (DateTime.fromISO(month, { zone: 'UTC' }).plus({ months: 1 }).toMillis() > now.getTime()) {
      throw new UserInputFailure('MONTH_NOT_OVER', 'Only months that have ended can be closed.', ['input', 'month']);
    }
    return this.db.transaction(async (tx) => {
      // One close at a time, so two operators (or a retry) cannot both issue a month.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('orgraph.billing.close'))`);
      if (await this.isClosed(month, tx)) return { month: monthText, issued: 0, alreadyClosed: true };
      const drafts = await this.drafts({ all: true }, month, tx);
      await tx.query(`INSERT INTO billing_periods (month) VALUES ($1)`, [month]);
      for (const draft of drafts) {
        const [invoice] = await tx.query<Array<{ id: string }>>(
          `INSERT INTO invoices (organization_id, team_id, month, usage_total, adjustments_total, total, issued_at)
           VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp()) RETURNING id`,
          [draft.organizationId, draft.teamId, month, draft.exactUsageTotal, draft.exactAdjustmentsTotal, draft.exactTotal],
        );
        await tx.query(
          `INSERT INTO invoice_lines (invoice_id, line, kind, adjusts_month, product, endpoint_id, unit, quantity, amount, billed_amount)
           SELECT $1, ordinality, kind, adjusts_month, product, endpoint_id, unit, quantity, amount, billed_amount
             FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::numeric[])
                  WITH ORDINALITY AS l(kind, adjusts_month, product, endpoint_id, unit, quantity, amount, billed_amount, ordinality)`,
          [
            invoice.id,
            draft.lines.map((l) => l.kind),
            draft.lines.map((l) => (l.adjustsMonth ? `${l.adjustsMonth}-01` : null)),
            draft.lines.map((l) => l.product),
            draft.lines.map((l) => l.endpointId),
            draft.lines.map((l) => l.unit),
            draft.lines.map((l) => l.quantity),
            draft.lines.map((l) => l.exactAmount),
            draft.lines.map((l) => l.amount),
          ],
        );
      }
      for (const organizationId of new Set(drafts.map((d) => d.organizationId))) {
        await recordAudit(tx, caller, {
          organizationId,
          action: 'billing.closePeriod',
          targetType: 'BillingPeriod',
          targetId: monthText,
          changes: { invoices: { before: 0, after: drafts.filter((d) => d.organizationId === organizationId).length } },
        });
      }
      return { month: monthText, issued: drafts.length, alreadyClosed: false };
    });
  }

  /** Issued invoices of the given teams, newest month first. */
  async issuedForTeams(teamIds: string[]): Promise<InvoiceView[]> {
    return this.loadIssued(`i.team_id = ANY($1::uuid[])`, [teamIds]);
  }

  private issued(scope: InvoiceScope, month: string): Promise<InvoiceView[]> {
    return 'organizationId' in scope
      ? this.loadIssued(`i.organization_id = $1 AND i.month = $2`, [scope.organizationId, month])
      : this.loadIssued(`i.team_id = ANY($1::uuid[]) AND i.month = $2`, [scope.teamIds, month]);
  }

  private async loadIssued(where: string, params: unknown[]): Promise<InvoiceView[]> {
    const rows = await this.db.query<
      Array<{
        id: string;
        team_id: InvoiceView['teamId'];
        organization_id: InvoiceView['organizationId'];
        month: string;
        lines: InvoiceView['lines'];
        usage_total: string;
        adjustments_total: string;
        total: string;
        exact_usage_total: string;
        exact_adjustments_total: string;
        exact_total: string;
        issued_at: Date;
      }>
    >(
      `SELECT i.id, i.team_id, i.organization_id, to_char(i.month, 'YYYY-MM') AS month,
              ${decimalText('i.usage_total')} AS exact_usage_total, ${decimalText('i.adjustments_total')} AS exact_adjustments_total,
              ${decimalText('i.total')} AS exact_total, i.issued_at,
              ${billedText(`coalesce(sum(l.billed_amount) FILTER (WHERE l.kind = 'USAGE'), 0)`)} AS usage_total,
              ${billedText(`coalesce(sum(l.billed_amount) FILTER (WHERE l.kind = 'ADJUSTMENT'), 0)`)} AS adjustments_total,
              ${billedText('coalesce(sum(l.billed_amount), 0)')} AS total,
              coalesce(json_agg(json_build_object('kind', l.kind, 'adjustsMonth', to_char(l.adjusts_month, 'YYYY-MM'), 'product', l.product,
                'endpointId', l.endpoint_id, 'unit', l.unit, 'quantity', ${decimalText('l.quantity', DECIMAL_SCALE.quantity)},
                'amount', ${billedText('l.billed_amount')}, 'exactAmount', ${decimalText('l.amount')},
                'unitPrice', ${quotientText('l.amount', 'l.quantity', DECIMAL_SCALE.unitPrice)})
                ORDER BY l.line) FILTER (WHERE l.line IS NOT NULL), '[]') AS lines
         FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = i.id
        WHERE ${where}
        GROUP BY i.id ORDER BY i.month DESC, i.team_id`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      teamId: row.team_id,
      organizationId: row.organization_id,
      month: row.month,
      status: 'ISSUED',
      lines: row.lines,
      usageTotal: row.usage_total,
      adjustmentsTotal: row.adjustments_total,
      total: row.total,
      exactUsageTotal: row.exact_usage_total,
      exactAdjustmentsTotal: row.exact_adjustments_total,
      exactTotal: row.exact_total,
      currency: 'USD',
      issuedAt: row.issued_at,
    }));
  }

  /**
   * Draft invoices of a month in one statement: its usage by (product, endpoint, unit) from the daily UTC rollup,
   * plus, for every earlier closed month, what its usage is now minus what was billed for it.
   */
  async drafts(scope: InvoiceScope | { all: true }, month: string, manager: EntityManager): Promise<InvoiceView[]> {
    const params: unknown[] = [month];
    let usageFilter = '';
    let billedFilter = '';
    if ('organizationId' in scope) {
      params.push(scope.organizationId);
      usageFilter = `AND r.tenant_id = $2`;
      billedFilter = `AND i.organization_id = $2`;
    } else if ('teamIds' in scope) {
      params.push(scope.teamIds);
      usageFilter = `AND r.team_id = ANY($2::uuid[])`;
      billedFilter = `AND i.team_id = ANY($2::uuid[])`;
    }
    const rows: Array<Record<string, string | null>> = await manager.query(
      `WITH usage AS (
         SELECT r.team_id, 'USAGE' AS kind, NULL::date AS adjusts_month, r.product, r.endpoint_id, r.unit, sum(r.quantity) AS quantity, sum(r.cost) AS amount
           FROM usage_rollup_1d r
          WHERE r.bucket >= $1::date AND r.bucket < $1::date + interval '1 month' ${usageFilter}
          GROUP BY r.team_id, r.product, r.endpoint_id, r.unit
       ),
       -- Closed months whose late usage this month's invoice carries: this is the first month after them not closed
       -- yet (the next one to be issued). Later drafts leave it to that one, so no two drafts repeat an adjustment.
       closed AS (
         SELECT c.month FROM billing_periods c
          WHERE c.month < $1::date
            AND NOT EXISTS (SELECT 1 FROM generate_series(c.month + interval '1 month', $1::date - interval '1 month', interval '1 month') AS g(month)
                             WHERE NOT EXISTS (SELECT 1 FROM billing_periods p WHERE p.month = g.month))
       ),
       now_totals AS (
         SELECT r.team_id, c.month, r.product, r.endpoint_id, r.unit, sum(r.quantity) AS quantity, sum(r.cost) AS amount
           FROM usage_rollup_1d r JOIN closed c ON r.bucket >= c.month AND r.bucket < c.month + interval '1 month'
          WHERE true ${usageFilter}
          GROUP BY r.team_id, c.month, r.product, r.endpoint_id, r.unit
       ),
       billed AS (
         SELECT i.team_id, coalesce(l.adjusts_month, i.month) AS month, l.product, l.endpoint_id, l.unit, sum(l.quantity) AS quantity, sum(l.amount) AS amount
           FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
          WHERE coalesce(l.adjusts_month, i.month) IN (SELECT month FROM closed) ${billedFilter}
          GROUP BY 1, 2, 3, 4, 5
       ),
       -- The exact difference, and in cents the usage now minus the usage billed before, each rounded once: rounding
       -- the difference on its own billed 0.015 + a late 0.005 as 0.02 + 0.01. (Not minus the cents stored: lines
       -- billed by that old rule would have their error pulled into the next late charge, even as a credit.)
       adjustments AS (
         SELECT team_id, 'ADJUSTMENT' AS kind, month AS adjusts_month, product, endpoint_id, unit,
                coalesce(n.quantity, 0) - coalesce(b.quantity, 0) AS quantity, coalesce(n.amount, 0) - coalesce(b.amount, 0) AS amount,
                round(coalesce(n.amount, 0), 2) - round(coalesce(b.amount, 0), 2) AS billed
           FROM now_totals n FULL JOIN billed b USING (team_id, month, product, endpoint_id, unit)
          WHERE coalesce(n.amount, 0) <> coalesce(b.amount, 0) OR coalesce(n.quantity, 0) <> coalesce(b.quantity, 0)
       ),
       lines AS (SELECT *, round(amount, 2) AS billed FROM usage UNION ALL SELECT * FROM adjustments)
       SELECT l.team_id, t.organization_id, l.kind, to_char(l.adjusts_month, 'YYYY-MM') AS adjusts_month, l.product, l.endpoint_id, l.unit,
              ${decimalText('l.quantity', DECIMAL_SCALE.quantity)} AS quantity, ${billedText('l.billed')} AS amount,
              ${decimalText('l.amount')} AS exact_amount,
              ${quotientText('l.amount', 'l.quantity', DECIMAL_SCALE.unitPrice)} AS unit_price,
              -- Totals add the billed lines, as issued invoices add invoice_lines.billed_amount.
              ${billedText(`sum(CASE WHEN l.kind = 'USAGE' THEN l.billed ELSE 0 END) OVER w`)} AS usage_total,
              ${billedText(`sum(CASE WHEN l.kind = 'ADJUSTMENT' THEN l.billed ELSE 0 END) OVER w`)} AS adjustments_total,
              ${billedText('sum(l.billed) OVER w')} AS total,
              ${decimalText(`sum(CASE WHEN l.kind = 'USAGE' THEN l.amount ELSE 0 END) OVER w`)} AS exact_usage_total,
              ${decimalText(`sum(CASE WHEN l.kind = 'ADJUSTMENT' THEN l.amount ELSE 0 END) OVER w`)} AS exact_adjustments_total,
              ${decimalText('sum(l.amount) OVER w')} AS exact_total
         FROM lines l JOIN teams t ON t.id = l.team_id
       WINDOW w AS (PARTITION BY l.team_id)
        ORDER BY l.team_id, l.kind DESC, l.adjusts_month NULLS FIRST, l.product, l.endpoint_id, l.unit`,
      params,
    );
    const byTeam = new Map<string, InvoiceView>();
    for (const row of rows) {
      let invoice = byTeam.get(row.team_id!);
      if (!invoice) {
        invoice = {
          id: null,
          teamId: row.team_id!,
          organizationId: row.organization_id,
          month: month.slice(0, 7),
          status: 'DRAFT',
          lines: [],
          usageTotal: row.usage_total!,
          adjustmentsTotal: row.adjustments_total!,
          total: row.total!,
          exactUsageTotal: row.exact_usage_total!,
          exactAdjustmentsTotal: row.exact_adjustments_total!,
          exactTotal: row.exact_total!,
          currency: 'USD',
          issuedAt: null,
        };
        byTeam.set(row.team_id!, invoice);
      }
      invoice.lines.push({
        kind: row.kind as 'USAGE' | 'ADJUSTMENT',
        adjustsMonth: row.adjusts_month,
        product: row.product!,
        endpointId: row.endpoint_id!,
        unit: row.unit!,
        quantity: row.quantity!,
        amount: row.amount!,
        exactAmount: row.exact_amount!,
        unitPrice: row.unit_price,
      });
    }
    return [...byTeam.values()];
  }
}
