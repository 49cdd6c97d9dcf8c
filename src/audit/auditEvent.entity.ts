import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../core/relay';

/** One append-only audit record; the database trigger refuses UPDATE and DELETE, and the API offers neither. */
@Entity('audit_events')
@ObjectType('AuditEvent', { implements: Node, description: 'One recorded change: who did what to which object, when, from where.' })
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column('uuid', { name: 'team_id', nullable: true })
  teamId!: string | null;

  @Column('text', { name: 'actor_type' })
  @Field(() => String, { description: 'Kind of actor: USER, API_KEY, OPERATOR, INGEST or ANONYMOUS.' })
  actorType!: string;

  @Column('text', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  /** The machine label written with the event (`user:<id>`, `key:<key_id>`); the API shows a readable one. */
  @Column('text', { name: 'actor_label' })
  actorLabel!: string;

  @Column('text', { name: 'auth_method' })
  @Field(() => String, { description: 'How the actor authenticated: PASSWORD, SSO, API_KEY_API, API_KEY_ADMIN, OPERATOR_TOKEN…' })
  authMethod!: string;

  @Column('text')
  @Field(() => String, { description: 'What happened, e.g. `member.updateRole`, `apiKey.create`, `invite.accept`.' })
  action!: string;

  @Column('text', { name: 'target_type' })
  @Field(() => String, { description: 'Type of the object changed, e.g. `User`, `ApiKey`, `Invite`.' })
  targetType!: string;

  @Column('text', { name: 'target_id', nullable: true })
  targetId!: string | null;

  @Column('jsonb')
  changes!: Record<string, { before: unknown; after: unknown }>;

  @Column('text', { name: 'request_id', nullable: true })
  @Field(() => String, { nullable: true, description: 'Request id of the API call that made the change (also in its logs).' })
  requestId!: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Client IP address of that call.' })
  ip!: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'clock_timestamp()' })
  @Field(() => Date, { description: 'When the change was committed.' })
  createdAt!: Date;
}
