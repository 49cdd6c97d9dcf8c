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

const SLAB_BYTES = 1024 * 1024;
/** Free slabs kept for later answers (32 MB): enough for a few seed pages in flight, bounded whatever the load. */
const MAX_FREE_SLABS = 32;
const freeSlabs: Buffer[] = [];

/**
 * Buffers for one answer's JSON pieces, carved from 1 MB slabs that return to a free list once the answer has been
 * written. An answer's pieces outlive many scavenges while it is built, so as plain Buffers they were freed only by
 * a major GC, and each seed page left its size in dead Buffers behind (RSS grew by tens of MB over a few pages);
 * recycled slabs make the next page reuse the same memory. A piece larger than a slab gets its own Buffer.
 */
export class JsonArena {
  private readonly slabs: Buffer[] = [];
  private slab: Buffer | null = null;
  private used = 0;

  piece(text: string): Buffer {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > SLAB_BYTES) return Buffer.from(text, 'utf8');
    if (!this.slab || this.used + bytes > SLAB_BYTES) {
      this.slab = freeSlabs.pop() ?? Buffer.allocUnsafeSlow(SLAB_BYTES);
      this.slabs.push(this.slab);
      this.used = 0;
    }
    const start = this.used;
    this.used += this.slab.write(text, start, 'utf8');
    return this.slab.subarray(start, this.used);
  }

  /** Only once nothing reads the pieces any more (the response they were written to has finished). */
  recycle(): void {
    for (const slab of this.slabs) if (freeSlabs.length < MAX_FREE_SLABS) freeSlabs.push(slab);
    this.slabs.length = 0;
    this.slab = null;
  }
}

/** The request's arena (created on first use), or null outside a request: pieces are then plain Buffers. */
export function requestJsonArena(scope: { jsonArena?: JsonArena } | undefined): JsonArena | null {
  if (!scope) return null;
  return (scope.jsonArena ??= new JsonArena());
}

/** Recycles the request's arena once `res` has handed its last byte to the OS (not when it was cut short). */
export function recycleArenaAfter(res: ServerResponse, scope: { jsonArena?: JsonArena } | undefined): void {
  const arena = scope?.jsonArena;
  if (!arena) return;
  scope.jsonArena = undefined;
  res.once('finish', () => arena.recycle());
}
