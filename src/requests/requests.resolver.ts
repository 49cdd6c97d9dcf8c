import DataLoader from 'dataloader';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { recordAuditBatch } from '../audit/audit';
import { mutationPayload } from '../core/mutation';
import { toGlobalId } from '../core/relay';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';
import { RequestAuthKind, RequestRecord } from './requestRecord.entity';
import {
  IngestRequestsInput,
  IngestRequestsPayload,
  PayloadHiddenReason,
  RequestFilter,
  RequestIdentity,
  RequestPayload,
  RequestRecordConnection,
} from './requests.types';

/** The viewer's access to each listed request travels with the row, so payload fields need no second decision. */
type ListedRequest = RequestRecord & { viewerMayOpen?: boolean; hiddenReason?: PayloadHiddenReason | null };

@ArgsType()
class TeamRequestsArgs {
  @Field(() => RequestFilter, { nullable: true, description: 'Filters; all optional.' })
  filter?: RequestFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;
}

@Resolver(() => Team)
export class TeamRequestsResolver {
  @FieldResolver(() => RequestRecordConnection, {
    description:
      'The team’s request log, newest first. Under restricted request view (`OWN`) you see only requests made as you (Playground) or with keys you own; admins see all.',
  })
  async requests(@Root() team: Team, @Args(() => TeamRequestsArgs) args: TeamRequestsArgs, @Ctx() ctx: AppContext) {
    const view = await ctx.access.requestView(team);
    const scope = view.rows === 'OWN' ? { kind: 'OWN' as const, userId: view.userId ?? '00000000-0000-0000-0000-000000000000' } : { kind: 'ALL' as const };
    const connection = await ctx.services.requests.connection(team, args.filter, args, scope);
    for (const edge of connection.edges as Array<{ node: ListedRequest }>) {
      edge.node.viewerMayOpen = view.payloads;
      edge.node.hiddenReason = view.payloads ? null : PayloadHiddenReason.METADATA_ONLY_ROLE;
    }
    return connection;
  }
}

@Resolver(() => RequestRecord)
export class RequestRecordResolver {
  @FieldResolver(() => ID, { description: 'Opaque global identifier of this object.' })
  id(@Root() record: RequestRecord): string {
    return toGlobalId('RequestRecord', `${record.teamId}/${record.requestId}`);
  }

  @FieldResolver(() => Team, { description: 'The team the request ran under.' })
  async team(@Root() record: RequestRecord, @Ctx() ctx: AppContext): Promise<Team> {
    return (await ctx.loaders.teamById.load(record.teamId))!;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Milliseconds from start to finish.' })
  durationMs(@Root() record: RequestRecord): number | null {
    return record.finishedAt ? record.finishedAt.getTime() - record.startedAt.getTime() : null;
  }

  @FieldResolver(() => RequestIdentity, { description: 'Who made the request.' })
  async identity(@Root() record: RequestRecord, @Ctx() ctx: AppContext): Promise<RequestIdentity> {
    const [keyOwner, user, key] = await Promise.all([
      record.keyOwnerId ? ctx.loaders.userById.load(record.keyOwnerId) : null,
      record.userId ? ctx.loaders.userById.load(record.userId) : null,
      record.apiKeyId ? ctx.loaders.apiKeyById.load(record.apiKeyId) : null,
    ]);
    return { kind: record.authKind, keyId: key?.keyId ?? null, keyOwner: keyOwner as User | null, user: user as User | null };
  }

  @FieldResolver(() => RequestPayload, {
    nullable: true,
    description: 'Input and output, when you may open them (see `payloadHiddenReason`). Reads by anyone but the request’s own identity are audited.',
  })
  async payload(@Root() record: ListedRequest, @Ctx() ctx: AppContext): Promise<RequestPayload | null> {
    if (record.viewerMayOpen === false) return null;
    const payload = await ctx.loaders.requestPayload.load(`${record.teamId}/${record.requestId}`);
    if (!payload) return null;
    if (!isOwnIdentity(ctx, record)) await payloadReadAuditor(ctx).load(record);
    return payload;
  }

  @FieldResolver(() => PayloadHiddenReason, { nullable: true, description: 'Why `payload` is null for you; null when you may open it.' })
  payloadHiddenReason(@Root() record: ListedRequest): PayloadHiddenReason | null {
    return record.hiddenReason ?? null;
  }
}

@Resolver()
export class RequestIngestResolver {
  @Mutation(() => IngestRequestsPayload, {
    description:
      'Gateway only (ingest credential): store a batch of 1–1,000 request records. Each record is validated on its own; valid ones are kept; a stored id is counted as a duplicate, so retries are safe.',
  })
  async ingestRequests(@Arg('input', () => IngestRequestsInput) input: IngestRequestsInput, @Ctx() ctx: AppContext): Promise<IngestRequestsPayload> {
    ctx.access.requireIngest();
    return mutationPayload(async () => ctx.services.requests.ingest(input.records));
  }
}

function isOwnIdentity(ctx: AppContext, record: RequestRecord): boolean {
  if (ctx.actor.kind !== 'USER') return false;
  const me = ctx.actor.userId;
  return record.authKind === RequestAuthKind.LOGIN ? record.userId === me : record.keyOwnerId === me;
}

const auditors = new WeakMap<AppContext, DataLoader<RequestRecord, true, string>>();

/** One audit INSERT per GraphQL request for all payloads it opened. */
function payloadReadAuditor(ctx: AppContext): DataLoader<RequestRecord, true, string> {
  let auditor = auditors.get(ctx);
  if (!auditor) {
    auditor = new DataLoader<RequestRecord, true, string>(
      async (records) => {
        await recordAuditBatch(
          ctx.services.db.manager,
          ctx.caller,
          records.map((record) => ({
            organizationId: record.organizationId,
            teamId: record.teamId,
            action: 'request.payloadRead',
            targetType: 'RequestRecord',
            targetId: record.requestId,
          })),
        );
        return records.map(() => true as const);
      },
      { cacheKeyFn: (record) => `${record.teamId}/${record.requestId}` },
    );
    auditors.set(ctx, auditor);
  }
  return auditor;
}
