import { Field, ID, InputType, Int, ObjectType, type ClassType } from 'type-graphql';
import { Connection, UserError } from '../core/relay';
import { ModelEndpoint } from '../catalog/modelEndpoint.entity';
import { Team } from '../teams/team.entity';
import { ModelAccessRule } from './modelAccessRule.entity';
import {
  InvitePermissionPolicy,
  ModelAccessCheckErrorCode,
  ModelAccessEffect,
  ModelAccessMode,
  ModelAccessReason,
  ModelSurface,
  PersonalAccountAccess,
  PolicyLevel,
  PolicySetting,
  RequestVisibility,
  TeamCreationPolicy,
} from './policy.enums';

/**
 * GraphQL shapes of policies. Each setting gets typed objects (its value is its own enum or a Boolean) built by one
 * factory, so the organization view, the team's effective view and the update input stay consistent.
 */
function settingTypes<T>(name: string, valueType: () => ClassType | object, what: string) {
  @ObjectType(`Organization${name}Setting`, { description: `The organization’s ${what} setting.` })
  class OrganizationSetting {
    @Field(valueType, { description: 'The value the organization applies (the default when it set none).' })
    value!: T;

    @Field(() => Boolean, { description: 'Locked: teams cannot override it; existing team overrides are inert.' })
    locked!: boolean;

    @Field(() => PolicyLevel, { description: 'ORGANIZATION when the organization set it, DEFAULT otherwise.' })
    level!: PolicyLevel;
  }

  @ObjectType(`Effective${name}Setting`, { description: `The ${what} setting as it applies to a team, with provenance.` })
  class EffectiveSetting {
    @Field(valueType, { description: 'The value in effect for the team.' })
    value!: T;

    @Field(() => PolicyLevel, { description: 'Who set the value in effect: the organization, the team, or nobody (default).' })
    level!: PolicyLevel;

    @Field(() => Boolean, { description: 'Whether the organization locked this setting.' })
    locked!: boolean;

    @Field(valueType, { nullable: true, description: 'The team’s own override, if it has one (also while a lock makes it inert).' })
    teamOverride!: T | null;

    @Field(() => Boolean, { description: 'True when the team has an override that a locked organization setting overrides (inert, kept).' })
    overriddenByLock!: boolean;
  }

  @InputType(`${name}SettingInput`, { description: `Change the organization’s ${what} setting.` })
  class SettingInput {
    @Field(valueType, { nullable: true, description: 'The new value; omit to keep the current one.' })
    value?: T | null;

    @Field(() => Boolean, { nullable: true, description: 'Lock or unlock it; omit to keep the current lock. Unlocking brings team overrides back.' })
    locked?: boolean | null;
  }
  return { OrganizationSetting, EffectiveSetting, SettingInput };
}

const TeamCreation = settingTypes<TeamCreationPolicy>('TeamCreation', () => TeamCreationPolicy, 'team creation');
const InvitePermission = settingTypes<InvitePermissionPolicy>('InvitePermission', () => InvitePermissionPolicy, 'invite permission');
const CrossTeamVisibility = settingTypes<boolean>('CrossTeamVisibility', () => Boolean, 'cross-team visibility');
const RequestVisibilitySetting = settingTypes<RequestVisibility>('RequestVisibility', () => RequestVisibility, 'request visibility');
const SsoRequired = settingTypes<boolean>('SsoRequired', () => Boolean, 'SSO required');
const PersonalAccount = settingTypes<PersonalAccountAccess>('PersonalAccountAccess', () => PersonalAccountAccess, 'personal account access');
const ModelAccessModeSetting = settingTypes<ModelAccessMode>('ModelAccessMode', () => ModelAccessMode, 'model access mode');

interface Settings<K extends 'OrganizationSetting' | 'EffectiveSetting'> {
  teamCreation: InstanceType<(typeof TeamCreation)[K]>;
  invitePermission: InstanceType<(typeof InvitePermission)[K]>;
  crossTeamVisibility: InstanceType<(typeof CrossTeamVisibility)[K]>;
  requestVisibility: InstanceType<(typeof RequestVisibilitySetting)[K]>;
  ssoRequired: InstanceType<(typeof SsoRequired)[K]>;
  personalAccountAccess: InstanceType<(typeof PersonalAccount)[K]>;
  modelAccessMode: InstanceType<(typeof ModelAccessModeSetting)[K]>;
}

@ObjectType({ description: 'An organization’s policy: settings with their locks, and organization-level model access rules.' })
export class OrganizationPolicy implements Settings<'OrganizationSetting'> {
  /** Not exposed: lets the rules field resolver find the organization. */
  organizationId!: string;

  @Field(() => TeamCreation.OrganizationSetting, { description: 'Who may create teams.' })
  teamCreation!: Settings<'OrganizationSetting'>['teamCreation'];

  @Field(() => InvitePermission.OrganizationSetting, { description: 'Who may invite people.' })
  invitePermission!: Settings<'OrganizationSetting'>['invitePermission'];

  @Field(() => CrossTeamVisibility.OrganizationSetting, { description: 'Whether team admins and billing users see other teams’ usage.' })
  crossTeamVisibility!: Settings<'OrganizationSetting'>['crossTeamVisibility'];

  @Field(() => RequestVisibilitySetting.OrganizationSetting, { description: 'Which requests members see; teams may override unless locked.' })
  requestVisibility!: Settings<'OrganizationSetting'>['requestVisibility'];

  @Field(() => SsoRequired.OrganizationSetting, { description: 'Whether members must sign in through the organization’s SSO.' })
  ssoRequired!: Settings<'OrganizationSetting'>['ssoRequired'];

  @Field(() => PersonalAccount.OrganizationSetting, { description: 'Whether SSO users may use their personal accounts.' })
  personalAccountAccess!: Settings<'OrganizationSetting'>['personalAccountAccess'];

  @Field(() => ModelAccessModeSetting.OrganizationSetting, { description: 'What model access falls back to when no rule matches.' })
  modelAccessMode!: Settings<'OrganizationSetting'>['modelAccessMode'];
}

@ObjectType({ description: 'Every policy setting as it applies to one team, each with the level that set it and its lock.' })
export class EffectivePolicy implements Settings<'EffectiveSetting'> {
  @Field(() => TeamCreation.EffectiveSetting, { description: 'Who may create teams (organization-wide).' })
  teamCreation!: Settings<'EffectiveSetting'>['teamCreation'];

  @Field(() => InvitePermission.EffectiveSetting, { description: 'Who may invite people (organization-wide).' })
  invitePermission!: Settings<'EffectiveSetting'>['invitePermission'];

  @Field(() => CrossTeamVisibility.EffectiveSetting, { description: 'Cross-team usage visibility (organization-wide).' })
  crossTeamVisibility!: Settings<'EffectiveSetting'>['crossTeamVisibility'];

  @Field(() => RequestVisibilitySetting.EffectiveSetting, { description: 'Which requests members see (team-overridable).' })
  requestVisibility!: Settings<'EffectiveSetting'>['requestVisibility'];

  @Field(() => SsoRequired.EffectiveSetting, { description: 'SSO required (organization-wide).' })
  ssoRequired!: Settings<'EffectiveSetting'>['ssoRequired'];

  @Field(() => PersonalAccount.EffectiveSetting, { description: 'Personal account access for SSO users (organization-wide).' })
  personalAccountAccess!: Settings<'EffectiveSetting'>['personalAccountAccess'];

  @Field(() => ModelAccessModeSetting.EffectiveSetting, { description: 'Model access mode (organization-wide).' })
  modelAccessMode!: Settings<'EffectiveSetting'>['modelAccessMode'];
}

@InputType({ description: 'Organization settings to change; omitted settings stay as they are.' })
export class OrganizationPolicySettingsInput {
  @Field(() => TeamCreation.SettingInput, { nullable: true, description: 'Who may create teams.' })
  teamCreation?: InstanceType<typeof TeamCreation.SettingInput> | null;

  @Field(() => InvitePermission.SettingInput, { nullable: true, description: 'Who may invite people.' })
  invitePermission?: InstanceType<typeof InvitePermission.SettingInput> | null;

  @Field(() => CrossTeamVisibility.SettingInput, { nullable: true, description: 'Cross-team usage visibility.' })
  crossTeamVisibility?: InstanceType<typeof CrossTeamVisibility.SettingInput> | null;

  @Field(() => RequestVisibilitySetting.SettingInput, { nullable: true, description: 'Which requests members see.' })
  requestVisibility?: InstanceType<typeof RequestVisibilitySetting.SettingInput> | null;

  @Field(() => SsoRequired.SettingInput, { nullable: true, description: 'SSO required.' })
  ssoRequired?: InstanceType<typeof SsoRequired.SettingInput> | null;

  @Field(() => PersonalAccount.SettingInput, { nullable: true, description: 'Personal account access for SSO users.' })
  personalAccountAccess?: InstanceType<typeof PersonalAccount.SettingInput> | null;

  @Field(() => ModelAccessModeSetting.SettingInput, { nullable: true, description: 'Model access mode.' })
  modelAccessMode?: InstanceType<typeof ModelAccessModeSetting.SettingInput> | null;
}

@InputType({ description: 'A team’s overrides of team-scoped settings.' })
export class TeamPolicyOverridesInput {
  @Field(() => ID, { description: 'The team’s global id.' })
  teamId!: string;

  @Field(() => RequestVisibility, {
    nullable: true,
    description: 'Override request visibility for this team; `null` removes the override (inherit), omit to leave it unchanged.',
  })
  requestVisibility?: RequestVisibility | null;
}

@InputType({ description: 'A model access rule to add (an existing rule with the same pattern and surface at that level is replaced).' })
export class ModelAccessRuleInput {
  @Field(() => ID, { nullable: true, description: 'The team’s global id for a team rule; omit for an organization rule.' })
  teamId?: string | null;

  @Field(() => ModelSurface, { description: 'The surface the rule applies to.' })
  surface!: ModelSurface;

  @Field(() => String, { description: 'An exact endpoint id or a prefix glob ending in `*` (`fal-ai/flux/*`).' })
  pattern!: string;

  @Field(() => ModelAccessEffect, { description: 'ALLOWED or BLOCKED.' })
  effect!: ModelAccessEffect;

  @Field(() => Boolean, { nullable: true, description: 'Lock an organization rule: it then decides before any team rule (default false).' })
  locked?: boolean | null;
}

@InputType({ description: 'A policy change of one organization; `previewPolicyChange` and `applyPolicyChange` take the same input.' })
export class PolicyChangeInput {
  @Field(() => ID, { description: 'The organization’s global id.' })
  organizationId!: string;

  @Field(() => OrganizationPolicySettingsInput, { nullable: true, description: 'Organization settings to change.' })
  settings?: OrganizationPolicySettingsInput | null;

  @Field(() => [TeamPolicyOverridesInput], { nullable: true, description: 'Team overrides to set or remove.' })
  teamOverrides?: TeamPolicyOverridesInput[] | null;

  @Field(() => [ModelAccessRuleInput], { nullable: true, description: 'Rules to add or replace.' })
  addRules?: ModelAccessRuleInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Global ids of rules to remove.' })
  removeRuleIds?: string[] | null;
}

@InputType({ description: 'Change organization policy settings (value and lock per setting).' })
export class UpdateOrganizationPolicyInput {
  @Field(() => ID, { description: 'The organization’s global id.' })
  organizationId!: string;

  @Field(() => OrganizationPolicySettingsInput, { description: 'The settings to change.' })
  settings!: OrganizationPolicySettingsInput;
}

@InputType({ description: 'Add (or replace) one model access rule of an organization or one of its teams.' })
export class AddModelAccessRuleInput extends ModelAccessRuleInput {
  @Field(() => ID, { description: 'The organization’s global id.' })
  organizationId!: string;
}

@InputType({ description: 'Remove one model access rule.' })
export class RemoveModelAccessRuleInput {
  @Field(() => ID, { description: 'The rule’s global id.' })
  ruleId!: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions and changes

export const ModelAccessRuleConnection = Connection(ModelAccessRule, 'ModelAccessRule', 'A page of model access rules, by surface, most specific first.');
export type ModelAccessRuleConnection = InstanceType<typeof ModelAccessRuleConnection>;

/**
 * Not a Node and without an `id` of its own: it is a view of a rule inside one decision, and carrying the rule's
 * global id as `id` made normalized caches (Relay, Apollo) merge it with the ModelAccessRule object.
 */
@ObjectType({ description: 'The rule behind a model access decision.' })
export class DecidingRule {
  @Field(() => ID, { nullable: true, description: 'Global id of the ModelAccessRule (null for a rule that a preview only plans to add); fetch it with `node(id:)`.' })
  ruleId!: string | null;

  @Field(() => PolicyLevel, { description: 'ORGANIZATION or TEAM.' })
  level!: PolicyLevel;

  @Field(() => ModelSurface, { description: 'The rule’s surface.' })
  surface!: ModelSurface;

  @Field(() => String, { description: 'The rule’s pattern.' })
  pattern!: string;

  @Field(() => ModelAccessEffect, { description: 'The rule’s effect.' })
  effect!: ModelAccessEffect;

  @Field(() => Boolean, { description: 'Whether the rule is a locked organization rule.' })
  locked!: boolean;
}

@ObjectType({ description: 'A model access decision with its provenance: the answer to “why is this model blocked for this team?”.' })
export class ModelAccessDecision {
  @Field(() => ModelAccessEffect, { description: 'ALLOWED or BLOCKED.' })
  decision!: ModelAccessEffect;

  @Field(() => PolicyLevel, { description: 'The level that decided: a team rule or team state (TEAM), an organization rule or mode (ORGANIZATION), or the default mode (DEFAULT).' })
  level!: PolicyLevel;

  @Field(() => ModelAccessReason, { description: 'Which resolution step decided, as a stable code.' })
  reasonCode!: ModelAccessReason;

  @Field(() => String, { description: 'The reason, written for a person.' })
  reason!: string;

  @Field(() => DecidingRule, { nullable: true, description: 'The rule that decided; null when the team’s state or the mode decided.' })
  rule!: DecidingRule | null;

  @Field(() => DecidingRule, { nullable: true, description: 'The team’s own rule that matched but is overridden by a locked organization rule (inert, kept).' })
  overriddenTeamRule!: DecidingRule | null;
}

@ObjectType({ description: 'The resolved access of one catalog model for a team on a surface.' })
export class ModelAccessEntry {
  @Field(() => ModelEndpoint, { description: 'The catalog endpoint.' })
  endpoint!: ModelEndpoint;

  @Field(() => ModelSurface, { description: 'The surface.' })
  surface!: ModelSurface;

  @Field(() => ModelAccessDecision, { description: 'Allowed or blocked, and why.' })
  access!: ModelAccessDecision;
}

@InputType({ description: 'One gateway question: may this team call this endpoint on this surface? Give exactly one of teamUsername or teamId.' })
export class ModelAccessCheckInput {
  @Field(() => String, { nullable: true, description: 'The team’s username (what the gateway usually knows).' })
  teamUsername?: string | null;

  @Field(() => ID, { nullable: true, description: 'The team’s global id.' })
  teamId?: string | null;

  @Field(() => String, { description: 'The catalog endpoint id, e.g. `fal-ai/flux/dev`.' })
  endpointId!: string;

  @Field(() => String, { description: '`API` or `PLAYGROUND`. A string, so one unknown surface fails only its own check.' })
  surface!: string;

  @Field(() => String, { nullable: true, description: 'The public id of the key making the call (before the colon): its budgets and its owner’s apply. At most 100 characters.' })
  keyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person making the call (User id), for Playground calls without a key: their member budgets apply.' })
  userId?: string | null;
}

@ObjectType({ description: 'Why one check could not be answered.' })
export class ModelAccessCheckError {
  @Field(() => ModelAccessCheckErrorCode, { description: 'Stable code.' })
  code!: ModelAccessCheckErrorCode;

  @Field(() => String, { description: 'What went wrong, written for a person.' })
  message!: string;
}

@ObjectType({ description: 'The answer to one check, in the order of the input.' })
export class ModelAccessCheckResult {
  /** Who made the call, for the budgets module's `budgets` field. */
  caller?: { keyId: string | null; userId: string | null };

  @Field(() => Int, { description: 'Position of the check in the input list.' })
  index!: number;

  @Field(() => Team, { nullable: true, description: 'The team checked (null when it was not found).' })
  team!: Team | null;

  @Field(() => String, { description: 'The endpoint id as given.' })
  endpointId!: string;

  @Field(() => String, { description: 'The surface as given.' })
  surface!: string;

  @Field(() => Boolean, { nullable: true, description: 'Shortcut: true when ALLOWED, false when BLOCKED, null on error.' })
  allowed!: boolean | null;

  @Field(() => ModelAccessDecision, { nullable: true, description: 'The decision with its provenance; null on error.' })
  access!: ModelAccessDecision | null;

  @Field(() => ModelAccessCheckError, { nullable: true, description: 'Why this check could not be answered; null on success.' })
  error!: ModelAccessCheckError | null;
}

@ObjectType({ description: 'One setting whose effective value changes for a team.' })
export class PolicySettingChange {
  @Field(() => PolicySetting, { description: 'The setting.' })
  setting!: PolicySetting;

  @Field(() => String, { description: 'Effective value before (an enum value name, or `true`/`false`).' })
  before!: string;

  @Field(() => String, { description: 'Effective value after.' })
  after!: string;

  @Field(() => PolicyLevel, { description: 'Level that set the value before.' })
  beforeLevel!: PolicyLevel;

  @Field(() => PolicyLevel, { description: 'Level that sets the value after.' })
  afterLevel!: PolicyLevel;
}

@ObjectType({ description: 'A catalog model whose access flips for a team on a surface.' })
export class ModelAccessChange {
  @Field(() => ModelSurface, { description: 'The surface.' })
  surface!: ModelSurface;

  @Field(() => String, { description: 'The endpoint id.' })
  endpointId!: string;

  @Field(() => ModelAccessDecision, { description: 'The decision before the change.' })
  before!: ModelAccessDecision;

  @Field(() => ModelAccessDecision, { description: 'The decision after the change.' })
  after!: ModelAccessDecision;
}

@ObjectType({ description: 'Everything a policy change alters for one team.' })
export class TeamPolicyChange {
  @Field(() => Team, { description: 'The team.' })
  team!: Team;

  @Field(() => [PolicySettingChange], { description: 'Settings whose effective value changes.' })
  settings!: PolicySettingChange[];

  @Field(() => [ModelAccessChange], { description: 'Catalog models whose access flips, per surface.' })
  modelAccess!: ModelAccessChange[];
}

@ObjectType({ description: 'What a policy change would do, computed without changing anything.' })
export class PolicyChangePreview {
  @Field(() => [TeamPolicyChange], { description: 'Per affected active team (unaffected teams are omitted), in team creation order.' })
  teams!: TeamPolicyChange[];
}

@ObjectType({ description: 'Result of a policy mutation: the policy after it, and exactly which effective values changed per team.' })
export class PolicyChangePayload {
  @Field(() => OrganizationPolicy, { nullable: true, description: 'The organization’s policy after the change.' })
  policy?: OrganizationPolicy | null;

  @Field(() => [ModelAccessRule], { nullable: true, description: 'Rules added or replaced by the change.' })
  rules?: ModelAccessRule[] | null;

  @Field(() => [TeamPolicyChange], { nullable: true, description: 'Effective values that changed, per team (what `previewPolicyChange` predicted).' })
  changes?: TeamPolicyChange[] | null;

  @Field(() => [UserError], { description: 'Why the change was refused, if it was.' })
  userErrors!: UserError[];
}
