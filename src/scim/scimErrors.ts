/**
 * RFC 7644 §3.12 error vocabulary. Services throw ScimError; the router turns it into the SCIM error body
 * `{ schemas: [Error], status: "<code>", scimType?, detail }` with the same HTTP status.
 */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export class ScimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return { schemas: [ERROR_SCHEMA], status: String(this.status), ...(this.scimType ? { scimType: this.scimType } : {}), detail: this.message };
  }
}

export const badRequest = (scimType: ScimType, detail: string) => new ScimError(400, detail, scimType);
export const notFound = (what: string, id: string) => new ScimError(404, `${what} ${JSON.stringify(id)} not found.`);
export const conflict = (detail: string) => new ScimError(409, detail, 'uniqueness');
