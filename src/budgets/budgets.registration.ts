import type { AppContext } from '../app/context';
import { Budget } from './budgets.types';
import {
  BudgetOperationsResolver,
  BudgetResolver,
  canSeeBudget,
  EffectiveBudgetResolver,
  ModelAccessCheckBudgetsResolver,
  OrganizationBudgetsResolver,
} from './budgets.resolver';

/** The budgets module's GraphQL resolvers (registered in src/registry.ts). */
export const budgetResolvers = [BudgetResolver, EffectiveBudgetResolver, OrganizationBudgetsResolver, ModelAccessCheckBudgetsResolver, BudgetOperationsResolver];

/** `node(id:)` for budgets: visible as in listings, null otherwise. */
export async function budgetNode(
  ctx: AppContext,
  id: string,
  reachable: <T extends object>(ctx: AppContext, organizationId: string | null, object: T) => Promise<T>,
): Promise<object | null> {
  const budget = await ctx.loaders.budgets.budgetById.load(id);
  // An instance of the object type, so the Node interface resolves its concrete type.
  return budget && (await canSeeBudget(ctx, budget)) ? reachable(ctx, budget.organizationId, Object.assign(new Budget(), budget)) : null;
}
