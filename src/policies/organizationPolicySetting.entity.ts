import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SettingKey, SettingValue } from './resolution';

/** One setting the organization has explicitly set (absent rows mean the default applies). */
@Entity('organization_policy_settings')
export class OrganizationPolicySetting {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('text')
  setting!: SettingKey;

  @Column('jsonb')
  value!: SettingValue;

  @Column('boolean')
  locked!: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
