/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation ApiKeysCreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) { key apiKey { id keyId alias scope expiresAt revokedAt owner { email } createdBy { email } team { username } } userErrors { field code } }\n}": typeof types.ApiKeysCreateApiKeyDocument,
    "mutation ApiKeysRevokeApiKey($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { revokedAt } userErrors { code } } }": typeof types.ApiKeysRevokeApiKeyDocument,
    "query ApiKeysTeam($u: String!, $all: Boolean) { team(username: $u) { apiKeys(includeRevoked: $all) { totalCount edges { node { id alias lastUsedAt revokedAt } } } } }": typeof types.ApiKeysTeamDocument,
    "query ApiKeysTypename { __typename }": typeof types.ApiKeysTypenameDocument,
    "query ApiKeysTeam2($u: String!) { team(username: $u) { username } }": typeof types.ApiKeysTeam2Document,
    "query ApiKeysType { __type(name: \"ApiKey\") { fields { name } } }": typeof types.ApiKeysTypeDocument,
    "query ApiKeysViewer { viewer { user { id } } }": typeof types.ApiKeysViewerDocument,
    "query ApiKeysViewer2 { viewer { user { id } } }": typeof types.ApiKeysViewer2Document,
    "query ApiKeysNode($id: ID!) { node(id: $id) { id } }": typeof types.ApiKeysNodeDocument,
    "query ApiKeysOrganization($s: String!) { organization(slug: $s) { members { totalCount } } }": typeof types.ApiKeysOrganizationDocument,
    "mutation InvitesCreateInvites($input: CreateInvitesInput!) {\n  createInvites(input: $input) { results { email invite { id email status } userErrors { field code } } userErrors { code } }\n}": typeof types.InvitesCreateInvitesDocument,
    "mutation InvitesRevokeInvite($input: InviteIdInput!) { revokeInvite(input: $input) { invite { status } userErrors { field code } } }": typeof types.InvitesRevokeInviteDocument,
    "mutation InvitesResendInvite($input: InviteIdInput!) { resendInvite(input: $input) { invite { status expiresAt } userErrors { field code } } }": typeof types.InvitesResendInviteDocument,
    "query InvitesType { __type(name: \"Invite\") { fields { name } } }": typeof types.InvitesTypeDocument,
    "query InvitesOrganization($s: String!) { organization(slug: $s) { viewerRole teams { edges { node { viewerRole } } } } }": typeof types.InvitesOrganizationDocument,
    "query InvitesNode($id: ID!) { node(id: $id) { ... on Invite { status } } }": typeof types.InvitesNodeDocument,
    "query InvitesOrganization2($s: String!) { organization(slug: $s) { members { edges { node { email invite { id email status expiresAt } } } } auditLog(first: 100) { edges { node { changes { field before after } } } } } }": typeof types.InvitesOrganization2Document,
    "query InvitesOrganization3($s: String!) { organization(slug: $s) { viewerRole teams { edges { node { username viewerRole } } } } }": typeof types.InvitesOrganization3Document,
    "mutation InvitesUpdateOrganizationPolicy($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code } } }": typeof types.InvitesUpdateOrganizationPolicyDocument,
    "query MembersOrganization($slug: String!, $filter: MemberFilterInput, $first: Int, $after: String) {\n  organization(slug: $slug) {\n    members(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id email role status user { email } invite { email } teams { team { username } role } } }\n    }\n  }\n}": typeof types.MembersOrganizationDocument,
    "mutation MembersUpdateMemberRole($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { member { id role } userErrors { field code } } }": typeof types.MembersUpdateMemberRoleDocument,
    "mutation MembersRemoveMember($input: RemoveMemberInput!) { removeMember(input: $input) { removedMemberId userErrors { field code } } }": typeof types.MembersRemoveMemberDocument,
    "mutation MembersLeaveOrganization($input: LeaveOrganizationInput!) { leaveOrganization(input: $input) { organization { slug } userErrors { field code } } }": typeof types.MembersLeaveOrganizationDocument,
    "mutation MembersAssignTeamMember($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { team { username } user { email } role userErrors { field code } } }": typeof types.MembersAssignTeamMemberDocument,
    "mutation MembersUnassignTeamMember($input: UnassignTeamMemberInput!) { unassignTeamMember(input: $input) { role userErrors { field code } } }": typeof types.MembersUnassignTeamMemberDocument,
    "mutation MembersCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { userErrors { code } } }": typeof types.MembersCreateInviteDocument,
    "query MembersViewer { viewer { organizations { slug } teams { username } } }": typeof types.MembersViewerDocument,
    "mutation MembersCreateInvite2($input: CreateInviteInput!) { createInvite(input: $input) { userErrors { code } } }": typeof types.MembersCreateInvite2Document,
    "mutation MembersAcceptInvite($input: AcceptInviteInput!) { acceptInvite(input: $input) { userErrors { code } } }": typeof types.MembersAcceptInviteDocument,
    "query MembersViewer2 { viewer { organizations { slug viewerRole } teams { username viewerRole } personalAccount { username } } }": typeof types.MembersViewer2Document,
    "query MembersViewer3 { viewer { user { id } } }": typeof types.MembersViewer3Document,
    "query MembersTeam($u: String!) { team(username: $u) { viewerRole } }": typeof types.MembersTeamDocument,
    "query MembersTeam2($u: String!) { team(username: $u) { id } }": typeof types.MembersTeam2Document,
    "query MembersViewer4 { viewer { user { id } } }": typeof types.MembersViewer4Document,
    "query MembersOrganization2($s: String!) { organization(slug: $s) { id } }": typeof types.MembersOrganization2Document,
    "query MembersViewer5 { viewer { user { id } } }": typeof types.MembersViewer5Document,
    "query OrganizationsOrganizationTeams($slug: String!, $first: Int, $after: String, $includeArchived: Boolean) {\n  organization(slug: $slug) {\n    id slug name viewerRole rootTeam { username kind }\n    teams(first: $first, after: $after, includeArchived: $includeArchived) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { cursor node { id username name archivedAt } }\n    }\n  }\n}": typeof types.OrganizationsOrganizationTeamsDocument,
    "query OrganizationsViewer { viewer { organizations { slug } } }": typeof types.OrganizationsViewerDocument,
    "mutation OrganizationsCreate($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field code } } }": typeof types.OrganizationsCreateDocument,
    "mutation OrganizationsCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { field code } } }": typeof types.OrganizationsCreateTeamDocument,
    "mutation OrganizationsRenameTeam($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } userErrors { code } } }": typeof types.OrganizationsRenameTeamDocument,
    "mutation OrganizationsRename($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } userErrors { code } } }": typeof types.OrganizationsRenameDocument,
    "mutation OrganizationsArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { archivedAt } userErrors { code } } }": typeof types.OrganizationsArchiveTeamDocument,
    "query OrganizationsTeamArchivedAt($username: String!) { team(username: $username) { archivedAt } }": typeof types.OrganizationsTeamArchivedAtDocument,
    "mutation OrganizationsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } userErrors { code field } } }": typeof types.OrganizationsCreateApiKeyDocument,
    "mutation OrganizationsSetTeamSecret($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { secret { id } userErrors { code field } } }": typeof types.OrganizationsSetTeamSecretDocument,
    "mutation OrganizationsCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { invite { id } userErrors { code field } } }": typeof types.OrganizationsCreateInviteDocument,
    "mutation OrganizationsArchiveRootTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { id } userErrors { code } } }": typeof types.OrganizationsArchiveRootTeamDocument,
    "mutation OrganizationsRenameTeamId($input: RenameTeamInput!) { renameTeam(input: $input) { team { id } } }": typeof types.OrganizationsRenameTeamIdDocument,
    "query OrganizationsNode($id: ID!) { node(id: $id) { id } }": typeof types.OrganizationsNodeDocument,
    "query OrganizationsNodes($a: ID!, $b: ID!) { a: node(id: $a) { __typename id ... on Team { username } } b: node(id: $b) { __typename ... on Organization { slug } } c: node(id: \"bm9wZQ\") { id } }": typeof types.OrganizationsNodesDocument,
    "fragment PoliciesDecision on ModelAccessDecision { decision level reasonCode reason rule { ruleId pattern effect locked level } overriddenTeamRule { pattern effect } }": typeof types.PoliciesDecisionFragmentDoc,
    "mutation PoliciesApplyPolicyChange($input: PolicyChangeInput!) {\n  applyPolicyChange(input: $input) {\n    userErrors { code message field }\n    rules { id pattern }\n    changes { team { username } settings { setting before after beforeLevel afterLevel } modelAccess { surface endpointId before { decision } after { decision } } }\n  }\n}": typeof types.PoliciesApplyPolicyChangeDocument,
    "query PoliciesPreviewPolicyChange($input: PolicyChangeInput!) {\n  previewPolicyChange(input: $input) {\n    teams { team { username } settings { setting before after beforeLevel afterLevel } modelAccess { surface endpointId before { decision } after { decision } } }\n  }\n}": typeof types.PoliciesPreviewPolicyChangeDocument,
    "query PoliciesTeam($username: String!) { team(username: $username) { effectivePolicy {\n  requestVisibility { value level locked teamOverride overriddenByLock }\n  teamCreation { value level locked }\n  modelAccessMode { value level }\n} } }": typeof types.PoliciesTeamDocument,
    "query PoliciesCheckModelAccess($checks: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $checks) {\n  index allowed team { username } endpointId surface error { code message } access { ...PoliciesDecision }\n} }": typeof types.PoliciesCheckModelAccessDocument,
    "query PoliciesOrganization($slug: String!) { organization(slug: $slug) { policy {\n        teamCreation { value locked level } invitePermission { value level } crossTeamVisibility { value level }\n        requestVisibility { value level } ssoRequired { value level } personalAccountAccess { value level } modelAccessMode { value level }\n      } } }": typeof types.PoliciesOrganizationDocument,
    "mutation PoliciesUpdateOrganizationPolicy($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) {\n        userErrors { code } policy { crossTeamVisibility { value level } ssoRequired { value locked level } }\n      } }": typeof types.PoliciesUpdateOrganizationPolicyDocument,
    "mutation PoliciesArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { userErrors { code } } }": typeof types.PoliciesArchiveTeamDocument,
    "query PoliciesTeam2($u: String!) { team(username: $u) { modelAccess(surface: PLAYGROUND) { endpoint { endpointId enterpriseReady } access { decision reasonCode } } } }": typeof types.PoliciesTeam2Document,
    "mutation PoliciesCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { username viewerRole } userErrors { code } } }": typeof types.PoliciesCreateTeamDocument,
    "mutation PoliciesUpsertModelEndpoint($input: UpsertModelEndpointInput!) { upsertModelEndpoint(input: $input) { endpoint { endpointId enterpriseReady } userErrors { code } } }": typeof types.PoliciesUpsertModelEndpointDocument,
    "mutation PoliciesAddModelPrice($input: AddModelPriceInput!) { addModelPrice(input: $input) { price { unitPrice effectiveFrom } userErrors { code } } }": typeof types.PoliciesAddModelPriceDocument,
    "query PoliciesOrganization2($slug: String!) { organization(slug: $slug) { teams(first: 100) { edges { node { username\n      effectivePolicy { requestVisibility { value level overriddenByLock } modelAccessMode { value } }\n      modelAccessRules { edges { node { pattern } } }\n    } } } } }": typeof types.PoliciesOrganization2Document,
    "query SessionsViewer { viewer { email name sessionMethod personalAccount { username kind } organizations { slug } teams { username } } }": typeof types.SessionsViewerDocument,
    "mutation SessionsLogin($input: LoginInput!) { login(input: $input) { token expiresAt user { email } userErrors { field code message } } }": typeof types.SessionsLoginDocument,
    "mutation SessionsSignUp($input: SignUpInput!) { signUp(input: $input) { token userErrors { field code } } }": typeof types.SessionsSignUpDocument,
    "mutation SessionsSignUp2($input: SignUpInput!) { signUp(input: $input) { token userErrors { field code } } }": typeof types.SessionsSignUp2Document,
    "mutation SessionsLogout { logout { revoked userErrors { code } } }": typeof types.SessionsLogoutDocument,
    "query TeamAdminTeamPeople($u: String!, $filter: TeamMemberFilterInput, $first: Int, $after: String) { team(username: $u) {\n  members(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id role user { email name } } } }\n} }": typeof types.TeamAdminTeamPeopleDocument,
    "query TeamAdminTeamInvites($u: String!, $status: InviteStatus) { team(username: $u) { invites(status: $status, first: 50) { totalCount edges { node { email status teamRole } } } } }": typeof types.TeamAdminTeamInvitesDocument,
    "mutation TeamAdminAssign($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { role userErrors { field code } } }": typeof types.TeamAdminAssignDocument,
    "mutation TeamAdminUnassign($i: UnassignTeamMemberInput!) { unassignTeamMember(input: $i) { role userErrors { field code } } }": typeof types.TeamAdminUnassignDocument,
    "mutation TeamAdminUpdateRole($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { member { role } userErrors { code } } }": typeof types.TeamAdminUpdateRoleDocument,
    "mutation TeamAdminGovernance($i: UpdateTeamGovernanceInput!) { updateTeamGovernance(input: $i) { userErrors { field code } } }": typeof types.TeamAdminGovernanceDocument,
    "query TeamAdminOrgMembers($s: String!, $filter: MemberFilterInput, $first: Int, $after: String) { organization(slug: $s) {\n  members(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { email status } } }\n} }": typeof types.TeamAdminOrgMembersDocument,
    "mutation TeamAdminArchive($i: ArchiveTeamInput!) { archiveTeam(input: $i) { team { archivedAt } userErrors { code } } }": typeof types.TeamAdminArchiveDocument,
    "mutation TeamAdminUnarchive($i: UnarchiveTeamInput!) { unarchiveTeam(input: $i) { team { archivedAt } userErrors { field code } } }": typeof types.TeamAdminUnarchiveDocument,
    "query TeamAdminAudit($s: String!, $filter: AuditLogFilterInput) { organization(slug: $s) { auditLog(filter: $filter, first: 100) {\n  edges { node { action actorLabel targetType targetId } } } } }": typeof types.TeamAdminAuditDocument,
    "query TeamAdminOrganizationId($s: String!) { organization(slug: $s) { id } }": typeof types.TeamAdminOrganizationIdDocument,
    "mutation TeamAdminAcceptInvite($i: AcceptInviteInput!) { acceptInvite(input: $i) { userErrors { code } } }": typeof types.TeamAdminAcceptInviteDocument,
    "query TeamAdminTeamName($u: String!) { team(username: $u) { name } }": typeof types.TeamAdminTeamNameDocument,
    "query TeamAdminOwnerView($u: String!) { team(username: $u) { name viewerRole governance { owner { email } } spend(period: MONTH) } }": typeof types.TeamAdminOwnerViewDocument,
    "mutation TeamAdminCreateApiKey($i: CreateApiKeyInput!) { createApiKey(input: $i) { userErrors { code } } }": typeof types.TeamAdminCreateApiKeyDocument,
    "mutation TeamAdminLeave($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { userErrors { code } } }": typeof types.TeamAdminLeaveDocument,
    "query TeamAdminSpend($u: String!) { team(username: $u) { spend(period: MONTH) } }": typeof types.TeamAdminSpendDocument,
    "query TeamAdminRootTeam($s: String!) { organization(slug: $s) { rootTeam { id } } }": typeof types.TeamAdminRootTeamDocument,
    "mutation TeamAdminCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { code } } }": typeof types.TeamAdminCreateTeamDocument,
};
const documents: Documents = {
    "mutation ApiKeysCreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) { key apiKey { id keyId alias scope expiresAt revokedAt owner { email } createdBy { email } team { username } } userErrors { field code } }\n}": types.ApiKeysCreateApiKeyDocument,
    "mutation ApiKeysRevokeApiKey($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { revokedAt } userErrors { code } } }": types.ApiKeysRevokeApiKeyDocument,
    "query ApiKeysTeam($u: String!, $all: Boolean) { team(username: $u) { apiKeys(includeRevoked: $all) { totalCount edges { node { id alias lastUsedAt revokedAt } } } } }": types.ApiKeysTeamDocument,
    "query ApiKeysTypename { __typename }": types.ApiKeysTypenameDocument,
    "query ApiKeysTeam2($u: String!) { team(username: $u) { username } }": types.ApiKeysTeam2Document,
    "query ApiKeysType { __type(name: \"ApiKey\") { fields { name } } }": types.ApiKeysTypeDocument,
    "query ApiKeysViewer { viewer { user { id } } }": types.ApiKeysViewerDocument,
    "query ApiKeysViewer2 { viewer { user { id } } }": types.ApiKeysViewer2Document,
    "query ApiKeysNode($id: ID!) { node(id: $id) { id } }": types.ApiKeysNodeDocument,
    "query ApiKeysOrganization($s: String!) { organization(slug: $s) { members { totalCount } } }": types.ApiKeysOrganizationDocument,
    "mutation InvitesCreateInvites($input: CreateInvitesInput!) {\n  createInvites(input: $input) { results { email invite { id email status } userErrors { field code } } userErrors { code } }\n}": types.InvitesCreateInvitesDocument,
    "mutation InvitesRevokeInvite($input: InviteIdInput!) { revokeInvite(input: $input) { invite { status } userErrors { field code } } }": types.InvitesRevokeInviteDocument,
    "mutation InvitesResendInvite($input: InviteIdInput!) { resendInvite(input: $input) { invite { status expiresAt } userErrors { field code } } }": types.InvitesResendInviteDocument,
    "query InvitesType { __type(name: \"Invite\") { fields { name } } }": types.InvitesTypeDocument,
    "query InvitesOrganization($s: String!) { organization(slug: $s) { viewerRole teams { edges { node { viewerRole } } } } }": types.InvitesOrganizationDocument,
    "query InvitesNode($id: ID!) { node(id: $id) { ... on Invite { status } } }": types.InvitesNodeDocument,
    "query InvitesOrganization2($s: String!) { organization(slug: $s) { members { edges { node { email invite { id email status expiresAt } } } } auditLog(first: 100) { edges { node { changes { field before after } } } } } }": types.InvitesOrganization2Document,
    "query InvitesOrganization3($s: String!) { organization(slug: $s) { viewerRole teams { edges { node { username viewerRole } } } } }": types.InvitesOrganization3Document,
    "mutation InvitesUpdateOrganizationPolicy($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code } } }": types.InvitesUpdateOrganizationPolicyDocument,
    "query MembersOrganization($slug: String!, $filter: MemberFilterInput, $first: Int, $after: String) {\n  organization(slug: $slug) {\n    members(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id email role status user { email } invite { email } teams { team { username } role } } }\n    }\n  }\n}": types.MembersOrganizationDocument,
    "mutation MembersUpdateMemberRole($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { member { id role } userErrors { field code } } }": types.MembersUpdateMemberRoleDocument,
    "mutation MembersRemoveMember($input: RemoveMemberInput!) { removeMember(input: $input) { removedMemberId userErrors { field code } } }": types.MembersRemoveMemberDocument,
    "mutation MembersLeaveOrganization($input: LeaveOrganizationInput!) { leaveOrganization(input: $input) { organization { slug } userErrors { field code } } }": types.MembersLeaveOrganizationDocument,
    "mutation MembersAssignTeamMember($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { team { username } user { email } role userErrors { field code } } }": types.MembersAssignTeamMemberDocument,
    "mutation MembersUnassignTeamMember($input: UnassignTeamMemberInput!) { unassignTeamMember(input: $input) { role userErrors { field code } } }": types.MembersUnassignTeamMemberDocument,
    "mutation MembersCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { userErrors { code } } }": types.MembersCreateInviteDocument,
    "query MembersViewer { viewer { organizations { slug } teams { username } } }": types.MembersViewerDocument,
    "mutation MembersCreateInvite2($input: CreateInviteInput!) { createInvite(input: $input) { userErrors { code } } }": types.MembersCreateInvite2Document,
    "mutation MembersAcceptInvite($input: AcceptInviteInput!) { acceptInvite(input: $input) { userErrors { code } } }": types.MembersAcceptInviteDocument,
    "query MembersViewer2 { viewer { organizations { slug viewerRole } teams { username viewerRole } personalAccount { username } } }": types.MembersViewer2Document,
    "query MembersViewer3 { viewer { user { id } } }": types.MembersViewer3Document,
    "query MembersTeam($u: String!) { team(username: $u) { viewerRole } }": types.MembersTeamDocument,
    "query MembersTeam2($u: String!) { team(username: $u) { id } }": types.MembersTeam2Document,
    "query MembersViewer4 { viewer { user { id } } }": types.MembersViewer4Document,
    "query MembersOrganization2($s: String!) { organization(slug: $s) { id } }": types.MembersOrganization2Document,
    "query MembersViewer5 { viewer { user { id } } }": types.MembersViewer5Document,
    "query OrganizationsOrganizationTeams($slug: String!, $first: Int, $after: String, $includeArchived: Boolean) {\n  organization(slug: $slug) {\n    id slug name viewerRole rootTeam { username kind }\n    teams(first: $first, after: $after, includeArchived: $includeArchived) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { cursor node { id username name archivedAt } }\n    }\n  }\n}": types.OrganizationsOrganizationTeamsDocument,
    "query OrganizationsViewer { viewer { organizations { slug } } }": types.OrganizationsViewerDocument,
    "mutation OrganizationsCreate($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field code } } }": types.OrganizationsCreateDocument,
    "mutation OrganizationsCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { field code } } }": types.OrganizationsCreateTeamDocument,
    "mutation OrganizationsRenameTeam($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } userErrors { code } } }": types.OrganizationsRenameTeamDocument,
    "mutation OrganizationsRename($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } userErrors { code } } }": types.OrganizationsRenameDocument,
    "mutation OrganizationsArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { archivedAt } userErrors { code } } }": types.OrganizationsArchiveTeamDocument,
    "query OrganizationsTeamArchivedAt($username: String!) { team(username: $username) { archivedAt } }": types.OrganizationsTeamArchivedAtDocument,
    "mutation OrganizationsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } userErrors { code field } } }": types.OrganizationsCreateApiKeyDocument,
    "mutation OrganizationsSetTeamSecret($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { secret { id } userErrors { code field } } }": types.OrganizationsSetTeamSecretDocument,
    "mutation OrganizationsCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { invite { id } userErrors { code field } } }": types.OrganizationsCreateInviteDocument,
    "mutation OrganizationsArchiveRootTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { id } userErrors { code } } }": types.OrganizationsArchiveRootTeamDocument,
    "mutation OrganizationsRenameTeamId($input: RenameTeamInput!) { renameTeam(input: $input) { team { id } } }": types.OrganizationsRenameTeamIdDocument,
    "query OrganizationsNode($id: ID!) { node(id: $id) { id } }": types.OrganizationsNodeDocument,
    "query OrganizationsNodes($a: ID!, $b: ID!) { a: node(id: $a) { __typename id ... on Team { username } } b: node(id: $b) { __typename ... on Organization { slug } } c: node(id: \"bm9wZQ\") { id } }": types.OrganizationsNodesDocument,
    "fragment PoliciesDecision on ModelAccessDecision { decision level reasonCode reason rule { ruleId pattern effect locked level } overriddenTeamRule { pattern effect } }": types.PoliciesDecisionFragmentDoc,
    "mutation PoliciesApplyPolicyChange($input: PolicyChangeInput!) {\n  applyPolicyChange(input: $input) {\n    userErrors { code message field }\n    rules { id pattern }\n    changes { team { username } settings { setting before after beforeLevel afterLevel } modelAccess { surface endpointId before { decision } after { decision } } }\n  }\n}": types.PoliciesApplyPolicyChangeDocument,
    "query PoliciesPreviewPolicyChange($input: PolicyChangeInput!) {\n  previewPolicyChange(input: $input) {\n    teams { team { username } settings { setting before after beforeLevel afterLevel } modelAccess { surface endpointId before { decision } after { decision } } }\n  }\n}": types.PoliciesPreviewPolicyChangeDocument,
    "query PoliciesTeam($username: String!) { team(username: $username) { effectivePolicy {\n  requestVisibility { value level locked teamOverride overriddenByLock }\n  teamCreation { value level locked }\n  modelAccessMode { value level }\n} } }": types.PoliciesTeamDocument,
    "query PoliciesCheckModelAccess($checks: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $checks) {\n  index allowed team { username } endpointId surface error { code message } access { ...PoliciesDecision }\n} }": types.PoliciesCheckModelAccessDocument,
    "query PoliciesOrganization($slug: String!) { organization(slug: $slug) { policy {\n        teamCreation { value locked level } invitePermission { value level } crossTeamVisibility { value level }\n        requestVisibility { value level } ssoRequired { value level } personalAccountAccess { value level } modelAccessMode { value level }\n      } } }": types.PoliciesOrganizationDocument,
    "mutation PoliciesUpdateOrganizationPolicy($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) {\n        userErrors { code } policy { crossTeamVisibility { value level } ssoRequired { value locked level } }\n      } }": types.PoliciesUpdateOrganizationPolicyDocument,
    "mutation PoliciesArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { userErrors { code } } }": types.PoliciesArchiveTeamDocument,
    "query PoliciesTeam2($u: String!) { team(username: $u) { modelAccess(surface: PLAYGROUND) { endpoint { endpointId enterpriseReady } access { decision reasonCode } } } }": types.PoliciesTeam2Document,
    "mutation PoliciesCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { username viewerRole } userErrors { code } } }": types.PoliciesCreateTeamDocument,
    "mutation PoliciesUpsertModelEndpoint($input: UpsertModelEndpointInput!) { upsertModelEndpoint(input: $input) { endpoint { endpointId enterpriseReady } userErrors { code } } }": types.PoliciesUpsertModelEndpointDocument,
    "mutation PoliciesAddModelPrice($input: AddModelPriceInput!) { addModelPrice(input: $input) { price { unitPrice effectiveFrom } userErrors { code } } }": types.PoliciesAddModelPriceDocument,
    "query PoliciesOrganization2($slug: String!) { organization(slug: $slug) { teams(first: 100) { edges { node { username\n      effectivePolicy { requestVisibility { value level overriddenByLock } modelAccessMode { value } }\n      modelAccessRules { edges { node { pattern } } }\n    } } } } }": types.PoliciesOrganization2Document,
    "query SessionsViewer { viewer { email name sessionMethod personalAccount { username kind } organizations { slug } teams { username } } }": types.SessionsViewerDocument,
    "mutation SessionsLogin($input: LoginInput!) { login(input: $input) { token expiresAt user { email } userErrors { field code message } } }": types.SessionsLoginDocument,
    "mutation SessionsSignUp($input: SignUpInput!) { signUp(input: $input) { token userErrors { field code } } }": types.SessionsSignUpDocument,
    "mutation SessionsSignUp2($input: SignUpInput!) { signUp(input: $input) { token userErrors { field code } } }": types.SessionsSignUp2Document,
    "mutation SessionsLogout { logout { revoked userErrors { code } } }": types.SessionsLogoutDocument,
    "query TeamAdminTeamPeople($u: String!, $filter: TeamMemberFilterInput, $first: Int, $after: String) { team(username: $u) {\n  members(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id role user { email name } } } }\n} }": types.TeamAdminTeamPeopleDocument,
    "query TeamAdminTeamInvites($u: String!, $status: InviteStatus) { team(username: $u) { invites(status: $status, first: 50) { totalCount edges { node { email status teamRole } } } } }": types.TeamAdminTeamInvitesDocument,
    "mutation TeamAdminAssign($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { role userErrors { field code } } }": types.TeamAdminAssignDocument,
    "mutation TeamAdminUnassign($i: UnassignTeamMemberInput!) { unassignTeamMember(input: $i) { role userErrors { field code } } }": types.TeamAdminUnassignDocument,
    "mutation TeamAdminUpdateRole($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { member { role } userErrors { code } } }": types.TeamAdminUpdateRoleDocument,
    "mutation TeamAdminGovernance($i: UpdateTeamGovernanceInput!) { updateTeamGovernance(input: $i) { userErrors { field code } } }": types.TeamAdminGovernanceDocument,
    "query TeamAdminOrgMembers($s: String!, $filter: MemberFilterInput, $first: Int, $after: String) { organization(slug: $s) {\n  members(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { email status } } }\n} }": types.TeamAdminOrgMembersDocument,
    "mutation TeamAdminArchive($i: ArchiveTeamInput!) { archiveTeam(input: $i) { team { archivedAt } userErrors { code } } }": types.TeamAdminArchiveDocument,
    "mutation TeamAdminUnarchive($i: UnarchiveTeamInput!) { unarchiveTeam(input: $i) { team { archivedAt } userErrors { field code } } }": types.TeamAdminUnarchiveDocument,
    "query TeamAdminAudit($s: String!, $filter: AuditLogFilterInput) { organization(slug: $s) { auditLog(filter: $filter, first: 100) {\n  edges { node { action actorLabel targetType targetId } } } } }": types.TeamAdminAuditDocument,
    "query TeamAdminOrganizationId($s: String!) { organization(slug: $s) { id } }": types.TeamAdminOrganizationIdDocument,
    "mutation TeamAdminAcceptInvite($i: AcceptInviteInput!) { acceptInvite(input: $i) { userErrors { code } } }": types.TeamAdminAcceptInviteDocument,
    "query TeamAdminTeamName($u: String!) { team(username: $u) { name } }": types.TeamAdminTeamNameDocument,
    "query TeamAdminOwnerView($u: String!) { team(username: $u) { name viewerRole governance { owner { email } } spend(period: MONTH) } }": types.TeamAdminOwnerViewDocument,
    "mutation TeamAdminCreateApiKey($i: CreateApiKeyInput!) { createApiKey(input: $i) { userErrors { code } } }": types.TeamAdminCreateApiKeyDocument,
    "mutation TeamAdminLeave($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { userErrors { code } } }": types.TeamAdminLeaveDocument,
    "query TeamAdminSpend($u: String!) { team(username: $u) { spend(period: MONTH) } }": types.TeamAdminSpendDocument,
    "query TeamAdminRootTeam($s: String!) { organization(slug: $s) { rootTeam { id } } }": types.TeamAdminRootTeamDocument,
    "mutation TeamAdminCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { code } } }": types.TeamAdminCreateTeamDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiKeysCreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) { key apiKey { id keyId alias scope expiresAt revokedAt owner { email } createdBy { email } team { username } } userErrors { field code } }\n}"): (typeof documents)["mutation ApiKeysCreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) { key apiKey { id keyId alias scope expiresAt revokedAt owner { email } createdBy { email } team { username } } userErrors { field code } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiKeysRevokeApiKey($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { revokedAt } userErrors { code } } }"): (typeof documents)["mutation ApiKeysRevokeApiKey($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { revokedAt } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeysTeam($u: String!, $all: Boolean) { team(username: $u) { apiKeys(includeRevoked: $all) { totalCount edges { node { id alias lastUsedAt revokedAt } } } } }"): (typeof documents)["query ApiKeysTeam($u: String!, $all: Boolean) { team(username: $u) { apiKeys(includeRevoked: $all) { totalCount edges { node { id alias lastUsedAt revokedAt } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeysTypename { __typename }"): (typeof documents)["query ApiKeysTypename { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeysTeam2($u: String!) { team(username: $u) { username } }"): (typeof documents)["query ApiKeysTeam2($u: String!) { team(username: $u) { username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeysType { __type(name: \"ApiKey\") { fields { name } } }"): (typeof documents)["query ApiKeysType { __type(name: \"ApiKey\") { fields { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeysViewer { viewer { user { id } } }"): (typeof documents)["query ApiKeysViewer { viewer { user { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeysViewer2 { viewer { user { id } } }"): (typeof documents)["query ApiKeysViewer2 { viewer { user { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeysNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query ApiKeysNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeysOrganization($s: String!) { organization(slug: $s) { members { totalCount } } }"): (typeof documents)["query ApiKeysOrganization($s: String!) { organization(slug: $s) { members { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvitesCreateInvites($input: CreateInvitesInput!) {\n  createInvites(input: $input) { results { email invite { id email status } userErrors { field code } } userErrors { code } }\n}"): (typeof documents)["mutation InvitesCreateInvites($input: CreateInvitesInput!) {\n  createInvites(input: $input) { results { email invite { id email status } userErrors { field code } } userErrors { code } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvitesRevokeInvite($input: InviteIdInput!) { revokeInvite(input: $input) { invite { status } userErrors { field code } } }"): (typeof documents)["mutation InvitesRevokeInvite($input: InviteIdInput!) { revokeInvite(input: $input) { invite { status } userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvitesResendInvite($input: InviteIdInput!) { resendInvite(input: $input) { invite { status expiresAt } userErrors { field code } } }"): (typeof documents)["mutation InvitesResendInvite($input: InviteIdInput!) { resendInvite(input: $input) { invite { status expiresAt } userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvitesType { __type(name: \"Invite\") { fields { name } } }"): (typeof documents)["query InvitesType { __type(name: \"Invite\") { fields { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvitesOrganization($s: String!) { organization(slug: $s) { viewerRole teams { edges { node { viewerRole } } } } }"): (typeof documents)["query InvitesOrganization($s: String!) { organization(slug: $s) { viewerRole teams { edges { node { viewerRole } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvitesNode($id: ID!) { node(id: $id) { ... on Invite { status } } }"): (typeof documents)["query InvitesNode($id: ID!) { node(id: $id) { ... on Invite { status } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvitesOrganization2($s: String!) { organization(slug: $s) { members { edges { node { email invite { id email status expiresAt } } } } auditLog(first: 100) { edges { node { changes { field before after } } } } } }"): (typeof documents)["query InvitesOrganization2($s: String!) { organization(slug: $s) { members { edges { node { email invite { id email status expiresAt } } } } auditLog(first: 100) { edges { node { changes { field before after } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvitesOrganization3($s: String!) { organization(slug: $s) { viewerRole teams { edges { node { username viewerRole } } } } }"): (typeof documents)["query InvitesOrganization3($s: String!) { organization(slug: $s) { viewerRole teams { edges { node { username viewerRole } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvitesUpdateOrganizationPolicy($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code } } }"): (typeof documents)["mutation InvitesUpdateOrganizationPolicy($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MembersOrganization($slug: String!, $filter: MemberFilterInput, $first: Int, $after: String) {\n  organization(slug: $slug) {\n    members(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id email role status user { email } invite { email } teams { team { username } role } } }\n    }\n  }\n}"): (typeof documents)["query MembersOrganization($slug: String!, $filter: MemberFilterInput, $first: Int, $after: String) {\n  organization(slug: $slug) {\n    members(filter: $filter, first: $first, after: $after) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { node { id email role status user { email } invite { email } teams { team { username } role } } }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MembersUpdateMemberRole($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { member { id role } userErrors { field code } } }"): (typeof documents)["mutation MembersUpdateMemberRole($input: UpdateMemberRoleInput!) { updateMemberRole(input: $input) { member { id role } userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MembersRemoveMember($input: RemoveMemberInput!) { removeMember(input: $input) { removedMemberId userErrors { field code } } }"): (typeof documents)["mutation MembersRemoveMember($input: RemoveMemberInput!) { removeMember(input: $input) { removedMemberId userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MembersLeaveOrganization($input: LeaveOrganizationInput!) { leaveOrganization(input: $input) { organization { slug } userErrors { field code } } }"): (typeof documents)["mutation MembersLeaveOrganization($input: LeaveOrganizationInput!) { leaveOrganization(input: $input) { organization { slug } userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MembersAssignTeamMember($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { team { username } user { email } role userErrors { field code } } }"): (typeof documents)["mutation MembersAssignTeamMember($input: AssignTeamMemberInput!) { assignTeamMember(input: $input) { team { username } user { email } role userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MembersUnassignTeamMember($input: UnassignTeamMemberInput!) { unassignTeamMember(input: $input) { role userErrors { field code } } }"): (typeof documents)["mutation MembersUnassignTeamMember($input: UnassignTeamMemberInput!) { unassignTeamMember(input: $input) { role userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MembersCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { userErrors { code } } }"): (typeof documents)["mutation MembersCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MembersViewer { viewer { organizations { slug } teams { username } } }"): (typeof documents)["query MembersViewer { viewer { organizations { slug } teams { username } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MembersCreateInvite2($input: CreateInviteInput!) { createInvite(input: $input) { userErrors { code } } }"): (typeof documents)["mutation MembersCreateInvite2($input: CreateInviteInput!) { createInvite(input: $input) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MembersAcceptInvite($input: AcceptInviteInput!) { acceptInvite(input: $input) { userErrors { code } } }"): (typeof documents)["mutation MembersAcceptInvite($input: AcceptInviteInput!) { acceptInvite(input: $input) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MembersViewer2 { viewer { organizations { slug viewerRole } teams { username viewerRole } personalAccount { username } } }"): (typeof documents)["query MembersViewer2 { viewer { organizations { slug viewerRole } teams { username viewerRole } personalAccount { username } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MembersViewer3 { viewer { user { id } } }"): (typeof documents)["query MembersViewer3 { viewer { user { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MembersTeam($u: String!) { team(username: $u) { viewerRole } }"): (typeof documents)["query MembersTeam($u: String!) { team(username: $u) { viewerRole } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MembersTeam2($u: String!) { team(username: $u) { id } }"): (typeof documents)["query MembersTeam2($u: String!) { team(username: $u) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MembersViewer4 { viewer { user { id } } }"): (typeof documents)["query MembersViewer4 { viewer { user { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MembersOrganization2($s: String!) { organization(slug: $s) { id } }"): (typeof documents)["query MembersOrganization2($s: String!) { organization(slug: $s) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MembersViewer5 { viewer { user { id } } }"): (typeof documents)["query MembersViewer5 { viewer { user { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationsOrganizationTeams($slug: String!, $first: Int, $after: String, $includeArchived: Boolean) {\n  organization(slug: $slug) {\n    id slug name viewerRole rootTeam { username kind }\n    teams(first: $first, after: $after, includeArchived: $includeArchived) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { cursor node { id username name archivedAt } }\n    }\n  }\n}"): (typeof documents)["query OrganizationsOrganizationTeams($slug: String!, $first: Int, $after: String, $includeArchived: Boolean) {\n  organization(slug: $slug) {\n    id slug name viewerRole rootTeam { username kind }\n    teams(first: $first, after: $after, includeArchived: $includeArchived) {\n      totalCount pageInfo { hasNextPage endCursor }\n      edges { cursor node { id username name archivedAt } }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationsViewer { viewer { organizations { slug } } }"): (typeof documents)["query OrganizationsViewer { viewer { organizations { slug } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsCreate($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field code } } }"): (typeof documents)["mutation OrganizationsCreate($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { field code } } }"): (typeof documents)["mutation OrganizationsCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsRenameTeam($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } userErrors { code } } }"): (typeof documents)["mutation OrganizationsRenameTeam($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsRename($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } userErrors { code } } }"): (typeof documents)["mutation OrganizationsRename($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { archivedAt } userErrors { code } } }"): (typeof documents)["mutation OrganizationsArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { archivedAt } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationsTeamArchivedAt($username: String!) { team(username: $username) { archivedAt } }"): (typeof documents)["query OrganizationsTeamArchivedAt($username: String!) { team(username: $username) { archivedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } userErrors { code field } } }"): (typeof documents)["mutation OrganizationsCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsSetTeamSecret($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { secret { id } userErrors { code field } } }"): (typeof documents)["mutation OrganizationsSetTeamSecret($input: SetTeamSecretInput!) { setTeamSecret(input: $input) { secret { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { invite { id } userErrors { code field } } }"): (typeof documents)["mutation OrganizationsCreateInvite($input: CreateInviteInput!) { createInvite(input: $input) { invite { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsArchiveRootTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { id } userErrors { code } } }"): (typeof documents)["mutation OrganizationsArchiveRootTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { team { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrganizationsRenameTeamId($input: RenameTeamInput!) { renameTeam(input: $input) { team { id } } }"): (typeof documents)["mutation OrganizationsRenameTeamId($input: RenameTeamInput!) { renameTeam(input: $input) { team { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationsNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query OrganizationsNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationsNodes($a: ID!, $b: ID!) { a: node(id: $a) { __typename id ... on Team { username } } b: node(id: $b) { __typename ... on Organization { slug } } c: node(id: \"bm9wZQ\") { id } }"): (typeof documents)["query OrganizationsNodes($a: ID!, $b: ID!) { a: node(id: $a) { __typename id ... on Team { username } } b: node(id: $b) { __typename ... on Organization { slug } } c: node(id: \"bm9wZQ\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment PoliciesDecision on ModelAccessDecision { decision level reasonCode reason rule { ruleId pattern effect locked level } overriddenTeamRule { pattern effect } }"): (typeof documents)["fragment PoliciesDecision on ModelAccessDecision { decision level reasonCode reason rule { ruleId pattern effect locked level } overriddenTeamRule { pattern effect } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PoliciesApplyPolicyChange($input: PolicyChangeInput!) {\n  applyPolicyChange(input: $input) {\n    userErrors { code message field }\n    rules { id pattern }\n    changes { team { username } settings { setting before after beforeLevel afterLevel } modelAccess { surface endpointId before { decision } after { decision } } }\n  }\n}"): (typeof documents)["mutation PoliciesApplyPolicyChange($input: PolicyChangeInput!) {\n  applyPolicyChange(input: $input) {\n    userErrors { code message field }\n    rules { id pattern }\n    changes { team { username } settings { setting before after beforeLevel afterLevel } modelAccess { surface endpointId before { decision } after { decision } } }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PoliciesPreviewPolicyChange($input: PolicyChangeInput!) {\n  previewPolicyChange(input: $input) {\n    teams { team { username } settings { setting before after beforeLevel afterLevel } modelAccess { surface endpointId before { decision } after { decision } } }\n  }\n}"): (typeof documents)["query PoliciesPreviewPolicyChange($input: PolicyChangeInput!) {\n  previewPolicyChange(input: $input) {\n    teams { team { username } settings { setting before after beforeLevel afterLevel } modelAccess { surface endpointId before { decision } after { decision } } }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PoliciesTeam($username: String!) { team(username: $username) { effectivePolicy {\n  requestVisibility { value level locked teamOverride overriddenByLock }\n  teamCreation { value level locked }\n  modelAccessMode { value level }\n} } }"): (typeof documents)["query PoliciesTeam($username: String!) { team(username: $username) { effectivePolicy {\n  requestVisibility { value level locked teamOverride overriddenByLock }\n  teamCreation { value level locked }\n  modelAccessMode { value level }\n} } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PoliciesCheckModelAccess($checks: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $checks) {\n  index allowed team { username } endpointId surface error { code message } access { ...PoliciesDecision }\n} }"): (typeof documents)["query PoliciesCheckModelAccess($checks: [ModelAccessCheckInput!]!) { checkModelAccess(checks: $checks) {\n  index allowed team { username } endpointId surface error { code message } access { ...PoliciesDecision }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PoliciesOrganization($slug: String!) { organization(slug: $slug) { policy {\n        teamCreation { value locked level } invitePermission { value level } crossTeamVisibility { value level }\n        requestVisibility { value level } ssoRequired { value level } personalAccountAccess { value level } modelAccessMode { value level }\n      } } }"): (typeof documents)["query PoliciesOrganization($slug: String!) { organization(slug: $slug) { policy {\n        teamCreation { value locked level } invitePermission { value level } crossTeamVisibility { value level }\n        requestVisibility { value level } ssoRequired { value level } personalAccountAccess { value level } modelAccessMode { value level }\n      } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PoliciesUpdateOrganizationPolicy($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) {\n        userErrors { code } policy { crossTeamVisibility { value level } ssoRequired { value locked level } }\n      } }"): (typeof documents)["mutation PoliciesUpdateOrganizationPolicy($input: UpdateOrganizationPolicyInput!) { updateOrganizationPolicy(input: $input) {\n        userErrors { code } policy { crossTeamVisibility { value level } ssoRequired { value locked level } }\n      } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PoliciesArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { userErrors { code } } }"): (typeof documents)["mutation PoliciesArchiveTeam($input: ArchiveTeamInput!) { archiveTeam(input: $input) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PoliciesTeam2($u: String!) { team(username: $u) { modelAccess(surface: PLAYGROUND) { endpoint { endpointId enterpriseReady } access { decision reasonCode } } } }"): (typeof documents)["query PoliciesTeam2($u: String!) { team(username: $u) { modelAccess(surface: PLAYGROUND) { endpoint { endpointId enterpriseReady } access { decision reasonCode } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PoliciesCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { username viewerRole } userErrors { code } } }"): (typeof documents)["mutation PoliciesCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { username viewerRole } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PoliciesUpsertModelEndpoint($input: UpsertModelEndpointInput!) { upsertModelEndpoint(input: $input) { endpoint { endpointId enterpriseReady } userErrors { code } } }"): (typeof documents)["mutation PoliciesUpsertModelEndpoint($input: UpsertModelEndpointInput!) { upsertModelEndpoint(input: $input) { endpoint { endpointId enterpriseReady } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PoliciesAddModelPrice($input: AddModelPriceInput!) { addModelPrice(input: $input) { price { unitPrice effectiveFrom } userErrors { code } } }"): (typeof documents)["mutation PoliciesAddModelPrice($input: AddModelPriceInput!) { addModelPrice(input: $input) { price { unitPrice effectiveFrom } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PoliciesOrganization2($slug: String!) { organization(slug: $slug) { teams(first: 100) { edges { node { username\n      effectivePolicy { requestVisibility { value level overriddenByLock } modelAccessMode { value } }\n      modelAccessRules { edges { node { pattern } } }\n    } } } } }"): (typeof documents)["query PoliciesOrganization2($slug: String!) { organization(slug: $slug) { teams(first: 100) { edges { node { username\n      effectivePolicy { requestVisibility { value level overriddenByLock } modelAccessMode { value } }\n      modelAccessRules { edges { node { pattern } } }\n    } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SessionsViewer { viewer { email name sessionMethod personalAccount { username kind } organizations { slug } teams { username } } }"): (typeof documents)["query SessionsViewer { viewer { email name sessionMethod personalAccount { username kind } organizations { slug } teams { username } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionsLogin($input: LoginInput!) { login(input: $input) { token expiresAt user { email } userErrors { field code message } } }"): (typeof documents)["mutation SessionsLogin($input: LoginInput!) { login(input: $input) { token expiresAt user { email } userErrors { field code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionsSignUp($input: SignUpInput!) { signUp(input: $input) { token userErrors { field code } } }"): (typeof documents)["mutation SessionsSignUp($input: SignUpInput!) { signUp(input: $input) { token userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionsSignUp2($input: SignUpInput!) { signUp(input: $input) { token userErrors { field code } } }"): (typeof documents)["mutation SessionsSignUp2($input: SignUpInput!) { signUp(input: $input) { token userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionsLogout { logout { revoked userErrors { code } } }"): (typeof documents)["mutation SessionsLogout { logout { revoked userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamAdminTeamPeople($u: String!, $filter: TeamMemberFilterInput, $first: Int, $after: String) { team(username: $u) {\n  members(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id role user { email name } } } }\n} }"): (typeof documents)["query TeamAdminTeamPeople($u: String!, $filter: TeamMemberFilterInput, $first: Int, $after: String) { team(username: $u) {\n  members(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id role user { email name } } } }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamAdminTeamInvites($u: String!, $status: InviteStatus) { team(username: $u) { invites(status: $status, first: 50) { totalCount edges { node { email status teamRole } } } } }"): (typeof documents)["query TeamAdminTeamInvites($u: String!, $status: InviteStatus) { team(username: $u) { invites(status: $status, first: 50) { totalCount edges { node { email status teamRole } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAdminAssign($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { role userErrors { field code } } }"): (typeof documents)["mutation TeamAdminAssign($i: AssignTeamMemberInput!) { assignTeamMember(input: $i) { role userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAdminUnassign($i: UnassignTeamMemberInput!) { unassignTeamMember(input: $i) { role userErrors { field code } } }"): (typeof documents)["mutation TeamAdminUnassign($i: UnassignTeamMemberInput!) { unassignTeamMember(input: $i) { role userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAdminUpdateRole($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { member { role } userErrors { code } } }"): (typeof documents)["mutation TeamAdminUpdateRole($i: UpdateMemberRoleInput!) { updateMemberRole(input: $i) { member { role } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAdminGovernance($i: UpdateTeamGovernanceInput!) { updateTeamGovernance(input: $i) { userErrors { field code } } }"): (typeof documents)["mutation TeamAdminGovernance($i: UpdateTeamGovernanceInput!) { updateTeamGovernance(input: $i) { userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamAdminOrgMembers($s: String!, $filter: MemberFilterInput, $first: Int, $after: String) { organization(slug: $s) {\n  members(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { email status } } }\n} }"): (typeof documents)["query TeamAdminOrgMembers($s: String!, $filter: MemberFilterInput, $first: Int, $after: String) { organization(slug: $s) {\n  members(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { email status } } }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAdminArchive($i: ArchiveTeamInput!) { archiveTeam(input: $i) { team { archivedAt } userErrors { code } } }"): (typeof documents)["mutation TeamAdminArchive($i: ArchiveTeamInput!) { archiveTeam(input: $i) { team { archivedAt } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAdminUnarchive($i: UnarchiveTeamInput!) { unarchiveTeam(input: $i) { team { archivedAt } userErrors { field code } } }"): (typeof documents)["mutation TeamAdminUnarchive($i: UnarchiveTeamInput!) { unarchiveTeam(input: $i) { team { archivedAt } userErrors { field code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamAdminAudit($s: String!, $filter: AuditLogFilterInput) { organization(slug: $s) { auditLog(filter: $filter, first: 100) {\n  edges { node { action actorLabel targetType targetId } } } } }"): (typeof documents)["query TeamAdminAudit($s: String!, $filter: AuditLogFilterInput) { organization(slug: $s) { auditLog(filter: $filter, first: 100) {\n  edges { node { action actorLabel targetType targetId } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamAdminOrganizationId($s: String!) { organization(slug: $s) { id } }"): (typeof documents)["query TeamAdminOrganizationId($s: String!) { organization(slug: $s) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAdminAcceptInvite($i: AcceptInviteInput!) { acceptInvite(input: $i) { userErrors { code } } }"): (typeof documents)["mutation TeamAdminAcceptInvite($i: AcceptInviteInput!) { acceptInvite(input: $i) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamAdminTeamName($u: String!) { team(username: $u) { name } }"): (typeof documents)["query TeamAdminTeamName($u: String!) { team(username: $u) { name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamAdminOwnerView($u: String!) { team(username: $u) { name viewerRole governance { owner { email } } spend(period: MONTH) } }"): (typeof documents)["query TeamAdminOwnerView($u: String!) { team(username: $u) { name viewerRole governance { owner { email } } spend(period: MONTH) } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAdminCreateApiKey($i: CreateApiKeyInput!) { createApiKey(input: $i) { userErrors { code } } }"): (typeof documents)["mutation TeamAdminCreateApiKey($i: CreateApiKeyInput!) { createApiKey(input: $i) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAdminLeave($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { userErrors { code } } }"): (typeof documents)["mutation TeamAdminLeave($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamAdminSpend($u: String!) { team(username: $u) { spend(period: MONTH) } }"): (typeof documents)["query TeamAdminSpend($u: String!) { team(username: $u) { spend(period: MONTH) } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamAdminRootTeam($s: String!) { organization(slug: $s) { rootTeam { id } } }"): (typeof documents)["query TeamAdminRootTeam($s: String!) { organization(slug: $s) { rootTeam { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TeamAdminCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { code } } }"): (typeof documents)["mutation TeamAdminCreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } userErrors { code } } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;