import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app/context';
import { mutationPayload } from '../core/mutation';
import { localIdOf } from '../core/relay';
import { UserInputFailure } from '../core/errors';
import { ApiKey } from '../apiKeys/apiKey.entity';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';
import { teamByGlobalId } from '../teams/teams.lookup';
import { User } from '../users/user.entity';
import { findings, readiness, suggestedStructure } from './rules';
import type { TeamGovernanceValues } from './governance.service';
import {
  Finding,
  LabelApiKeyEnvironmentInput,
  LabelApiKeyEnvironmentPayload,
  StructureSuggestion,
  TeamEnvironment,
  TeamGovernance,
  TeamGovernancePayload,
  TeamReadiness,
  UpdateTeamGovernanceInput,
} from './governance.types';

const snapshotOf = (ctx: AppContext, organizationId: string) => ctx.loaders.governanceSnapshot.load(organizationId);

async function toGraphql(ctx: AppContext, values: TeamGovernanceValues | null): Promise<TeamGovernance> {
  return {
    environment: (values?.environment as TeamEnvironment | null) ?? null,
    workload: values?.workload ?? null,
    workloadCategory: (values?.workloadCategory as TeamGovernance['workloadCategory']) ?? null,
    owner: values?.ownerId ? await ctx.loaders.userById.load(values.ownerId) : null,
    escalationContact: values?.escalationContact ?? null,
    expectedMonthlySpend: values?.expectedMonthlySpend ?? null,
  };
}

@Resolver(() => Team)
export class TeamGovernanceResolver {
  @FieldResolver(() => TeamGovernance, { description: 'Governance metadata: environment, workload, owner, escalation contact, expected spend.' })
  async governance(@Root() team: Team, @Ctx() ctx: AppContext): Promise<TeamGovernance> {
    return toGraphql(ctx, await ctx.loaders.governanceByTeam.load(team.id));
  }

  @Mutation(() => TeamGovernancePayload, { description: 'Change a team’s governance metadata (team ADMIN or organization ADMIN). Audited.' })
  async updateTeamGovernance(@Arg('input', () => UpdateTeamGovernanceInput) input: UpdateTeamGovernanceInput, @Ctx() ctx: AppContext): Promise<TeamGovernancePayload> {
    const team = await ctx.access.requireTeamAdmin(await teamByGlobalId(ctx, input.teamId));
    return mutationPayload(async () => {
      if (team.kind !== 'TEAM') throw new UserInputFailure('NOT_A_TEAM', 'Governance metadata applies to teams, not root teams or personal accounts.', ['input', 'teamId']);
      let ownerId: string | null | undefined = input.ownerId === null ? null : undefined;
      if (input.ownerId) {
        ownerId = localIdOf(input.ownerId, 'User');
        if (!ownerId) throw new UserInputFailure('NOT_A_MEMBER', 'The owner must be a member of the organization.', ['input', 'ownerId']);
      }
      const values = await ctx.services.governance.update(ctx.caller, team, {
        environment: input.environment,
        workload: input.workload,
        workloadCategory: input.workloadCategory,
        ownerId,
        escalationContact: input.escalationContact,
        expectedMonthlySpend: input.expectedMonthlySpend,
      });
      return { team, governance: await toGraphql(ctx, values) };
    });
  }
}

@Resolver(() => ApiKey)
export class ApiKeyEnvironmentResolver {
  @FieldResolver(() => TeamEnvironment, { nullable: true, description: 'The environment this key serves, if labelled.' })
  environment(@Root() apiKey: ApiKey, @Ctx() ctx: AppContext): Promise<TeamEnvironment | null> {
    return ctx.loaders.environmentByApiKey.load(apiKey.id);
  }

  @Mutation(() => LabelApiKeyEnvironmentPayload, { description: 'Label a key with the environment it serves (team ADMIN). Audited.' })
  async labelApiKeyEnvironment(@Arg('input', () => LabelApiKeyEnvironmentInput) input: LabelApiKeyEnvironmentInput, @Ctx() ctx: AppContext): Promise<LabelApiKeyEnvironmentPayload> {
    const localId = localIdOf(input.apiKeyId, 'ApiKey');
    const { apiKey } = await ctx.access.requireApiKeyAdmin(localId ? await ctx.loaders.apiKeyById.load(localId) : null);
    return mutationPayload(async () => ({
      apiKey,
      environment: (await ctx.services.governance.labelKey(ctx.caller, apiKey, input.environment ?? null)) as TeamEnvironment | null,
    }));
  }
}

@Resolver(() => Organization)
export class OrganizationGovernanceResolver {
  @FieldResolver(() => [TeamReadiness], { description: 'Per team, the launch checklist and what is missing (organization ADMIN and BILLING).' })
  async readiness(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<TeamReadiness[]> {
    await ctx.access.requireOrganizationOversight(organization);
    return readiness(await snapshotOf(ctx, organization.id)) as TeamReadiness[];
  }

  @FieldResolver(() => [Finding], { description: 'Known anti-patterns detected in the organization, with the objects involved and the fix.' })
  async findings(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<Finding[]> {
    await ctx.access.requireOrganizationOversight(organization);
    return findings(await snapshotOf(ctx, organization.id), ctx.services.governance.thresholds) as Finding[];
  }

  @FieldResolver(() => StructureSuggestion, { description: 'Which suggested structure the organization resembles, from its teams’ metadata, and what differs.' })
  async suggestedStructure(@Root() organization: Organization, @Ctx() ctx: AppContext): Promise<StructureSuggestion> {
    await ctx.access.requireOrganizationOversight(organization);
    return suggestedStructure(await snapshotOf(ctx, organization.id)) as StructureSuggestion;
  }
}

@Resolver(() => TeamReadiness)
export class TeamReadinessResolver {
  @FieldResolver(() => Team, { description: 'The team.' })
  async team(@Root() item: TeamReadiness, @Ctx() ctx: AppContext): Promise<Team> {
    return (await ctx.loaders.teamById.load(item.teamId))!;
  }
}

@Resolver(() => Finding)
export class FindingResolver {
  @FieldResolver(() => [Team], { description: 'Teams involved.' })
  async teams(@Root() finding: Finding, @Ctx() ctx: AppContext): Promise<Team[]> {
    return (await ctx.loaders.teamById.loadMany(finding.teamIds)).filter((t): t is Team => t instanceof Team);
  }

  @FieldResolver(() => [ApiKey], { description: 'API keys involved.' })
  async apiKeys(@Root() finding: Finding, @Ctx() ctx: AppContext): Promise<ApiKey[]> {
    return (await ctx.loaders.apiKeyById.loadMany(finding.apiKeyIds)).filter((k): k is ApiKey => k instanceof ApiKey);
  }

  @FieldResolver(() => [User], { description: 'People involved (e.g. the organization admins).' })
  async users(@Root() finding: Finding, @Ctx() ctx: AppContext): Promise<User[]> {
    return (await ctx.loaders.userById.loadMany(finding.userIds)).filter((u): u is User => u instanceof User);
  }
}
