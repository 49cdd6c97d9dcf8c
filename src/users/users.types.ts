import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../core/relay';
import { User } from './user.entity';

export enum AuthMethod {
  PASSWORD = 'PASSWORD',
  SSO = 'SSO',
}
registerEnumType(AuthMethod, {
  name: 'AuthMethod',
  description: 'How a login session was obtained.',
  valuesConfig: {
    PASSWORD: { description: 'Email and password.' },
    SSO: { description: 'Single sign-on through an organization’s identity provider.' },
  },
});

@ObjectType({ description: 'The signed-in user, with everything they belong to.' })
export class Viewer {
  user!: User;
  sessionMethod!: AuthMethod;
}

@InputType({ description: 'Create an account with email and password.' })
export class SignUpInput {
  @Field({ description: 'Email address (case-insensitive, unique).' })
  email!: string;

  @Field({ description: 'Display name, 1–100 characters.' })
  name!: string;

  @Field({ description: 'Password, 10–200 characters. Stored only as an argon2id hash.' })
  password!: string;
}

@InputType({ description: 'Sign in with email and password.' })
export class LoginInput {
  @Field({ description: 'Email address (case-insensitive).' })
  email!: string;

  @Field({ description: 'Password.' })
  password!: string;
}

@ObjectType({ description: 'Result of signing up or logging in.' })
export class SessionPayload {
  @Field(() => String, {
    nullable: true,
    description: 'Bearer token for `Authorization: Bearer <token>`. Shown once; store it safely.',
  })
  token?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the session expires.' })
  expiresAt?: Date | null;

  @Field(() => User, { nullable: true, description: 'The signed-in user.' })
  user?: User | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of logging out.' })
export class LogoutPayload {
  @Field({ description: 'True when the session was revoked by this call.' })
  revoked!: boolean;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}
