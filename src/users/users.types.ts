import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
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

  @Field(() => Boolean, {
    nullable: true,
    description:
      'On a server that confirms sign-ups by email, `signUp` answers true, with no token. The answer is the same whether or not the address already has an account; the email says which (a confirmation link, or a note with a password reset link).',
  })
  confirmationSent?: boolean | null;

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

@InputType({ description: 'The token from a sign-up confirmation email.' })
export class ConfirmSignUpInput {
  @Field(() => String, { description: 'The token from the confirmation link (the `token` of its fragment).' })
  @MaxLength(200)
  token!: string;
}

@InputType({ description: 'Change the signed-in user’s password.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The current password.' })
  @MaxLength(200)
  currentPassword!: string;

  @Field(() => String, { description: 'The new password, 10–200 characters.' })
  @MaxLength(200)
  newPassword!: string;
}

@ObjectType({ description: 'Result of changing the password.' })
export class ChangePasswordPayload {
  @Field(() => Int, { nullable: true, description: 'How many other sessions of the user were ended (the current one stays).' })
  endedSessions?: number | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Ask for a password reset link by email.' })
export class RequestPasswordResetInput {
  @Field(() => String, { description: 'The account’s email address (case-insensitive).' })
  @MaxLength(254)
  email!: string;
}

@ObjectType({ description: 'Result of asking for a password reset: the same whether or not the address has an account.' })
export class RequestPasswordResetPayload {
  @Field(() => Boolean, { description: 'Always true: if the address has an account, a reset link valid for 1 hour was emailed to it.' })
  accepted!: boolean;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Set a new password with the token from a reset email.' })
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token from the reset link (the `token` of its fragment); it works once, for 1 hour.' })
  @MaxLength(200)
  token!: string;

  @Field(() => String, { description: 'The new password, 10–200 characters.' })
  @MaxLength(200)
  newPassword!: string;
}

@ObjectType({ description: 'Result of resetting the password.' })
export class ResetPasswordPayload {
  @Field(() => Boolean, { nullable: true, description: 'True when the password was set; every session of the account was ended (sign in again).' })
  passwordReset?: boolean | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of signing out everywhere.' })
export class SignOutEverywherePayload {
  @Field(() => Int, { nullable: true, description: 'How many sessions were ended, the one of this request included.' })
  endedSessions?: number | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}
