import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../core/relay';

/** A per-organization SCIM bearer token. The secret is shown once; only its SHA-256 is stored. */
@Entity('scim_tokens')
@ObjectType('ScimToken', { implements: Node, description: 'A bearer token an identity provider uses on /scim/v2 for one organization (the secret is never shown again after creation).' })
export class ScimToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'token_hash', select: false })
  tokenHash!: string;

  @Column('text', { name: 'token_hint' })
  @Field({ description: 'The last four characters of the token, to tell tokens apart.' })
  tokenHint!: string;

  @Column('text')
  @Field({ description: 'What the token is for, e.g. "Okta production".' })
  description!: string;

  @Column('uuid', { name: 'created_by_user_id', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field({ description: 'When the token was created.' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Last SCIM request made with it (updated at most once a minute).' })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was revoked (or rotated); a revoked token no longer authenticates.' })
  revokedAt!: Date | null;
}
