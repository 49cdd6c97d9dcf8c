import { defineModule } from '../app/module';
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

declare module '../app/scope' {
  interface Services {
    alerts: AlertsService;
    invoices: InvoicesService;
  }
}

export const billingModule = defineModule({
  name: 'billing',
  tables: [],
  resolvers: [OrganizationBillingResolver, TeamBillingResolver, InvoiceResolver, WebhookDeliveryResolver, SpendingAlertResolver, BillingMutationsResolver],
  services: ({ db, config, outbound, publicUrl, usageIngest }) => {
    const alerts = new AlertsService(db, config.encryptionKey, outbound, publicUrl);
    usageIngest.onStored((organizationIds) => alerts.evaluate(organizationIds));
    return { alerts, invoices: new InvoicesService(db) };
  },
  nodeFetchers: {
    // Keyed `teamId/YYYY-MM`: a draft has no row yet, and the issued invoice keeps the draft's id.
    Invoice: invoiceNode,
    SpendingAlert: spendingAlertNode,
    WebhookDelivery: webhookDeliveryNode,
  },
  restRoutes: ({ rest }) => createBillingRouter(rest),
});
