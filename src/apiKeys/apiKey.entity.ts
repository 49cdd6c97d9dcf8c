import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../core/relay';

export enum ApiKeyScope {
  API = 'API',
  ADMIN = 'ADMIN',
}
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What a key may do: `API` calls models only; `ADMIN` also administers its team (and, on an organization root team, the whole organization).',
  valuesConfig: {
    API: { description: 'Model calls only; nothing administrative.' },
    ADMIN: { description: 'Administrative access to the key’s team; on a root team, organization admin.' },
  },
});

/** A team API key. The secret is shown once at creation; only its SHA-256 is stored. */
@Entity('api_keys')
@ObjectType('ApiKey', { implements: Node, description: 'A team API key (the secret is never shown again after creation).' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { name: 'key_id' })
  @Field({ description: 'Public part of the key (`key_id` in `key_id:key_secret`); safe to show and log.' })
  keyId!: string;

  @Column('uuid', { name: 'team_id' })
  teamId!: string;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column('text')
  @Field(() => ApiKeyScope, { description: 'What the key may do.' })
  scope!: ApiKeyScope;

  @Column('text')
  @Field({ description: 'Human label, 1–255 characters.' })
  alias!: string;

  @Column('bytea', { name: 'secret_hash', select: false })
  secretHash!: Buffer;

  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Column('uuid', { name: 'created_by_user_id', nullable: true })
  createdByUserId!: string | null;

  /** The key that minted this one (when a key, not a person, called createApiKey). */
  @Column('uuid', { name: 'created_by_api_key_id', nullable: true })
  createdByApiKeyId!: string | null;

  /** When the key was handed to another member because its creator or owner left (see ApiKeysService.settleKeysOf). */
  @Column('timestamptz', { name: 'transferred_at', nullable: true })
  transferredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field({ description: 'When the key was created.' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Last successful authentication (updated at most every few seconds).' })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the key stops working; null = never.' })
  expiresAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the key was revoked; revoked keys never authenticate again.' })
  revokedAt!: Date | null;
}
