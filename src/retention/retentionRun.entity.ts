import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RetentionRunTrigger {
  SCHEDULE = 'SCHEDULE',
  OPERATOR = 'OPERATOR',
}
registerEnumType(RetentionRunTrigger, {
  name: 'RetentionRunTrigger',
  description: 'What started a retention run.',
  valuesConfig: {
    SCHEDULE: { description: 'The `raw-record-retention` job of the schedule (`RETENTION_SCHEDULE`).' },
    OPERATOR: { description: 'An operator’s `applyRawRecordRetention`.' },
  },
});

export enum RetentionRunStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(RetentionRunStatus, {
  name: 'RetentionRunStatus',
  description: 'Where a retention run stands.',
  valuesConfig: {
    RUNNING: { description: 'Started and not finished (or its worker died; the job then runs again as a new run).' },
    SUCCEEDED: { description: 'Finished: the figures say what it did.' },
    FAILED: { description: 'Stopped on an error (`error`); a scheduled run is retried, then dead-lettered.' },
  },
});

/** One row of `retention_runs` (migration 1735400000000-LifecycleJobs). */
@ObjectType('RetentionRun', { description: 'One raw-record retention run, for platform operators (docs/jobs.md).' })
@Entity({ name: 'retention_runs', synchronize: false })
export class RetentionRun {
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => RetentionRunTrigger, { description: 'What started it.' })
  @Column('text')
  trigger!: RetentionRunTrigger;

  @Field(() => String, { nullable: true, description: 'The job that ran it (null for an operator’s run); a dead-lettered retention job names it.' })
  @Column('uuid', { name: 'job_id', nullable: true })
  jobId!: string | null;

  @Field(() => RetentionRunStatus, { description: 'Where it stands.' })
  @Column('text')
  status!: RetentionRunStatus;

  @Field(() => Date, { description: 'When it started.' })
  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it finished (null while running).' })
  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @Field(() => [String], { description: 'Partitions of the current and next two months it made sure exist.' })
  @Column('text', { name: 'partitions_ready', array: true })
  partitionsReady!: string[];

  @Field(() => [String], { description: 'Monthly partitions it detached and dropped whole.' })
  @Column('text', { name: 'dropped_partitions', array: true })
  droppedPartitions!: string[];

  @Field(() => Int, { description: 'Usage records it deleted row by row (organizations with a shorter retention).' })
  @Column('int', { name: 'deleted_usage_records' })
  deletedUsageRecords!: number;

  @Field(() => Int, { description: 'Request records it deleted row by row.' })
  @Column('int', { name: 'deleted_request_records' })
  deletedRequestRecords!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed, as the database said it (operators only).' })
  @Column('text', { nullable: true })
  error!: string | null;
}
