import { Field, ObjectType } from 'type-graphql';
import { Team } from '../teams/team.entity';
import { TeamRole } from '../teams/teamMembership.entity';

/** A team a person belongs to (or will belong to, once an invite is accepted), with their role there. */
@ObjectType({ description: 'A team and the person’s role in it.' })
export class TeamAssignment {
  @Field(() => Team, { description: 'The team.' })
  team!: Team;

  @Field(() => TeamRole, { description: 'The role in that team.' })
  role!: TeamRole;
}
