import { badRequest } from './scimErrors';
import type { FilterVocabulary } from './scimFilter';
import { isEmailAddress } from '../core/email';

/** Schema URNs of RFC 7643/7644 this service speaks. */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SPC_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
export const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
export const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export const MAX_RESULTS = 200;

/**
 * Every attribute RFC 7643 §4.1 defines on a User. Those Orgraph keeps are stored; the others (title, phoneNumbers,
 * addresses…) are accepted and ignored so an identity provider's default attribute mapping works unchanged. A name
 * that is in none of these (nor an extension the request declares) is rejected as unknown.
 */
const USER_ATTRIBUTES = [
  'schemas', 'id', 'externalId', 'meta', 'userName', 'name', 'displayName', 'nickName', 'profileUrl', 'title', 'userType',
  'preferredLanguage', 'locale', 'timezone', 'active', 'password', 'emails', 'phoneNumbers', 'ims', 'photos', 'addresses',
  'groups', 'entitlements', 'roles', 'x509Certificates',
];
const NAME_ATTRIBUTES = ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'];
const GROUP_ATTRIBUTES = ['schemas', 'id', 'externalId', 'meta', 'displayName', 'members'];

export const USER_FILTERS: FilterVocabulary = {
  attributes: ['id', 'userName', 'externalId', 'active', 'displayName', 'name.givenName', 'name.familyName', 'name.formatted', 'emails', 'emails.value', 'emails.type', 'emails.primary', 'meta.created', 'meta.lastModified'],
  caseInsensitive: ['userName', 'emails.value'],
};
export const GROUP_FILTERS: FilterVocabulary = {
  attributes: ['id', 'displayName', 'externalId', 'members', 'members.value', 'meta.created', 'meta.lastModified'],
  caseInsensitive: ['displayName'],
};


/** Schemas a request may declare besides the core one: the enterprise User extension, and the Microsoft group schema Entra ID lists on every Group it creates (no attributes of its own are sent). */
const TOLERATED_SCHEMAS: Record<string, string[]> = {
  [USER_SCHEMA.toLowerCase()]: [ENTERPRISE_USER_SCHEMA.toLowerCase()],
  [GROUP_SCHEMA.toLowerCase()]: ['http://schemas.microsoft.com/2006/11/resourcemanagement/adscim/2.0/group'],
};

export interface UserInput {
  userName: string;
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  active: boolean;
}

export interface GroupInput {
  displayName: string;
  externalId: string | null;
  /** SCIM ids of User resources; null when the body does not mention members (leave them as they are). */
  members: string[] | null;
}

/** Validates a User body (POST, PUT, or the result of applying a PATCH). */
export function parseUserInput(body: unknown): UserInput {
  const object = resourceBody(body, USER_SCHEMA, USER_ATTRIBUTES);
  const userName = text(object.userName, 'userName', 254, true)!.trim().toLowerCase();
  if (!isEmailAddress(userName)) throw badRequest('invalidValue', 'userName must be the person’s email address (Orgraph identifies members by email).');
  const name = object.name;
  if (name !== undefined && name !== null && (typeof name !== 'object' || Array.isArray(name))) throw badRequest('invalidValue', 'name must be a complex attribute (an object).');
  const nameObject = knownKeys((name ?? {}) as Record<string, unknown>, NAME_ATTRIBUTES, 'name.');
  return {
    userName,
    externalId: text(object.externalId, 'externalId', 255),
    givenName: text(nameObject.givenName, 'name.givenName', 100),
    familyName: text(nameObject.familyName, 'name.familyName', 100),
    displayName: text(object.displayName, 'displayName', 256),
    active: object.active === undefined || object.active === null ? true : booleanValue(object.active, 'active'),
  };
}

/** Validates a Group body (POST, PUT, or the result of applying a PATCH). */
export function parseGroupInput(body: unknown): GroupInput {
  const object = resourceBody(body, GROUP_SCHEMA, GROUP_ATTRIBUTES);
  const displayName = text(object.displayName, 'displayName', 200, true)!.trim();
  if (!displayName) throw badRequest('invalidValue', 'displayName is required.');
  let members: string[] | null = null;
  if (object.members !== undefined && object.members !== null) {
    if (!Array.isArray(object.members)) throw badRequest('invalidValue', 'members must be an array of { "value": "<user id>" }.');
    if (object.members.length > 10_000) throw badRequest('tooMany', 'A group may be sent with at most 10000 members per request.');
    members = object.members.map((member) => {
      const value = member && typeof member === 'object' ? (member as Record<string, unknown>).value : undefined;
      if (typeof value !== 'string' || !value) throw badRequest('invalidValue', 'Each member needs a "value": the SCIM id of a User.');
      return value;
    });
  }
  return { displayName, externalId: text(object.externalId, 'externalId', 255), members };
}

/** SCIM booleans, and the strings Entra ID sends for them ("True", "False"). */
export function booleanValue(value: unknown, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw badRequest('invalidValue', `${attribute} must be a boolean.`);
}

function resourceBody(body: unknown, schema: string, attributes: string[]): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('invalidSyntax', 'The request body must be a JSON object.');
  const object = body as Record<string, unknown>;
  const schemas = object.schemas;
  if (!Array.isArray(schemas) || !schemas.every((item) => typeof item === 'string')) {
    throw badRequest('invalidSyntax', `The body must list its schemas, including "${schema}".`);
  }
  const declared = new Set((schemas).map((item) => item.toLowerCase()));
  if (!declared.has(schema.toLowerCase())) throw badRequest('invalidSyntax', `The body's schemas must include "${schema}".`);
  for (const urn of declared) {
    if (urn !== schema.toLowerCase() && !TOLERATED_SCHEMAS[schema.toLowerCase()].includes(urn)) {
      throw badRequest('invalidValue', `Unsupported schema ${JSON.stringify(urn)}.`);
    }
  }
  // Extension attributes live under their schema URN; the enterprise extension is accepted (and not stored).
  const core: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (key.toLowerCase().startsWith('urn:')) {
      if (!declared.has(key.toLowerCase())) throw badRequest('invalidSyntax', `Unknown attribute ${JSON.stringify(key)} (its schema is not in "schemas").`);
      continue;
    }
    core[key] = value;
  }
  return knownKeys(core, attributes, '');
}

/** Re-keys an object by canonical attribute names (names are case-insensitive) and refuses unknown ones. */
function knownKeys(object: Record<string, unknown>, attributes: string[], prefix: string): Record<string, unknown> {
  const canonical = new Map(attributes.map((attribute) => [attribute.toLowerCase(), attribute]));
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const name = canonical.get(key.toLowerCase());
    if (!name) throw badRequest('invalidSyntax', `Unknown attribute ${JSON.stringify(prefix + key)}.`);
    result[name] = value;
  }
  return result;
}

function text(value: unknown, attribute: string, max: number, required = false): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw badRequest('invalidValue', `${attribute} is required.`);
    return null;
  }
  if (typeof value !== 'string') throw badRequest('invalidValue', `${attribute} must be a string.`);
  if (value.length > max) throw badRequest('invalidValue', `${attribute} may be at most ${max} characters.`);
  return value;
}

/** `/ServiceProviderConfig` (RFC 7643 §5). */
export function serviceProviderConfig(baseUrl: string, documentationUri: string | null) {
  return {
    schemas: [SPC_SCHEMA],
    ...(documentationUri ? { documentationUri } : {}),
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'A per-organization SCIM token created by an organization admin (GraphQL `createScimToken`), sent as `Authorization: Bearer <token>`.',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

/** `/ResourceTypes` (RFC 7643 §6). */
export function resourceTypes(baseUrl: string) {
  return [
    { schemas: [RESOURCE_TYPE_SCHEMA], id: 'User', name: 'User', endpoint: '/Users', description: 'An organization member, identified by email (userName).', schema: USER_SCHEMA, meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` } },
    { schemas: [RESOURCE_TYPE_SCHEMA], id: 'Group', name: 'Group', endpoint: '/Groups', description: 'A group of members; an organization admin maps it to a team and a role.', schema: GROUP_SCHEMA, meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` } },
  ];
}

interface AttributeOptions {
  type?: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime';
  multiValued?: boolean;
  required?: boolean;
  caseExact?: boolean;
  mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned?: 'always' | 'never' | 'default' | 'request';
  uniqueness?: 'none' | 'server' | 'global';
  subAttributes?: object[];
  referenceTypes?: string[];
}

function attr(name: string, description: string, options: AttributeOptions = {}) {
  return {
    name,
    type: options.type ?? 'string',
    multiValued: options.multiValued ?? false,
    description,
    required: options.required ?? false,
    caseExact: options.caseExact ?? false,
    mutability: options.mutability ?? 'readWrite',
    returned: options.returned ?? 'default',
    uniqueness: options.uniqueness ?? 'none',
    ...(options.subAttributes ? { subAttributes: options.subAttributes } : {}),
    ...(options.referenceTypes ? { referenceTypes: options.referenceTypes } : {}),
  };
}

/** `/Schemas` (RFC 7643 §7): the attributes Orgraph stores and returns. */
export function schemas(baseUrl: string) {
  return [
    {
      schemas: [SCHEMA_SCHEMA],
      id: USER_SCHEMA,
      name: 'User',
      description: 'An organization member.',
      attributes: [
        attr('userName', 'The member’s email address; unique; must be in one of the organization’s proven domains.', { required: true, uniqueness: 'server' }),
        attr('name', 'The member’s name.', {
          type: 'complex',
          subAttributes: [attr('givenName', 'Given name.'), attr('familyName', 'Family name.'), attr('formatted', 'Full name, as displayed.', { mutability: 'readOnly' })],
        }),
        attr('displayName', 'Name shown in Orgraph.'),
        attr('active', 'false deprovisions: memberships, sessions and owned API keys end; true restores the organization membership.', { type: 'boolean' }),
        attr('emails', 'The member’s email (the userName).', {
          multiValued: true,
          type: 'complex',
          mutability: 'readOnly',
          subAttributes: [attr('value', 'Email address.'), attr('type', 'Always "work".'), attr('primary', 'Always true.', { type: 'boolean' })],
        }),
        attr('groups', 'Groups the member belongs to.', {
          multiValued: true,
          type: 'complex',
          mutability: 'readOnly',
          subAttributes: [attr('value', 'Group id.', { mutability: 'readOnly' }), attr('display', 'Group name.', { mutability: 'readOnly' })],
        }),
      ],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${USER_SCHEMA}` },
    },
    {
      schemas: [SCHEMA_SCHEMA],
      id: GROUP_SCHEMA,
      name: 'Group',
      description: 'A group of members, mapped to a team by an organization admin.',
      attributes: [
        attr('displayName', 'Group name; unique in the organization.', { required: true, uniqueness: 'server' }),
        attr('members', 'The group’s members (User ids).', {
          multiValued: true,
          type: 'complex',
          subAttributes: [attr('value', 'User id.', { mutability: 'immutable' }), attr('display', 'User name.', { mutability: 'readOnly' }), attr('$ref', 'User URI.', { type: 'reference', referenceTypes: ['User'], mutability: 'readOnly' })],
        }),
      ],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${GROUP_SCHEMA}` },
    },
  ];
}
