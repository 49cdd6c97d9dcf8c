import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Connection, UserError } from '../core/relay';
import { User } from '../users/user.entity';
import { RequestAuthKind, RequestRecord, RequestStatus } from './requestRecord.entity';

export const RequestRecordConnection = Connection(RequestRecord, 'RequestRecord', 'A page of request records, newest first.');
export type RequestRecordConnection = InstanceType<typeof RequestRecordConnection>;

export enum PayloadHiddenReason {
  NOT_YOUR_REQUEST = 'NOT_YOUR_REQUEST',
  METADATA_ONLY_ROLE = 'METADATA_ONLY_ROLE',
}
registerEnumType(PayloadHiddenReason, {
  name: 'PayloadHiddenReason',
  description: 'Why a listed request’s payload is not shown to you.',
  valuesConfig: {
    NOT_YOUR_REQUEST: { description: 'Restricted request view: only the request’s own identity and admins may open it.' },
    METADATA_ONLY_ROLE: { description: 'Your role (organization BILLING) sees request metadata for spend analysis, not payloads.' },
  },
});

@ObjectType({ description: 'Who made a request, as the gateway authenticated it.' })
export class RequestIdentity {
  @Field(() => RequestAuthKind, { description: 'API key or Playground login.' })
  kind!: RequestAuthKind;

  @Field(() => String, { nullable: true, description: 'Public id of the API key used (API_KEY requests).' })
  keyId!: string | null;

  @Field(() => User, { nullable: true, description: 'Owner of the key at request time; null for unowned keys, which match nobody.' })
  keyOwner!: User | null;

  @Field(() => User, { nullable: true, description: 'The signed-in user (LOGIN requests).' })
  user!: User | null;
}

@ObjectType({ description: 'A request’s input and output as JSON.' })
export class RequestPayload {
  @Field(() => GraphQLJSON, { nullable: true, description: 'The request body the caller sent.' })
  input!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The result the model returned.' })
  output!: unknown;
}

@InputType({ description: 'Requests made by one identity: a user (their Playground requests and requests with keys they own) or one key.' })
export class RequestIdentityFilter {
  @Field(() => ID, { nullable: true, description: 'A user’s global id.' })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: 'A key’s public id (`ogk_…`).' })
  keyId?: string | null;
}

@InputType({ description: 'Narrow a team’s request log.' })
export class RequestFilter {
  @Field(() => [String], { nullable: true, description: 'Only these endpoint ids (1–50).' })
  endpointIds?: string[] | null;

  @Field(() => [RequestStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: RequestStatus[] | null;

  @Field(() => Date, { nullable: true, description: 'Requests started at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Requests started before this instant (exclusive).' })
  to?: Date | null;

  @Field(() => RequestIdentityFilter, { nullable: true, description: 'Only requests of this identity.' })
  identity?: RequestIdentityFilter | null;
}

@InputType({ description: 'How the gateway authenticated a request.' })
export class RequestAuthInput {
  @Field(() => RequestAuthKind, { description: 'API key or Playground login.' })
  kind!: RequestAuthKind;

  @Field(() => String, { nullable: true, description: 'Public key id (`ogk_…`) for API_KEY requests; the key must belong to the team.' })
  keyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the signed-in user for LOGIN requests.' })
  userId?: string | null;
}

@InputType({ description: 'One request record from the gateway. The id makes retries idempotent.' })
export class RequestRecordInput {
  @Field(() => String, { description: 'The gateway’s request id, 1–200 characters, unique within the team.' })
  id!: string;

  @Field(() => String, { description: 'Username of the team the request ran under.' })
  teamUsername!: string;

  @Field(() => String, { description: 'Endpoint id called.' })
  endpointId!: string;

  @Field(() => RequestStatus, { description: 'How the request ended.' })
  status!: RequestStatus;

  @Field(() => Int, { nullable: true, description: 'HTTP status answered.' })
  httpStatus?: number | null;

  @Field(() => Date, { description: 'When the gateway received it (at most 5 minutes in the future).' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it finished.' })
  finishedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds queued.' })
  queueMs?: number | null;

  @Field(() => RequestAuthInput, { description: 'How the request was authenticated.' })
  auth!: RequestAuthInput;

  @Field(() => String, { nullable: true, description: 'The request body as JSON text (size-limited; never truncated).' })
  input?: string | null;

  @Field(() => String, { nullable: true, description: 'The model output as JSON text (size-limited; never truncated).' })
  output?: string | null;
}

@InputType({ description: 'A batch of request records (1–1,000) from the gateway.' })
export class IngestRequestsInput {
  @Field(() => [RequestRecordInput], { description: 'The records; each is validated on its own.' })
  records!: RequestRecordInput[];
}

@ObjectType({ description: 'A record of the batch that was refused, and why.' })
export class IngestRejection {
  @Field(() => Int, { description: 'Position of the record in the batch (0-based).' })
  index!: number;

  @Field(() => String, { description: 'The record field at fault.' })
  field!: string;

  @Field(() => String, { description: 'Stable code, e.g. `UNKNOWN_TEAM`, `PAYLOAD_TOO_LARGE`, `INVALID_JSON`, `FUTURE_TIMESTAMP`.' })
  code!: string;

  @Field(() => String, { description: 'What is wrong, for a person.' })
  message!: string;
}

@ObjectType({ description: 'Outcome of a request-record batch: valid records are kept even when others are refused.' })
export class IngestRequestsPayload {
  @Field(() => Int, { nullable: true, description: 'Records stored by this call (null when the batch itself was refused).' })
  accepted?: number | null;

  @Field(() => Int, { nullable: true, description: 'Records whose id was already stored (retries); ignored.' })
  duplicates?: number | null;

  @Field(() => [IngestRejection], { nullable: true, description: 'Refused records with reasons.' })
  rejected?: IngestRejection[] | null;

  @Field(() => [UserError], { description: 'Batch-level failures (e.g. an empty or oversized batch).' })
  userErrors!: UserError[];
}
