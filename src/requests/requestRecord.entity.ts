import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../core/relay';

export enum RequestStatus {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  description: 'How an inference request ended.',
  valuesConfig: {
    SUCCEEDED: { description: 'The model returned a result.' },
    FAILED: { description: 'The request failed (validation, model or infrastructure error).' },
    CANCELLED: { description: 'The caller cancelled the request before it finished.' },
  },
});

export enum RequestAuthKind {
  API_KEY = 'API_KEY',
  LOGIN = 'LOGIN',
}
registerEnumType(RequestAuthKind, {
  name: 'RequestAuthKind',
  description: 'How the request that the gateway saw was authenticated.',
  valuesConfig: {
    API_KEY: { description: 'With a team API key (the request identity is the key’s owner, if it has one).' },
    LOGIN: { description: 'From the Playground with a personal login (the request identity is that user).' },
  },
});

/** One inference request as the gateway saw it. Payloads are stored as JSON and shown per the visibility rules. */
@Entity('request_records')
@ObjectType('RequestRecord', { implements: Node, description: 'One inference request as the gateway saw it.' })
export class RequestRecord {
  @PrimaryColumn('uuid', { name: 'team_id' })
  teamId!: string;

  @PrimaryColumn('text', { name: 'id' })
  @Field(() => String, { description: 'The gateway’s request id (unique within the team).' })
  requestId!: string;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column('text', { name: 'endpoint_id' })
  @Field(() => String, { description: 'The model endpoint called, e.g. `fal-ai/flux/dev`.' })
  endpointId!: string;

  @Column('text')
  @Field(() => RequestStatus, { description: 'How the request ended.' })
  status!: RequestStatus;

  @Column('integer', { name: 'http_status', nullable: true })
  @Field(() => Int, { nullable: true, description: 'HTTP status the gateway answered with.' })
  httpStatus!: number | null;

  @Column('timestamptz', { name: 'started_at' })
  @Field(() => Date, { description: 'When the gateway received the request.' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the request finished (null while running).' })
  finishedAt!: Date | null;

  @Column('integer', { name: 'queue_ms', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Milliseconds spent queued before a worker picked it up.' })
  queueMs!: number | null;

  @Column('text', { name: 'auth_kind' })
  authKind!: RequestAuthKind;

  @Column('uuid', { name: 'api_key_id', nullable: true })
  apiKeyId!: string | null;

  @Column('uuid', { name: 'key_owner_id', nullable: true })
  keyOwnerId!: string | null;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  @Column('jsonb', { nullable: true, select: false })
  input!: unknown;

  @Column('jsonb', { nullable: true, select: false })
  output!: unknown;

  @Column('integer', { name: 'payload_bytes' })
  @Field(() => Int, { description: 'Size of the stored input and output payloads, in bytes.' })
  payloadBytes!: number;
}
