import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app/context';
import { Connection, paginate } from '../core/relay';
import { DeadLetter } from './deadLetter.entity';

export const DeadLetterConnection = Connection(DeadLetter, 'DeadLetter', 'A page of dead letters, newest first.');
export type DeadLetterConnection = InstanceType<typeof DeadLetterConnection>;

@ArgsType()
export class DeadLettersArgs {
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
  async deadLetters(@Args(() => DeadLettersArgs) args: DeadLettersArgs, @Ctx() ctx: AppContext): Promise<DeadLetterConnection> {
    ctx.access.requireOperator();
    return paginate(ctx.services.db.getRepository(DeadLetter).createQueryBuilder('letter'), args, {
      connection: DeadLetterConnection,
      orderBy: "date_trunc('milliseconds', letter.created_at)",
      orderValue: (letter) => letter.createdAt.toISOString(),
      direction: 'DESC',
    });
  }
}
