import { Foundation1732500000000 } from './1732500000000-Foundation';
import { SeedModelCatalog1732500001000 } from './1732500001000-SeedModelCatalog';
import { People1732600000000 } from './1732600000000-People';
import { Policies1732700000000 } from './1732700000000-Policies';
import { RequestRecords1733100000000 } from './1733100000000-RequestRecords';
import { Governance1733200000000 } from './1733200000000-Governance';
import { Usage1733300000000 } from './1733300000000-Usage';
import { Billing1733400000000 } from './1733400000000-Billing';
import { Sso1733500000000 } from './1733500000000-Sso';
import { UsageRecordsWithoutForeignKeys1733600000000 } from './1733600000000-UsageRecordsWithoutForeignKeys';
import { UsageDailyTeamIndex1733700000000 } from './1733700000000-UsageDailyTeamIndex';
import { SsoIdentitiesPerOrganization1733800000000 } from './1733800000000-SsoIdentitiesPerOrganization';
import { RequestIdentity1733806000000 } from './1733806000000-RequestIdentity';
import { UsageDailyItemsRollup1733900000000 } from './1733900000000-UsageDailyItemsRollup';
import { InvoiceBilledAmounts1734400000000 } from './1734400000000-InvoiceBilledAmounts';
import { OrganizationDomains1734100000000 } from './1734100000000-OrganizationDomains';
import { Budgets1734600000000 } from './1734600000000-Budgets';
import { Scim1734800000000 } from './1734800000000-Scim';
import { ApiKeyLineage1734300000000 } from './1734300000000-ApiKeyLineage';
import { EmailDelivery1734500000000 } from './1734500000000-EmailDelivery';
import { AccountRecovery1734510000000 } from './1734510000000-AccountRecovery';
import { SpendingAlertEnabled1734520000000 } from './1734520000000-SpendingAlertEnabled';
import { JobQueue1735100000000 } from './1735100000000-JobQueue';
import { EmailVerified1734900000000 } from './1734900000000-EmailVerified';
import { RateLimitBudgets1735000000000 } from './1735000000000-RateLimitBudgets';
import { CacheInvalidationTriggers1735000001000 } from './1735000001000-CacheInvalidationTriggers';
import { CatalogInvalidationTriggers1735000002000 } from './1735000002000-CatalogInvalidationTriggers';
import { MonthlyRawPartitions1735200000000 } from './1735200000000-MonthlyRawPartitions';
import { LifecycleJobs1735400000000 } from './1735400000000-LifecycleJobs';
import { MonthPartitionRace1735500000000 } from './1735500000000-MonthPartitionRace';
import { AdjustmentBilledAmounts1735600000000 } from './1735600000000-AdjustmentBilledAmounts';

/** Every migration in order; the database schema is only ever changed by adding one here. */
export const allMigrations = [
  Foundation1732500000000,
  SeedModelCatalog1732500001000,
  People1732600000000,
  Policies1732700000000,
  RequestRecords1733100000000,
  Governance1733200000000,
  Usage1733300000000,
  Billing1733400000000,
  Sso1733500000000,
  UsageRecordsWithoutForeignKeys1733600000000,
  UsageDailyTeamIndex1733700000000,
  SsoIdentitiesPerOrganization1733800000000,
  RequestIdentity1733806000000,
  UsageDailyItemsRollup1733900000000,
  InvoiceBilledAmounts1734400000000,
  OrganizationDomains1734100000000,
  Budgets1734600000000,
  Scim1734800000000,
  ApiKeyLineage1734300000000,
  EmailDelivery1734500000000,
  AccountRecovery1734510000000,
  SpendingAlertEnabled1734520000000,
  JobQueue1735100000000,
  EmailVerified1734900000000,
  RateLimitBudgets1735000000000,
  CacheInvalidationTriggers1735000001000,
  CatalogInvalidationTriggers1735000002000,
  MonthlyRawPartitions1735200000000,
  LifecycleJobs1735400000000,
  MonthPartitionRace1735500000000,
  AdjustmentBilledAmounts1735600000000,
];
