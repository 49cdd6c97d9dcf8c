import { defineModule } from '../app/module';
import { MonthPartitions } from './monthPartitions';
import { OrganizationRetentionResolver, RetentionMutationsResolver } from './retention.resolver';
import { RetentionService } from './retention.service';

declare module '../app/scope' {
  interface Services {
    /** One partition cache per process, shared by both raw tables' ingest paths and the retention run. */
    monthPartitions: MonthPartitions;
    retention: RetentionService;
  }
}

export const retentionModule = defineModule({
  name: 'retention',
  tables: [],
  resolvers: [OrganizationRetentionResolver, RetentionMutationsResolver],
  services: ({ db }) => {
    const monthPartitions = new MonthPartitions(db);
    return { monthPartitions, retention: new RetentionService(db, monthPartitions) };
  },
});
