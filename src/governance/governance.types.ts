import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../core/relay';
import { DecimalScalar } from '../core/scalars';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';
import { ApiKey } from '../apiKeys/apiKey.entity';

export enum TeamEnvironment {
  DEVELOPMENT = 'DEVELOPMENT',
  STAGING = 'STAGING',
  PRODUCTION = 'PRODUCTION',
}
registerEnumType(TeamEnvironment, {
  name: 'TeamEnvironment',
  description: 'Which environment a team (or a key) serves.',
  valuesConfig: {
    DEVELOPMENT: { description: 'Development: experiments and local work; nothing depends on it.' },
    STAGING: { description: 'Staging: pre-production testing.' },
    PRODUCTION: { description: 'Production: serves real users; needs an owner and an escalation contact.' },
  },
});

export enum WorkloadCategory {
  IMAGE_GENERATION = 'IMAGE_GENERATION',
  VIDEO_GENERATION = 'VIDEO_GENERATION',
  AUDIO = 'AUDIO',
  LANGUAGE = 'LANGUAGE',
  CUSTOM_APPS = 'CUSTOM_APPS',
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}
registerEnumType(WorkloadCategory, {
  name: 'WorkloadCategory',
  description: 'The kind of primary workload a team runs.',
  valuesConfig: {
    IMAGE_GENERATION: { description: 'Image generation and editing models.' },
    VIDEO_GENERATION: { description: 'Video generation models.' },
    AUDIO: { description: 'Speech, music and other audio models.' },
    LANGUAGE: { description: 'Language models (chat, completion, embeddings).' },
    CUSTOM_APPS: { description: 'The team’s own deployed apps (serverless).' },
    TRAINING: { description: 'Fine-tuning and training jobs.' },
    OTHER: { description: 'Anything else.' },
  },
});

export enum ReadinessItemKind {
  OWNER = 'OWNER',
  ESCALATION_CONTACT = 'ESCALATION_CONTACT',
  ENVIRONMENT = 'ENVIRONMENT',
  WORKLOAD = 'WORKLOAD',
  EXPECTED_SPEND = 'EXPECTED_SPEND',
  KEY_OWNERS = 'KEY_OWNERS',
}
registerEnumType(ReadinessItemKind, {
  name: 'ReadinessItemKind',
  description: 'One item of a team’s launch checklist.',
  valuesConfig: {
    OWNER: { description: 'The team has an owner.' },
    ESCALATION_CONTACT: { description: 'The team has an escalation contact (who to call when it breaks).' },
    ENVIRONMENT: { description: 'The team’s environment is set.' },
    WORKLOAD: { description: 'The team’s primary workload is set.' },
    EXPECTED_SPEND: { description: 'The team’s expected monthly spend is set.' },
    KEY_OWNERS: { description: 'Every active API key of the team has an owner.' },
  },
});

export enum FindingKind {
  PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION = 'PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION',
  TOO_MANY_ORGANIZATION_ADMINS = 'TOO_MANY_ORGANIZATION_ADMINS',
  KEYS_WITHOUT_OWNER = 'KEYS_WITHOUT_OWNER',
  KEYS_UNUSED_90_DAYS = 'KEYS_UNUSED_90_DAYS',
  KEYS_NEVER_ROTATED = 'KEYS_NEVER_ROTATED',
  MIXED_ENVIRONMENTS_IN_ONE_TEAM = 'MIXED_ENVIRONMENTS_IN_ONE_TEAM',
  SPEND_ABOVE_EXPECTED = 'SPEND_ABOVE_EXPECTED',
  TEAMS_WITHOUT_OWNER = 'TEAMS_WITHOUT_OWNER',
  KEYS_OF_FORMER_MEMBERS = 'KEYS_OF_FORMER_MEMBERS',
}
registerEnumType(FindingKind, {
  name: 'FindingKind',
  description: 'A known anti-pattern of organizations on the platform.',
  valuesConfig: {
    PRODUCTION_TEAM_WITHOUT_OWNER_OR_ESCALATION: { description: 'A PRODUCTION team has no owner or no escalation contact.' },
    TOO_MANY_ORGANIZATION_ADMINS: { description: 'A larger share of members are organization admins than `GOVERNANCE_MAX_ADMIN_SHARE` allows.' },
    KEYS_WITHOUT_OWNER: { description: 'Active API keys that nobody owns.' },
    KEYS_UNUSED_90_DAYS: { description: 'Active API keys not used in the last 90 days.' },
    KEYS_NEVER_ROTATED: { description: 'API keys older than `GOVERNANCE_KEY_ROTATION_DAYS` that were never rotated.' },
    MIXED_ENVIRONMENTS_IN_ONE_TEAM: { description: 'One team’s keys are labelled with different environments (split the team).' },
    SPEND_ABOVE_EXPECTED: { description: 'The month’s projected spend is above the team’s expected spend by more than `GOVERNANCE_SPEND_PACE_FACTOR`.' },
    TEAMS_WITHOUT_OWNER: { description: 'Teams with no owner.' },
    KEYS_OF_FORMER_MEMBERS: { description: 'Active API keys whose owner left the key’s team, or whose creator left and never handed them over.' },
  },
});

export enum FindingSeverity {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
registerEnumType(FindingSeverity, {
  name: 'FindingSeverity',
  description: 'How urgently a finding should be fixed.',
  valuesConfig: {
    HIGH: { description: 'Fix now: a risk to production or to security.' },
    MEDIUM: { description: 'Fix soon.' },
    LOW: { description: 'Hygiene: fix when convenient.' },
  },
});

export enum StructureKind {
  ONE_PRODUCT_WITH_ENVIRONMENTS = 'ONE_PRODUCT_WITH_ENVIRONMENTS',
  MULTIPLE_PRODUCT_TEAMS = 'MULTIPLE_PRODUCT_TEAMS',
  AGENCY_PER_CLIENT = 'AGENCY_PER_CLIENT',
  SECURITY_SENSITIVE_SPLIT = 'SECURITY_SENSITIVE_SPLIT',
  UNDETERMINED = 'UNDETERMINED',
}
registerEnumType(StructureKind, {
  name: 'StructureKind',
  description: 'The suggested organization structures (one product with dev/staging/prod, product teams, agency per client, security-sensitive split).',
  valuesConfig: {
    ONE_PRODUCT_WITH_ENVIRONMENTS: { description: 'One product with a team per environment (development, staging, production).' },
    MULTIPLE_PRODUCT_TEAMS: { description: 'Several product teams, each with its own keys and budget.' },
    AGENCY_PER_CLIENT: { description: 'An agency with one team per client, billed separately.' },
    SECURITY_SENSITIVE_SPLIT: { description: 'Security-sensitive work split into its own teams with restricted access.' },
    UNDETERMINED: { description: 'Not enough information to suggest a structure yet.' },
  },
});

@ObjectType({ description: 'A team’s governance metadata: who owns it, who to call, what it runs and what it should cost.' })
export class TeamGovernance {
  @Field(() => TeamEnvironment, { nullable: true, description: 'The environment the team serves.' })
  environment!: TeamEnvironment | null;

  @Field(() => String, { nullable: true, description: 'Primary workload, in words.' })
  workload!: string | null;

  @Field(() => WorkloadCategory, { nullable: true, description: 'Primary workload category.' })
  workloadCategory!: WorkloadCategory | null;

  @Field(() => User, { nullable: true, description: 'The accountable owner (an organization member).' })
  owner!: User | null;

  @Field(() => String, { nullable: true, description: 'Escalation contact: an email or on-call handle.' })
  escalationContact!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Expected monthly spend (USD).' })
  expectedMonthlySpend!: string | null;
}

@InputType({ description: 'Change a team’s governance metadata. Omitted fields stay; null clears a field.' })
export class UpdateTeamGovernanceInput {
  @Field(() => ID, { description: 'The team’s global id.' })
  teamId!: string;

  @Field(() => TeamEnvironment, { nullable: true, description: 'Environment.' })
  environment?: TeamEnvironment | null;

  @Field(() => String, { nullable: true, description: 'Primary workload in words (≤ 500 characters).' })
  workload?: string | null;

  @Field(() => WorkloadCategory, { nullable: true, description: 'Workload category.' })
  workloadCategory?: WorkloadCategory | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the owner (a member of the organization).' })
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Email or on-call handle (`@team-oncall`, `#channel`, `pagerduty:PXYZ`).' })
  escalationContact?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Expected monthly spend, a non-negative decimal.' })
  expectedMonthlySpend?: string | null;
}

@ObjectType({ description: 'Result of updateTeamGovernance.' })
export class TeamGovernancePayload {
  @Field(() => Team, { nullable: true, description: 'The team.' })
  team?: Team | null;

  @Field(() => TeamGovernance, { nullable: true, description: 'Its governance metadata after the change.' })
  governance?: TeamGovernance | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Label an API key with the environment it serves (null removes the label).' })
export class LabelApiKeyEnvironmentInput {
  @Field(() => ID, { description: 'The key’s global id.' })
  apiKeyId!: string;

  @Field(() => TeamEnvironment, { nullable: true, description: 'The environment.' })
  environment?: TeamEnvironment | null;
}

@ObjectType({ description: 'Result of labelApiKeyEnvironment.' })
export class LabelApiKeyEnvironmentPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key.' })
  apiKey?: ApiKey | null;

  @Field(() => TeamEnvironment, { nullable: true, description: 'Its environment label after the change.' })
  environment?: TeamEnvironment | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'One item of a team’s launch checklist.' })
export class ReadinessItem {
  @Field(() => ReadinessItemKind, { description: 'What is checked.' })
  item!: ReadinessItemKind;

  @Field(() => Boolean, { description: 'Whether it is in place.' })
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'What to do when it is not.' })
  missing!: string | null;
}

@ObjectType({ description: 'A team’s launch readiness.' })
export class TeamReadiness {
  teamId!: string;

  @Field(() => Boolean, { description: 'True when every item is in place.' })
  ready!: boolean;

  @Field(() => [ReadinessItem], { description: 'The checklist.' })
  items!: ReadinessItem[];
}

@ObjectType({ description: 'A detected anti-pattern with the objects involved and how to fix it.' })
export class Finding {
  @Field(() => FindingKind, { description: 'Which anti-pattern.' })
  kind!: FindingKind;

  @Field(() => FindingSeverity, { description: 'How urgent.' })
  severity!: FindingSeverity;

  @Field(() => String, { description: 'What was found.' })
  message!: string;

  @Field(() => String, { description: 'How to fix it.' })
  fix!: string;

  teamIds!: string[];
  apiKeyIds!: string[];
  userIds!: string[];
}

@ObjectType({ description: 'Which suggested structure the organization resembles, and what differs from it.' })
export class StructureSuggestion {
  @Field(() => StructureKind, { description: 'The structure it resembles most.' })
  structure!: StructureKind;

  @Field(() => String, { description: 'Why.' })
  explanation!: string;

  @Field(() => [String], { description: 'What differs from the structure (what to fix or fill in).' })
  differences!: string[];
}
