import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection, UserError } from '../core/relay';
import { Team } from './team.entity';

export const TeamConnection = Connection(Team, 'Team', 'A page of teams.');
export type TeamConnection = InstanceType<typeof TeamConnection>;

@InputType({ description: 'Create a team inside an organization.' })
export class CreateTeamInput {
  @Field(() => ID, { description: 'The organization’s global id.' })
  organizationId!: string;

  @Field({
    description:
      'Platform-wide unique handle: 3–39 characters of lowercase letters, digits and single hyphens, starting with a letter, not ending with a hyphen.',
  })
  username!: string;

  @Field({ description: 'Display name, 1–100 characters.' })
  name!: string;
}

@InputType({ description: 'Rename a team.' })
export class RenameTeamInput {
  @Field(() => ID, { description: 'The team’s global id.' })
  teamId!: string;

  @Field({ description: 'New display name, 1–100 characters.' })
  name!: string;
}

@InputType({ description: 'Archive a team: its keys stop working and models are denied; its history stays.' })
export class ArchiveTeamInput {
  @Field(() => ID, { description: 'The team’s global id.' })
  teamId!: string;
}

@InputType({ description: 'Bring an archived team back: its unrevoked keys work again and it reappears in listings.' })
export class UnarchiveTeamInput {
  @Field(() => ID, { description: 'The team’s global id.' })
  teamId!: string;
}

@ObjectType({ description: 'Result of a team mutation.' })
export class TeamPayload {
  @Field(() => Team, { nullable: true, description: 'The team after the change.' })
  team?: Team | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}
