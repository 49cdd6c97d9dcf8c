import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection, UserError } from '../core/relay';
import { ApiKey, ApiKeyScope } from './apiKey.entity';

export const ApiKeyConnection = Connection(ApiKey, 'ApiKey', 'A page of API keys (never their secrets).');
export type ApiKeyConnection = InstanceType<typeof ApiKeyConnection>;

@ArgsType()
export class ApiKeysArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include revoked keys (default false).' })
  includeRevoked?: boolean | null;
}

@InputType({ description: 'Create an API key on a team.' })
export class CreateApiKeyInput {
  @Field(() => ID, { description: 'The team’s global id.' })
  teamId!: string;

  @Field(() => String, { description: 'Human label, 1–255 characters.' })
  alias!: string;

  @Field(() => ApiKeyScope, { description: 'API (model calls only) or ADMIN (administers the team).' })
  scope!: ApiKeyScope;

  @Field(() => ID, { nullable: true, description: 'A member of the team the key acts for (a User global id); requests are attributed to them.' })
  ownerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; must be in the future. Null = never.' })
  expiresAt?: Date | null;
}

@InputType({ description: 'Revoke an API key; it stops working at once.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: 'The key’s global id.' })
  apiKeyId!: string;
}

@ObjectType({ description: 'Result of creating an API key: the only time the full key is shown.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The new key (without its secret).' })
  apiKey?: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description: 'The full credential `key_id:key_secret`, shown exactly once; send it as `Authorization: Key <key>`.',
  })
  key?: string | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of an API key mutation.' })
export class ApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key after the change.' })
  apiKey?: ApiKey | null;

  @Field(() => [UserError], { description: 'Why the operation failed, if it did.' })
  userErrors!: UserError[];
}
