import type { EntityManager } from 'typeorm';

/** Sets how many months of raw records an organization keeps, in the caller's transaction; answers the value before. */
export async function setRawRetentionMonths(tx: EntityManager, organizationId: string, months: number): Promise<number> {
  const [before] = await tx.query<Array<{ raw_retention_months: number }>>(`SELECT raw_retention_months FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
  await tx.query(`UPDATE organizations SET raw_retention_months = $2 WHERE id = $1`, [organizationId, months]);
  return before.raw_retention_months;
}
