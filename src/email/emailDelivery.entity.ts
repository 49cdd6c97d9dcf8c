import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../core/relay';

export enum EmailDeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(EmailDeliveryStatus, {
  name: 'EmailDeliveryStatus',
  description: 'Where an email is in its delivery.',
  valuesConfig: {
    PENDING: { description: 'Queued, or refused and waiting for its next attempt.' },
    SENT: { description: 'Accepted by the mail relay.' },
    FAILED: { description: 'Refused on every attempt; no further attempts are made.' },
  },
});

export enum EmailKindValue {
  INVITE = 'INVITE',
  ALERT_FIRED = 'ALERT_FIRED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  SIGN_UP_CONFIRMATION = 'SIGN_UP_CONFIRMATION',
  SIGN_UP_EXISTING = 'SIGN_UP_EXISTING',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  OTHER = 'OTHER',
}
registerEnumType(EmailKindValue, {
  name: 'EmailKind',
  description: 'Which template an email was written from.',
  valuesConfig: {
    INVITE: { description: 'An invitation to an organization or team, with its expiry.' },
    ALERT_FIRED: { description: 'A spending alert crossed its threshold.' },
    PASSWORD_RESET: { description: 'A password reset link.' },
    SIGN_UP_CONFIRMATION: { description: 'A link confirming a new account’s email address.' },
    SIGN_UP_EXISTING: { description: 'A sign-up was tried with an address that already has an account.' },
    PASSWORD_CHANGED: { description: 'Notice that the account’s password changed.' },
    OTHER: { description: 'Anything else (emails queued before kinds were recorded).' },
  },
});

/**
 * One email of the outbox with its delivery state. The body (which may carry a one-time link) is never exposed:
 * admins see who it went to, what it was about and whether it arrived.
 */
@Entity('email_outbox')
@ObjectType('EmailDelivery', { implements: Node, description: 'One email Orgraph sent (or is sending) for the organization, with its delivery state.' })
export class EmailDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  @Field(() => EmailKindValue, { description: 'Which template the email was written from.' })
  kind!: EmailKindValue;

  @Column('text')
  @Field(() => String, { description: 'The recipient’s address.' })
  recipient!: string;

  @Column('text')
  @Field(() => String, { description: 'The subject line.' })
  subject!: string;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column('uuid', { name: 'invite_id', nullable: true })
  inviteId!: string | null;

  @Column('text')
  @Field(() => EmailDeliveryStatus, { description: 'Delivery state.' })
  status!: EmailDeliveryStatus;

  @Column('int')
  @Field(() => Int, { description: 'Delivery attempts made so far.' })
  attempts!: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column('text', { name: 'last_error', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the last attempt was refused (the relay’s SMTP answer or the network error), if it was.' })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When the email was queued.' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the relay accepted it.' })
  sentAt!: Date | null;
}
