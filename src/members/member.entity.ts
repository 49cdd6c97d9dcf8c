import { ViewColumn, ViewEntity } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../core/relay';
import { OrganizationRole } from '../organizations/organizationMembership.entity';

export enum MemberStatus {
  ACTIVE = 'ACTIVE',
  PENDING = 'PENDING',
  UNASSIGNED = 'UNASSIGNED',
}
registerEnumType(MemberStatus, {
  name: 'MemberStatus',
  description: 'Where a person stands in an organization.',
  valuesConfig: {
    ACTIVE: { description: 'A member assigned to at least one live team.' },
    PENDING: { description: 'Invited; the invite is open and not yet accepted.' },
    UNASSIGNED: { description: 'A member of the organization who belongs to no live team.' },
  },
});

/**
 * A row of the `organization_members` view: an organization membership, or an open invite (PENDING). The id is the
 * membership id or the invite id.
 */
@ViewEntity({ name: 'organization_members', synchronize: false })
@ObjectType('Member', {
  implements: Node,
  description: 'A person in an organization: a member, or someone with an open invite (status PENDING).',
})
export class Member {
  @ViewColumn()
  id!: string;

  @ViewColumn({ name: 'organization_id' })
  organizationId!: string;

  @ViewColumn({ name: 'user_id' })
  userId!: string | null;

  @ViewColumn({ name: 'invite_id' })
  inviteId!: string | null;

  @ViewColumn()
  @Field(() => String, { description: 'Email address (the invited address for PENDING members).' })
  email!: string;

  @ViewColumn()
  @Field(() => OrganizationRole, { description: 'Organization role (the role the invite grants, for PENDING members).' })
  role!: OrganizationRole;

  @ViewColumn()
  @Field(() => MemberStatus, { description: 'ACTIVE, UNASSIGNED or PENDING.' })
  status!: MemberStatus;

  @ViewColumn({ name: 'created_at' })
  @Field(() => Date, { description: 'When the person joined (or was invited, for PENDING members).' })
  createdAt!: Date;
}
