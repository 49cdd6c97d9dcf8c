import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../core/relay';
import { AuditEvent } from './auditEvent.entity';

export const AuditEventConnection = Connection(AuditEvent, 'AuditEvent', 'A page of audit events, newest first.');
export type AuditEventConnection = InstanceType<typeof AuditEventConnection>;

@ObjectType({ description: 'One changed field: its value before and after, as JSON text (secrets never appear).' })
export class AuditChange {
  @Field(() => String, { description: 'The field name.' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'JSON of the value before the change (null when it did not exist).' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the value after the change (null when removed).' })
  after!: string | null;
}

@InputType({ description: 'Narrows the audit log; all given conditions must hold.' })
export class AuditLogFilterInput {
  @Field(() => Date, { nullable: true, description: 'Only events at or after this time.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only events before this time.' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'Only events by this actor: a User global id, a user’s email, or an API key id (`ogk_…`).' })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this action (`apiKey.create`), or every action under a prefix ending in a dot (`member.`).' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Only events about this object (its global id).' })
  target?: string | null;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => AuditLogFilterInput, { nullable: true, description: 'Filters.' })
  filter?: AuditLogFilterInput | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;
}
