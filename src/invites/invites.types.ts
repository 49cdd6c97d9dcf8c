import { MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../core/relay';
import { OrganizationRole } from '../organizations/organizationMembership.entity';
import { TeamRole } from '../teams/teamMembership.entity';
import { Invite } from './invite.entity';

@InputType({ description: 'A team the invited person joins on acceptance, with a role.' })
export class TeamAssignmentInput {
  @Field(() => ID, { description: 'A team of the organization (global id).' })
  teamId!: string;

  @Field(() => TeamRole, { description: 'The role in that team.' })
  role!: TeamRole;
}

@InputType({ description: 'One person to invite.' })
export class InvitationInput {
  @Field(() => String, { description: 'Email address; the invite can only be accepted by an account with this email (any letter case).' })
  email!: string;

  @Field(() => OrganizationRole, { nullable: true, description: 'Organization invites: the organization role (default MEMBER).' })
  organizationRole?: OrganizationRole | null;

  @Field(() => [TeamAssignmentInput], { nullable: true, description: 'Organization invites: teams to join on acceptance.' })
  teamAssignments?: TeamAssignmentInput[] | null;

  @Field(() => TeamRole, { nullable: true, description: 'Team invites: the team role (default DEVELOPER).' })
  teamRole?: TeamRole | null;
}

@InputType({ description: 'Invite one person to an organization or to a team (give exactly one of organizationId and teamId).' })
export class CreateInviteInput extends InvitationInput {
  @Field(() => ID, { nullable: true, description: 'The organization to invite to.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The team to invite to.' })
  teamId?: string | null;
}

@InputType({ description: 'Invite 1–50 people at once to an organization or to a team (give exactly one of organizationId and teamId).' })
export class CreateInvitesInput {
  @Field(() => ID, { nullable: true, description: 'The organization to invite to.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The team to invite to.' })
  teamId?: string | null;

  @Field(() => [InvitationInput], { description: 'The people to invite, 1–50; each is validated and created on its own.' })
  invitations!: InvitationInput[];
}

@InputType({ description: 'The account to create for an invitee who has none: the invite proves the email address.' })
export class InviteNewAccountInput {
  @Field(() => String, { description: 'Display name, 1–100 characters.' })
  @MaxLength(100)
  name!: string;

  @Field(() => String, { description: 'Password, 10–200 characters. Stored only as an argon2id hash.' })
  @MaxLength(200)
  password!: string;
}

@InputType({ description: 'Accept an invite as the signed-in user, or, without a session, with a new account for the invited address.' })
export class AcceptInviteInput {
  @Field(() => String, { description: 'The token from the invite email.' })
  token!: string;

  @Field(() => InviteNewAccountInput, {
    nullable: true,
    description: 'Without a session only: create the account of the invited address (the invite link proves it) and sign in; the payload carries the session token.',
  })
  newAccount?: InviteNewAccountInput | null;
}

@InputType({ description: 'Refers to one invite.' })
export class InviteIdInput {
  @Field(() => ID, { description: 'The invite’s global id.' })
  inviteId!: string;
}

@ObjectType({ description: 'Result of an invite mutation.' })
export class InvitePayload {
  @Field(() => Invite, { nullable: true, description: 'The invite after the change.' })
  invite?: Invite | null;

  @Field(() => String, { nullable: true, description: 'With `acceptInvite` and `newAccount`: the new account’s session token (`Authorization: Bearer <token>`), shown once.' })
  sessionToken?: string | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The outcome for one row of a bulk invite.' })
export class InvitationResult {
  @Field(() => String, { description: 'The email of this row, as given.' })
  email!: string;

  @Field(() => Invite, { nullable: true, description: 'The invite, when this row succeeded.' })
  invite?: Invite | null;

  @Field(() => [UserError], { description: 'Why this row failed (fields point into `input.invitations[i]`).' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of a bulk invite: one result per row, in input order.' })
export class CreateInvitesPayload {
  @Field(() => [InvitationResult], { description: 'Per-row outcomes, in input order.' })
  results!: InvitationResult[];

  @Field(() => [UserError], { description: 'Failures of the call as a whole (per-row failures are in `results`).' })
  userErrors!: UserError[];
}
