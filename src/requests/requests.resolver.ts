import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { mutationPayload } from '../core/mutation';
import { isUuid, toGlobalId } from '../core/relay';
import type { RequestView } from '../authz/access';
import type { RequestRowScope } from './requests.service';
import { Team } from '../teams/team.entity';
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

/**
 * The viewer's access to each request travels with the row, so payload fields need no second decision. A record
 * enters the graph only through `shownTo` (the request log and `node(id:)`); without it the payload stays closed.
 */
type ListedRequest = RequestRecord & { viewerMayOpen?: boolean; hiddenReason?: PayloadHiddenReason | null };

/** Which rows a request view lists (docs/requests.md: under OWN, those whose identity is the viewer; nobody's for keys). */
function rowScope(view: RequestView): RequestRowScope {
  return view.rows === 'OWN' ? { kind: 'OWN', userId: view.userId ?? '00000000-0000-0000-0000-000000000000' } : { kind: 'ALL' };
}

/** Marks a listed record with what the viewer may open: the payload, or null with the reason. */
function shownTo(record: RequestRecord, view: RequestView): ListedRequest {
  const listed = record as ListedRequest;
  listed.viewerMayOpen = view.payloads;
  listed.hiddenReason = view.payloads ? null : PayloadHiddenReason.METADATA_ONLY_ROLE;
  return listed;
}

/**
 * `node(id:)` of a request (`teamId/requestId`): exactly what the team's request log would show this viewer, or null
 * (like a missing id) when the log is hidden from them or does not list this request.
 */
export async function requestRecordNode(ctx: AppContext, key: string): Promise<ListedRequest | null> {
  const slash = key.indexOf('/');
  const teamId = key.slice(0, slash);
  if (slash < 0 || !isUuid(teamId)) return null;
  const team = await ctx.loaders.teamById.load(teamId);
  const view = team ? await ctx.access.requestViewIfAllowed(team) : null;
  if (!team || !view) return null;
  const record = await ctx.services.requests.findOne(team.id, key.slice(slash + 1), rowScope(view));
  return record ? shownTo(record, view) : null;
}

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
    const connection = await ctx.services.requests.connection(team, args.filter, args, rowScope(view));
    for (const edge of connection.edges) shownTo(edge.node, view);
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
    return { kind: record.authKind, keyId: key?.keyId ?? null, keyOwner: keyOwner, user: user };
  }

  @FieldResolver(() => RequestPayload, {
    nullable: true,
    description: 'Input and output, when you may open them (see `payloadHiddenReason`). Reads by anyone but the request’s own identity are audited.',
  })
  async payload(@Root() record: ListedRequest, @Ctx() ctx: AppContext): Promise<RequestPayload | null> {
    if (record.viewerMayOpen !== true) return null;
    const payload = await ctx.loaders.requestPayload.load(`${record.teamId}/${record.requestId}`);
    if (!payload) return null;
    if (!isOwnIdentity(ctx, record)) await ctx.loaders.payloadReadAudit.load({ record, caller: ctx.caller });
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
