import { defineModule } from '../app/module';
import { OWNED_TABLES } from './tables';
import { DeadLetter } from './deadLetter.entity';
import { JobsResolver } from './jobs.resolver';

export const jobsModule = defineModule({ name: 'jobs', tables: OWNED_TABLES, entities: [DeadLetter], resolvers: [JobsResolver] });
