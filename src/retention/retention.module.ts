import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { MonthPartitions } from './monthPartitions';
import { OrganizationRetentionResolver, RetentionMutationsResolver } from './retention.resolver';
import { RetentionService } from './retention.service';
import { RetentionRun } from './retentionRun.entity';

declare module '../app/scope' {
  interface Services {
    /** One partition cache per process, shared by both raw tables' ingest paths and the retention run. */
    monthPartitions: MonthPartitions;
    retention: RetentionService;
  }
}

export const retentionModule = defineModule({
  name: 'retention',
  tables: OWNED_TABLES,
  entities: [RetentionRun],
  resolvers: [OrganizationRetentionResolver, RetentionMutationsResolver],
  services: ({ db }) => {
    const monthPartitions = new MonthPartitions(db);
    return { monthPartitions, retention: new RetentionService(db, monthPartitions) };
  },
});
