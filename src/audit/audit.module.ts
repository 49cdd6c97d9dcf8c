import { In, type DataSource } from 'typeorm';
import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { loaderByKey } from '../core/loaderUtils';
import { reachable, withUuidKeys } from '../node/reachable';
import { AuditEventResolver, OrganizationAuditLogResolver } from './audit.resolver';
import { AuditEvent } from './auditEvent.entity';
import { AuditLogService } from './auditLog.service';

const auditLoaders = (db: DataSource) => ({
  auditEventById: loaderByKey<string, AuditEvent>((ids) => db.getRepository(AuditEvent).findBy({ id: In([...ids]) }), (e) => e.id),
});

declare module '../app/scope' {
  interface Services {
    auditLog: AuditLogService;
  }
  interface Loaders extends ReturnType<typeof auditLoaders> {}
}

export const auditModule = defineModule({
  name: 'audit',
  tables: OWNED_TABLES,
  entities: [AuditEvent],
  resolvers: [AuditEventResolver, OrganizationAuditLogResolver],
  services: ({ db }) => ({ auditLog: new AuditLogService(db) }),
  loaders: auditLoaders,
  nodeFetchers: withUuidKeys({
    AuditEvent: async (ctx, id) => {
      const event = await ctx.loaders.auditEventById.load(id);
      return event?.organizationId && (await ctx.access.isOrganizationAdmin(event.organizationId)) ? reachable(ctx, event.organizationId, event) : null;
    },
  }),
});
