import DataLoader from 'dataloader';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { AlertsService } from './alerts.service';
import {
  BillingMutationsResolver,
  InvoiceResolver,
  invoiceNode,
  OrganizationBillingResolver,
  SpendingAlertResolver,
  spendingAlertNode,
  TeamBillingResolver,
  WebhookDeliveryResolver,
  webhookDeliveryNode,
} from './billing.resolver';
import { createBillingRouter } from './billing.rest';
import { InvoicesService } from './invoices.service';

/** Per-request loaders: an alert page's firings and deliveries in one statement each. */
const billingLoaders = (alerts: Pick<AlertsService, 'eventsOf' | 'deliveriesOf'>) => ({
  alertEventsByAlert: new DataLoader(async (ids: readonly string[]) => {
    const events = await alerts.eventsOf(ids);
    return ids.map((id) => events.filter((event) => event.alertId === id));
  }),
  alertDeliveriesByAlert: new DataLoader(async (ids: readonly string[]) => {
    const deliveries = await alerts.deliveriesOf(ids);
    return ids.map((id) => deliveries.filter((delivery) => delivery.alertId === id));
  }),
});

declare module '../app/scope' {
  interface Services {
    alerts: AlertsService;
    invoices: InvoicesService;
  }
  interface Loaders extends ReturnType<typeof billingLoaders> {}
}

export const billingModule = defineModule({
  name: 'billing',
  tables: OWNED_TABLES,
  resolvers: [OrganizationBillingResolver, TeamBillingResolver, InvoiceResolver, WebhookDeliveryResolver, SpendingAlertResolver, BillingMutationsResolver],
  // Alerts are evaluated after ingest on the `usage-evaluation` job (src/jobs/usageEvaluation.ts), not inline.
  services: ({ db, config, outbound, publicUrl }) => ({ alerts: new AlertsService(db, config.encryptionKey, outbound, publicUrl), invoices: new InvoicesService(db) }),
  loaders: (_db, { alerts }) => billingLoaders(alerts),
  nodeFetchers: {
    // Keyed `teamId/YYYY-MM`: a draft has no row yet, and the issued invoice keeps the draft's id.
    Invoice: invoiceNode,
    SpendingAlert: spendingAlertNode,
    WebhookDelivery: webhookDeliveryNode,
  },
  restRoutes: ({ rest }) => createBillingRouter(rest),
});
