import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';

export enum OrganizationRole {
  ADMIN = 'ADMIN',
  BILLING = 'BILLING',
  MEMBER = 'MEMBER',
}
registerEnumType(OrganizationRole, {
  name: 'OrganizationRole',
  description: 'A person’s role in an organization.',
  valuesConfig: {
    ADMIN: { description: 'Manages the organization, its policies and every team (acts as ADMIN on every team).' },
    BILLING: { description: 'Sees usage, invoices and spending across all teams; changes nothing else.' },
    MEMBER: { description: 'Belongs to the organization; rights come from team roles.' },
  },
});

@Entity('organization_memberships')
export class OrganizationMembership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  role!: OrganizationRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
