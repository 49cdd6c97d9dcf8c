import { defineModule } from '../app/module';
import { DeadLetter } from './deadLetter.entity';
import { JobsResolver } from './jobs.resolver';

export const jobsModule = defineModule({ name: 'jobs', tables: [], entities: [DeadLetter], resolvers: [JobsResolver] });
