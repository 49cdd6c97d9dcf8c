import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DeadLetterKind {
  WEBHOOK = 'WEBHOOK',
  EMAIL = 'EMAIL',
  WEBHOOK_JOB = 'WEBHOOK_JOB',
  EMAIL_JOB = 'EMAIL_JOB',
  EVALUATION_JOB = 'EVALUATION_JOB',
  RETENTION_JOB = 'RETENTION_JOB',
}
registerEnumType(DeadLetterKind, {
  name: 'DeadLetterKind',
  description: 'What gave up.',
  valuesConfig: {
    WEBHOOK: { description: 'A webhook delivery refused on every attempt (`WEBHOOK_MAX_ATTEMPTS`).' },
    EMAIL: { description: 'An email refused by the relay on every attempt (`EMAIL_MAX_ATTEMPTS`).' },
    WEBHOOK_JOB: { description: 'A webhook job that kept failing as a job (its workers died or could not record it); the delivery may still be PENDING.' },
    EMAIL_JOB: { description: 'An email job that kept failing as a job (its workers died or could not record it); the email may still be PENDING.' },
    EVALUATION_JOB: { description: 'An alert and budget evaluation that kept failing; `itemId` is the organization. The next ingest for it queues a new one.' },
    RETENTION_JOB: { description: 'A scheduled retention run that kept failing; `itemId` is its job id, `retentionRuns` shows the error.' },
  },
});

/** One row of the `job_dead_letters` view (migration 1735100000000-JobQueue): read-only, never synchronized. */
@ObjectType('DeadLetter', { description: 'Background work that gave up, for platform operators to look at (docs/jobs.md).' })
@Entity({ name: 'job_dead_letters', synchronize: false })
export class DeadLetter {
  @PrimaryColumn('text')
  id!: string;

  @Field(() => DeadLetterKind, { description: 'What gave up.' })
  @Column('text')
  kind!: DeadLetterKind;

  @Field({ description: 'The webhook delivery id (its `X-Orgraph-Delivery` header), the email id, the organization id (evaluations) or the job id (retention runs).' })
  @Column('uuid', { name: 'item_id' })
  itemId!: string;

  @Field(() => Int, { description: 'Attempts made (0 for a job that never recorded one).' })
  @Column('int')
  attempts!: number;

  @Field(() => Date, { description: 'When the delivery was queued.' })
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Field({ description: 'Why it gave up, in generic words (what a target answered stays in the server log).' })
  @Column('text')
  reason!: string;
}
