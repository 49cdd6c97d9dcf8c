/**
 * The part of a caller that the shared server machinery (rate limits, logs) needs: which kind of credential it is and
 * the id that keys its budget. Authentication produces richer actors; they fit this shape, so core never imports them.
 */
export type Credential =
  | { kind: 'ANONYMOUS' }
  | { kind: 'USER'; userId: string }
  | { kind: 'API_KEY'; apiKeyId: string }
  | { kind: 'INGEST' }
  | { kind: 'OPERATOR' };
