import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app/context';
import { Connection, paginate } from '../core/relay';
import { DeadLetter } from './deadLetter.entity';
import { RetentionRun } from '../retention/retentionRun.entity';

export const DeadLetterConnection = Connection(DeadLetter, 'DeadLetter', 'A page of dead letters, newest first.');
export type DeadLetterConnection = InstanceType<typeof DeadLetterConnection>;
export const RetentionRunConnection = Connection(RetentionRun, 'RetentionRun', 'A page of retention runs, newest first.');
export type RetentionRunConnection = InstanceType<typeof RetentionRunConnection>;

@ArgsType()
export class JobPageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;
}

@Resolver()
export class JobsResolver {
  @Query(() => DeadLetterConnection, {
    description: 'Platform operators: background deliveries that gave up (webhooks and emails out of attempts, jobs that kept failing), newest first.',
  })
  async deadLetters(@Args(() => JobPageArgs) args: JobPageArgs, @Ctx() ctx: AppContext): Promise<DeadLetterConnection> {
    ctx.access.requireOperator();
    return paginate(ctx.services.db.getRepository(DeadLetter).createQueryBuilder('letter'), args, {
      connection: DeadLetterConnection,
      orderBy: "date_trunc('milliseconds', letter.created_at)",
      orderValue: (letter) => letter.createdAt.toISOString(),
      direction: 'DESC',
    });
  }

  @Query(() => RetentionRunConnection, {
    description: 'Platform operators: raw-record retention runs (scheduled and by hand), newest first, with what each prepared, dropped and deleted or why it failed.',
  })
  async retentionRuns(@Args(() => JobPageArgs) args: JobPageArgs, @Ctx() ctx: AppContext): Promise<RetentionRunConnection> {
    ctx.access.requireOperator();
    return paginate(ctx.services.db.getRepository(RetentionRun).createQueryBuilder('run'), args, {
      connection: RetentionRunConnection,
      orderBy: "date_trunc('milliseconds', run.started_at)",
      orderValue: (run) => run.startedAt.toISOString(),
      direction: 'DESC',
    });
  }
}
