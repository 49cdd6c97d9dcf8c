import type { ServerResponse } from 'node:http';

/**
 * JSON text kept as the pieces it was produced in (a usage bucket's items arrive from PostgreSQL a batch at a time):
 * their concatenation is the text. Buffers rather than strings: a multi-megabyte answer is not copied into one
 * string (and again into one Buffer) to be sent, and a Buffer's bytes live outside the JS heap.
 */
export type JsonPieces = Buffer[];

/** The pieces as one string (answers that are not written in parts). */
export function jsonPiecesText(pieces: JsonPieces): string {
  return pieces.length === 1 ? pieces[0].toString('utf8') : Buffer.concat(pieces).toString('utf8');
}

/**
 * Sends a JSON body made of parts (strings and Buffers) without joining them: Content-Length is the sum of their
 * byte lengths and each part is written as is (corked, so they leave in as few writes as the socket allows).
 * The status and any headers already set are kept; Content-Type defaults to JSON.
 */
export function sendJsonParts(res: ServerResponse, parts: ReadonlyArray<string | Buffer>, head = false): void {
  let length = 0;
  for (const part of parts) length += typeof part === 'string' ? Buffer.byteLength(part, 'utf8') : part.length;
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', String(length));
  if (head) {
    res.end();
    return;
  }
  res.cork();
  for (const part of parts) if (part.length) res.write(part);
  res.end();
}
