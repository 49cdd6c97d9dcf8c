import { Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from './errors';

/**
 * Relay-style building blocks shared by every module: the `Node` interface with opaque global ids, cursor
 * connections with keyset pagination (never OFFSET), and the `userErrors` shape of mutation payloads.
 */

@InterfaceType({ description: 'An object with a globally unique, opaque ID; fetch any of them with `node(id:)`.' })
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global identifier of this object.' })
  id!: string;
}

const GLOBAL_ID_PATTERN = /^([A-Za-z]+):([\x21-\x7e]{1,300})$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

export function toGlobalId(typeName: string, localId: string): string {
  return Buffer.from(`${typeName}:${localId}`, 'utf8').toString('base64url');
}

/** Decodes a global id; null when it is not one of ours (callers answer NOT_FOUND, never a parse error). */
export function fromGlobalId(globalId: string): { typeName: string; localId: string } | null {
  const match = GLOBAL_ID_PATTERN.exec(Buffer.from(globalId, 'base64url').toString('utf8'));
  return match ? { typeName: match[1]!, localId: match[2]! } : null;
}

/** Decodes a global id that must name `typeName` and carry a UUID; returns null otherwise. */
export function localIdOf(globalId: string, typeName: string): string | null {
  const decoded = fromGlobalId(globalId);
  return decoded && decoded.typeName === typeName && isUuid(decoded.localId) ? decoded.localId : null;
}

/** Decodes a global id of a type keyed by something other than a UUID (e.g. `teamId/requestId`). */
export function localKeyOf(globalId: string, typeName: string): string | null {
  const decoded = fromGlobalId(globalId);
  return decoded && decoded.typeName === typeName ? decoded.localId : null;
}

@ObjectType({ description: 'A business-rule failure of a mutation, pointing at the input field that caused it.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "alias"].' })
  field!: string[] | null;

  @Field({ description: 'What went wrong, written for a person.' })
  message!: string;

  @Field({ description: 'Stable machine-readable code, e.g. `TAKEN`, `INVALID`, `LAST_ADMIN`.' })
  code!: string;
}

@ObjectType({ description: 'Information to continue paginating a connection.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow the last one of this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede the first one of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node class. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Pagination information.' })
    pageInfo!: PageInfo;

    countItems!: () => Promise<number>;

    @Field(() => Int, { description: 'Number of items in the whole connection (all pages), under the same filters.' })
    totalCount(): Promise<number> {
      return this.countItems();
    }
  }
  return ConnectionType;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Keyset pagination over `orderBy` (an SQL expression) then the row id, both ascending (or both descending). The
 * cursor encodes the last row's sort value and id, so page 100 costs the same as page 1. Timestamps sort at
 * millisecond precision (`date_trunc('milliseconds', ...)`), the precision a cursor can carry.
 */
export async function paginate<Entity extends ObjectLiteral, C extends object>(
  query: SelectQueryBuilder<Entity>,
  args: PageArgs,
  options: {
    connection: ClassType<C>;
    orderBy: string;
    orderValue: (row: Entity) => string | number | Date;
    direction?: 'ASC' | 'DESC';
    /** Unique tie-breaker column (default `id`); the entity property is derived from `rowId`. */
    idColumn?: string;
    rowId?: (row: Entity) => string;
  },
): Promise<C> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  const alias = query.alias;
  const idColumn = `${alias}.${options.idColumn ?? 'id'}`;
  const rowId = options.rowId ?? ((row: Entity) => row.id as string);
  const direction = options.direction ?? 'ASC';
  const countQuery = query.clone();
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    const op = direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${options.orderBy}, ${idColumn}) ${op} (:cursorValue, :cursorId)`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  const rows = await query
    .orderBy(options.orderBy, direction)
    .addOrderBy(idColumn, direction)
    .limit(first + 1)
    .getMany();
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(options.orderValue(row), rowId(row)), node: row }));
  const connection = new options.connection() as C & { edges: unknown; pageInfo: PageInfo; countItems: unknown };
  connection.edges = edges;
  connection.pageInfo = {
    hasNextPage: rows.length > first,
    hasPreviousPage: Boolean(args.after),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  connection.countItems = () => countQuery.getCount();
  return connection;
}

export function encodeCursor(value: string | number | Date, id: string): string {
  const sortValue = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string' &&
      parsed[1].length <= 300
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through to the uniform error below
  }
  throw new BadUserInputError('`after` is not a valid cursor for this connection.', 'after');
}
