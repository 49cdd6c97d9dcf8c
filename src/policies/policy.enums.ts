import { registerEnumType } from 'type-graphql';

/** GraphQL enums of the policy module. Their values are the strings the pure resolution module works with. */

export enum PolicyLevel {
  ORGANIZATION = 'ORGANIZATION',
  TEAM = 'TEAM',
  DEFAULT = 'DEFAULT',
}
registerEnumType(PolicyLevel, {
  name: 'PolicyLevel',
  description: 'Where an effective policy value or decision comes from.',
  valuesConfig: {
    ORGANIZATION: { description: 'Set by the organization.' },
    TEAM: { description: 'Set by the team (its override or its own rule).' },
    DEFAULT: { description: 'Nobody set it: the platform default applies.' },
  },
});

export enum ModelSurface {
  API = 'API',
  PLAYGROUND = 'PLAYGROUND',
}
registerEnumType(ModelSurface, {
  name: 'ModelSurface',
  description: 'Where a model is called from; model access rules are set per surface.',
  valuesConfig: {
    API: { description: 'Programmatic calls with an API key.' },
    PLAYGROUND: { description: 'Calls from the web Playground with a signed-in session.' },
  },
});

export enum ModelAccessEffect {
  ALLOWED = 'ALLOWED',
  BLOCKED = 'BLOCKED',
}
registerEnumType(ModelAccessEffect, {
  name: 'ModelAccessEffect',
  description: 'Whether a model may be called.',
  valuesConfig: { ALLOWED: { description: 'The model may be called.' }, BLOCKED: { description: 'The model may not be called.' } },
});

export enum TeamCreationPolicy {
  ORG_ADMINS = 'ORG_ADMINS',
  TEAM_ADMINS = 'TEAM_ADMINS',
  ANY_MEMBER = 'ANY_MEMBER',
}
registerEnumType(TeamCreationPolicy, {
  name: 'TeamCreationPolicy',
  description: 'Who may create teams in the organization.',
  valuesConfig: {
    ORG_ADMINS: { description: 'Only organization admins (default).' },
    TEAM_ADMINS: { description: 'Organization admins and anyone who is ADMIN of one of its teams.' },
    ANY_MEMBER: { description: 'Any member of the organization or of one of its teams.' },
  },
});

export enum InvitePermissionPolicy {
  ORG_ADMINS = 'ORG_ADMINS',
  TEAM_ADMINS = 'TEAM_ADMINS',
}
registerEnumType(InvitePermissionPolicy, {
  name: 'InvitePermissionPolicy',
  description: 'Who may invite people.',
  valuesConfig: {
    ORG_ADMINS: { description: 'Only organization admins.' },
    TEAM_ADMINS: { description: 'Organization admins, and team admins into their own teams (default).' },
  },
});

export enum RequestVisibility {
  ALL = 'ALL',
  OWN = 'OWN',
}
registerEnumType(RequestVisibility, {
  name: 'RequestVisibility',
  description: 'Which request records non-admin members of a team see.',
  valuesConfig: {
    ALL: { description: 'Every request of the team (default).' },
    OWN: { description: 'Only their own requests (the restricted request view).' },
  },
});

export enum PersonalAccountAccess {
  ALLOWED = 'ALLOWED',
  BLOCKED = 'BLOCKED',
}
registerEnumType(PersonalAccountAccess, {
  name: 'PersonalAccountAccess',
  description:
    'Whether people who have signed in through the organization’s SSO may use their personal accounts (with their own login: an SSO session never reaches a personal account).',
  valuesConfig: {
    ALLOWED: { description: 'They may, with their own login (default).' },
    BLOCKED: { description: 'They may not, in any session (`PERSONAL_ACCOUNT_BLOCKED`).' },
  },
});

export enum ModelAccessMode {
  ENTERPRISE_READY = 'ENTERPRISE_READY',
  EXPLICIT_APPROVAL = 'EXPLICIT_APPROVAL',
}
registerEnumType(ModelAccessMode, {
  name: 'ModelAccessMode',
  description: 'What model access falls back to when no rule matches.',
  valuesConfig: {
    ENTERPRISE_READY: { description: 'Catalog models flagged enterprise-ready are allowed, others blocked (default).' },
    EXPLICIT_APPROVAL: { description: 'Everything is blocked unless a rule allows it.' },
  },
});

/** GraphQL names of the settings; the values are the keys of the resolution module's SETTING_DEFINITIONS. */
export enum PolicySetting {
  TEAM_CREATION = 'teamCreation',
  INVITE_PERMISSION = 'invitePermission',
  CROSS_TEAM_VISIBILITY = 'crossTeamVisibility',
  REQUEST_VISIBILITY = 'requestVisibility',
  SSO_REQUIRED = 'ssoRequired',
  PERSONAL_ACCOUNT_ACCESS = 'personalAccountAccess',
  MODEL_ACCESS_MODE = 'modelAccessMode',
}
registerEnumType(PolicySetting, {
  name: 'PolicySetting',
  description: 'A policy setting.',
  valuesConfig: {
    TEAM_CREATION: { description: 'Who may create teams (organization-wide).' },
    INVITE_PERMISSION: { description: 'Who may invite people (organization-wide).' },
    CROSS_TEAM_VISIBILITY: { description: 'Whether team admins and billing users see other teams’ usage (organization-wide).' },
    REQUEST_VISIBILITY: { description: 'Which requests members see (teams may override unless locked).' },
    SSO_REQUIRED: { description: 'Whether members must sign in through the organization’s SSO (organization-wide).' },
    PERSONAL_ACCOUNT_ACCESS: { description: 'Whether SSO users may use personal accounts (organization-wide).' },
    MODEL_ACCESS_MODE: { description: 'What model access falls back to when no rule matches (organization-wide).' },
  },
});

export enum ModelAccessReason {
  TEAM_ARCHIVED = 'TEAM_ARCHIVED',
  SPEND_LIMIT_REACHED = 'SPEND_LIMIT_REACHED',
  BUDGET_EXHAUSTED = 'BUDGET_EXHAUSTED',
  LOCKED_ORGANIZATION_RULE = 'LOCKED_ORGANIZATION_RULE',
  TEAM_RULE = 'TEAM_RULE',
  ORGANIZATION_RULE = 'ORGANIZATION_RULE',
  MODE_ENTERPRISE_READY = 'MODE_ENTERPRISE_READY',
  MODE_NOT_ENTERPRISE_READY = 'MODE_NOT_ENTERPRISE_READY',
  MODE_EXPLICIT_APPROVAL = 'MODE_EXPLICIT_APPROVAL',
}
registerEnumType(ModelAccessReason, {
  name: 'ModelAccessReason',
  description: 'Which step of model access resolution decided, as a stable code.',
  valuesConfig: {
    TEAM_ARCHIVED: { description: 'Step 1: the team is archived.' },
    SPEND_LIMIT_REACHED: { description: 'Step 1: the team reached its hard spend limit.' },
    BUDGET_EXHAUSTED: { description: 'Step 1: a hard budget of the organization, team, member or key is used up (the reason names it).' },
    LOCKED_ORGANIZATION_RULE: { description: 'Step 2: a locked organization rule matched.' },
    TEAM_RULE: { description: 'Step 3: the team’s own rule matched.' },
    ORGANIZATION_RULE: { description: 'Step 4: an organization rule matched.' },
    MODE_ENTERPRISE_READY: { description: 'Step 5: no rule matched; the model is enterprise-ready and the mode allows it.' },
    MODE_NOT_ENTERPRISE_READY: { description: 'Step 5: no rule matched; the model is not enterprise-ready.' },
    MODE_EXPLICIT_APPROVAL: { description: 'Step 5: no rule matched and the mode requires explicit approval.' },
  },
});

export enum ModelAccessCheckErrorCode {
  TEAM_NOT_FOUND = 'TEAM_NOT_FOUND',
  UNKNOWN_ENDPOINT = 'UNKNOWN_ENDPOINT',
  UNKNOWN_SURFACE = 'UNKNOWN_SURFACE',
  UNKNOWN_API_KEY = 'UNKNOWN_API_KEY',
}
registerEnumType(ModelAccessCheckErrorCode, {
  name: 'ModelAccessCheckErrorCode',
  description: 'Why one check of a `checkModelAccess` batch could not be answered (the other checks are unaffected).',
  valuesConfig: {
    TEAM_NOT_FOUND: { description: 'No such team, or the caller may not check it (indistinguishable on purpose).' },
    UNKNOWN_ENDPOINT: { description: 'The endpoint id is not in the model catalog.' },
    UNKNOWN_SURFACE: { description: 'The surface is not one of API, PLAYGROUND.' },
    UNKNOWN_API_KEY: { description: 'The key id names no live key of the team.' },
  },
});
