import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../core/relay';

@Entity('users')
@ObjectType('User', { implements: Node, description: 'A person who signs in to Orgraph (password or SSO).' })
export class User {
  /** Database id; the GraphQL `id` is the opaque global id built from it. */
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  @Field({ description: 'Email address; unique platform-wide, compared case-insensitively.' })
  email!: string;

  @Column('text')
  @Field({ description: 'Display name.' })
  name!: string;

  @Column('text', { name: 'password_hash', nullable: true, select: false })
  passwordHash!: string | null;

  /** When the owner last proved the mailbox (emailed link used); null: never (see mailboxProof.ts). */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true, select: false })
  emailVerifiedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field({ description: 'When the user signed up.' })
  createdAt!: Date;
}
