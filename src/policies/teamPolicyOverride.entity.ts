import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SettingKey, SettingValue } from './resolution';

/** A team's override of a team-scoped setting; kept while the organization locks the setting (it is then inert). */
@Entity('team_policy_overrides')
export class TeamPolicyOverride {
  @PrimaryColumn('uuid', { name: 'team_id' })
  teamId!: string;

  @PrimaryColumn('text')
  setting!: SettingKey;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('jsonb')
  value!: SettingValue;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
