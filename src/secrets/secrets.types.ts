import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection, UserError } from '../core/relay';
import { TeamSecret } from './teamSecret.entity';

export const TeamSecretConnection = Connection(TeamSecret, 'TeamSecret', 'A page of team secrets (names and timestamps only).');
export type TeamSecretConnection = InstanceType<typeof TeamSecretConnection>;

@ArgsType()
export class TeamSecretsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;
}

@InputType({ description: 'Create a secret, or replace its value.' })
export class SetTeamSecretInput {
  @Field(() => ID, { description: 'The team’s global id.' })
  teamId!: string;

  @Field(() => String, { description: 'Name: 1–128 uppercase letters, digits and underscores, not starting with a digit.' })
  name!: string;

  @Field(() => String, { description: 'The value, 1 byte to 64 KiB. Write-only: it is never returned.' })
  value!: string;
}

@InputType({ description: 'Delete a secret.' })
export class DeleteTeamSecretInput {
  @Field(() => ID, { description: 'The team’s global id.' })
  teamId!: string;

  @Field(() => String, { description: 'The secret’s name.' })
  name!: string;
}

@ObjectType({ description: 'Result of setting a secret.' })
export class TeamSecretPayload {
  @Field(() => TeamSecret, { nullable: true, description: 'The secret (name and timestamps).' })
  secret?: TeamSecret | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of deleting a secret.' })
export class DeleteTeamSecretPayload {
  @Field(() => String, { nullable: true, description: 'Name of the deleted secret.' })
  deletedName?: string | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}
