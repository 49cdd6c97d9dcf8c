import { Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { fromGlobalId, localIdOf, toGlobalId } from '../core/relay';
import { NodeIdResolver } from '../core/nodeId';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';
import { AuditEvent } from './auditEvent.entity';
import { AuditChange, AuditEventConnection, AuditLogArgs } from './audit.types';

const UUID = /^[0-9a-f-]{36}$/;
@Resolver(() => AuditEvent)
export class AuditEventResolver extends NodeIdResolver(AuditEvent, 'AuditEvent') {
  @FieldResolver(() => User, { nullable: true, description: 'The user who acted (null when a key or operator did).' })
  actorUser(@Root() event: AuditEvent, @Ctx() ctx: AppContext): Promise<User | null> | null {
    return event.actorType === 'USER' && event.actorId ? ctx.loaders.userById.load(event.actorId) : null;
  }

  @FieldResolver(() => String, {
    description: 'Who acted, readably: the user’s email, or the API key’s name with its id (`Deploy key (ogk_…)`); `operator`, `ingest` or `anonymous` otherwise.',
  })
  async actorLabel(@Root() event: AuditEvent, @Ctx() ctx: AppContext): Promise<string> {
    if (event.actorType === 'USER' && event.actorId) return (await ctx.loaders.userById.load(event.actorId))?.email ?? event.actorLabel;
    if (event.actorType === 'API_KEY' && event.actorId) {
      const alias = await ctx.loaders.apiKeyAliasByKeyId.load(event.actorId);
      return alias ? `${alias} (${event.actorId})` : event.actorId;
    }
    return event.actorLabel;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The API key id (`ogk_…`) that acted, when a key did.' })
  actorKeyId(@Root() event: AuditEvent): string | null {
    return event.actorType === 'API_KEY' ? event.actorId : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Global id of the changed object (usable with `node(id:)` while it exists).' })
  targetId(@Root() event: AuditEvent): string | null {
    return event.targetId && UUID.test(event.targetId) ? toGlobalId(event.targetType, event.targetId) : event.targetId;
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team the change concerned, if any.' })
  team(@Root() event: AuditEvent, @Ctx() ctx: AppContext): Promise<Team | null> | null {
    return event.teamId ? ctx.loaders.teamById.load(event.teamId) : null;
  }

  @FieldResolver(() => [AuditChange], { description: 'Changed fields with before/after values (never secrets).' })
  changes(@Root() event: AuditEvent): AuditChange[] {
    return Object.entries(event.changes ?? {}).map(([field, change]) => ({
      field,
      before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
    }));
  }
}

@Resolver(() => Organization)
export class OrganizationAuditLogResolver {
  @FieldResolver(() => AuditEventConnection, { description: 'Every recorded change in the organization, newest first (organization ADMIN).' })
  async auditLog(@Root() organization: Organization, @Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: AppContext) {
    await ctx.access.requireOrganizationAdmin(organization);
    const filter = args.filter ?? {};
    const target = filter.target ? fromGlobalId(filter.target) : null;
    return ctx.services.auditLog.connection(
      organization.id,
      {
        from: filter.from,
        to: filter.to,
        // Users are filtered by their global id or their email, keys by their public key id.
        actorId: filter.actor && !filter.actor.includes('@') ? (localIdOf(filter.actor, 'User') ?? filter.actor) : null,
        actorEmail: filter.actor?.includes('@') ? filter.actor.trim() : null,
        action: filter.action,
        target: filter.target ? (target ? { type: target.typeName, id: target.localId } : { type: '', id: filter.target }) : null,
      },
      args,
    );
  }
}
