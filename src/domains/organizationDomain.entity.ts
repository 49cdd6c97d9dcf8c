import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../core/relay';

export enum DomainStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
}
registerEnumType(DomainStatus, {
  name: 'DomainStatus',
  description: 'Whether Orgraph has found the domain’s DNS TXT proof.',
  valuesConfig: {
    PENDING: { description: 'Declared but not proven: it links and provisions nobody through SSO.' },
    VERIFIED: { description: 'Proven by the DNS TXT record: the organization’s SSO may link and provision its addresses.' },
  },
});

/** The DNS name under which the proof is published, and the value it must hold. */
export const CHALLENGE_LABEL = '_orgraph-challenge';
export const CHALLENGE_PREFIX = 'orgraph-domain-verification=';

/**
 * An email domain an organization claims. It counts (SSO may link or provision its addresses) only once proven by a
 * DNS TXT record holding the token Orgraph issued, and a proven domain belongs to one organization at a time.
 */
@Entity('organization_domains')
@ObjectType('OrganizationDomain', {
  implements: Node,
  description: 'An email domain claimed by an organization, with the DNS TXT record that proves it (organization ADMIN).',
})
export class OrganizationDomain {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text')
  @Field(() => String, { description: 'The domain, lower-case ASCII (internationalized names in their xn-- form), e.g. `example.com`.' })
  domain!: string;

  @Column('text', { name: 'verification_token' })
  verificationToken!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => Date, { description: 'When the domain was added.' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'verified_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When Orgraph found the TXT proof (null while pending).' })
  verifiedAt!: Date | null;
}
