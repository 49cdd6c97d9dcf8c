import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../core/relay';

@InputType({ description: 'How long an organization keeps raw usage and request records.' })
export class SetOrganizationRawRecordRetentionInput {
  @Field(() => ID, { description: 'The organization’s global id.' })
  @MaxLength(200)
  organizationId!: string;

  @Field(() => Int, {
    description:
      'Whole UTC calendar months, 1–120 (default 13). A record leaves once its month ended more than this many months ago; rollups, invoices, budgets and audit are kept.',
  })
  months!: number;
}

@InputType({ description: 'Apply raw-record retention now (it is idempotent; the job queue runs it on `RETENTION_SCHEDULE`, daily by default).' })
export class ApplyRawRecordRetentionInput {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Also create the partitions of the current and next two months (default true).',
  })
  prepareAhead?: boolean | null;
}

@ObjectType({ description: 'What one retention run prepared and removed.' })
export class ApplyRawRecordRetentionPayload {
  @Field(() => [String], { description: 'Partitions of the current and next two months it made sure exist (empty with prepareAhead false).' })
  partitionsReady!: string[];

  @Field(() => [String], { description: 'Monthly partitions detached and dropped whole (every organization had let that month go).' })
  droppedPartitions!: string[];

  @Field(() => Int, { description: 'Usage records deleted row by row for organizations with a shorter retention than others sharing the month.' })
  deletedUsageRecords!: number;

  @Field(() => Int, { description: 'Request records deleted row by row, likewise.' })
  deletedRequestRecords!: number;

  @Field(() => [UserError], { description: 'Why the run failed, if it did.' })
  userErrors!: UserError[];
}
