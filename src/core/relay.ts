import { ArgsType, Extensions, Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
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
  return match ? { typeName: match[1], localId: match[2] } : null;
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

// A payload carries one or two of these, and building them runs no query.
@Extensions({ cost: { listSize: 1 } })
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

/**
 * Builds `<Name>Connection` and `<Name>Edge` object types for a node class. The declared return type keeps `T` in
 * the instances' type: the inferred one (a class declared inside a generic function) would type every node `any`.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, description: string): ClassType<ConnectionShape<T> & { countItems: () => Promise<number> }> {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionType implements ConnectionShape<T> {
    // The connection field's page size already multiplies its cost.
    @Extensions({ cost: { listSize: 1 } })
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

export interface PaginateOptions<Entity, C extends object = object> {
  connection: ClassType<C>;
  orderBy: string;
  orderValue: (row: Entity) => string | number | Date;
  direction?: 'ASC' | 'DESC';
  /** Unique tie-breaker column (default `id`); the entity property is derived from `rowId`. */
  idColumn?: string;
  rowId?: (row: Entity) => string;
}

interface PageWindow {
  first: number;
  cursor: [string | number, string] | null;
}

function pageWindow(args: PageArgs): PageWindow {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  return { first, cursor: args.after ? decodeCursor(args.after) : null };
}

/** Adds the page's keyset condition, order and limit (one row more than the page, to learn whether more follow). */
function selectPage<Entity extends ObjectLiteral>(query: SelectQueryBuilder<Entity>, window: PageWindow, options: PaginateOptions<Entity>, tag = ''): SelectQueryBuilder<Entity> {
  const idColumn = `${query.alias}.${options.idColumn ?? 'id'}`;
  const direction = options.direction ?? 'ASC';
  if (window.cursor) {
    const op = direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${options.orderBy}, ${idColumn}) ${op} (:cursorValue${tag}, :cursorId${tag})`, {
      [`cursorValue${tag}`]: window.cursor[0],
      [`cursorId${tag}`]: window.cursor[1],
    });
  }
  return query.orderBy(options.orderBy, direction).addOrderBy(idColumn, direction).limit(window.first + 1);
}

function connectionOf<Entity extends ObjectLiteral, C extends object>(rows: Entity[], window: PageWindow, countQuery: SelectQueryBuilder<Entity>, options: PaginateOptions<Entity, C>): C {
  const rowId = options.rowId ?? ((row: Entity) => row.id as string);
  const page = rows.slice(0, window.first);
  const edges = page.map((row) => ({ cursor: encodeCursor(options.orderValue(row), rowId(row)), node: row }));
  const connection = new options.connection() as C & { edges: unknown; pageInfo: PageInfo; countItems: unknown };
  connection.edges = edges;
  connection.pageInfo = {
    hasNextPage: rows.length > window.first,
    hasPreviousPage: Boolean(window.cursor),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  connection.countItems = () => countQuery.getCount();
  return connection;
}

/**
 * Keyset pagination over `orderBy` (an SQL expression) then the row id, both ascending (or both descending). The
 * cursor encodes the last row's sort value and id, so page 100 costs the same as page 1. Timestamps sort at
 * millisecond precision (`date_trunc('milliseconds', ...)`), the precision a cursor can carry.
 */
export async function paginate<Entity extends ObjectLiteral, C extends object>(
  query: SelectQueryBuilder<Entity>,
  args: PageArgs,
  options: PaginateOptions<Entity, C>,
): Promise<C> {
  const window = pageWindow(args);
  const countQuery = query.clone();
  const rows = await selectPage(query, window, options).getMany();
  return connectionOf(rows, window, countQuery, options);
}

/**
 * Several pages of the same list (e.g. aliased `teams(first: 100)` and `teams(first: 100, after: …)`) in ONE
 * statement: the rows whose ids any page's keyset subquery selects, split into pages here by the same ordering.
 * Each result is the page's connection, or the error its arguments deserve.
 */
export async function paginateMany<Entity extends ObjectLiteral, C extends object>(
  makeQuery: () => SelectQueryBuilder<Entity>,
  pages: readonly PageArgs[],
  options: PaginateOptions<Entity, C>,
): Promise<Array<C | Error>> {
  const windows = pages.map((args) => {
    try {
      return pageWindow(args);
    } catch (error) {
      return error as Error;
    }
  });
  const valid = windows.flatMap((window, index) => (window instanceof Error ? [] : [{ window, index }]));
  if (valid.length <= 1) {
    return Promise.all(windows.map((window, index) => (window instanceof Error ? Promise.resolve(window) : paginate(makeQuery(), pages[index], options))));
  }
  const outer = makeQuery();
  const idColumn = `${outer.alias}.${options.idColumn ?? 'id'}`;
  const subqueries = valid.map(({ window, index }) => selectPage(makeQuery().select(idColumn), window, options, `_${index}`));
  outer.andWhere(`${idColumn} IN (${subqueries.map((sub) => `(${sub.getQuery()})`).join(' UNION ALL ')})`);
  for (const sub of subqueries) outer.setParameters({ ...outer.getParameters(), ...sub.getParameters() });
  const rowId = options.rowId ?? ((row: Entity) => row.id as string);
  const order = options.direction === 'DESC' ? -1 : 1;
  const keyOf = (row: Entity): [string | number, string] => {
    const value = options.orderValue(row);
    return [value instanceof Date ? value.toISOString() : value, rowId(row)];
  };
  const rows = (await outer.getMany()).map((row) => ({ row, key: keyOf(row) }));
  rows.sort((a, b) => compareKeys(a.key, b.key) * order);

  return windows.map((window) => {
    if (window instanceof Error) return window;
    const cursor = window.cursor;
    const after = cursor ? rows.filter(({ key }) => compareKeys(key, cursor) * order > 0) : rows;
    return connectionOf(after.slice(0, window.first + 1).map(({ row }) => row), window, makeQuery(), options);
  });
}

/** The order SQL gives (sort value, then id): numbers numerically, strings (ISO instants, UUIDs) by code unit. */
function compareKeys(a: [string | number, string], b: [string | number, string]): number {
  const byValue = typeof a[0] === 'number' && typeof b[0] === 'number' ? a[0] - b[0] : String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0;
  if (byValue !== 0) return byValue;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
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

/**
 * A connection over a list already in memory and already in its order (bounded lists a module loads whole, e.g. a
 * team's rules or alerts). The cursor carries the item's sort key and id: the next page starts after that item, or,
 * when it has since gone, after where its key sorts, so pages neither repeat nor skip items.
 */
export function arrayConnection<T, C extends object>(
  connectionClass: ClassType<C>,
  items: readonly T[],
  args: PageArgs,
  keyOf: (item: T, index: number) => [string | number, string],
  direction: 'ASC' | 'DESC' = 'ASC',
): C {
  const window = pageWindow(args);
  const order = direction === 'DESC' ? -1 : 1;
  const cursor = window.cursor;
  const keys = items.map(keyOf);
  const at = cursor ? keys.findIndex((key) => key[1] === cursor[1]) : -1;
  const rest = !cursor ? items : at >= 0 ? items.slice(at + 1) : items.filter((_, index) => compareKeys(keys[index], cursor) * order > 0);
  const page = rest.slice(0, window.first);
  const offset = items.length - rest.length;
  const edges = page.map((item, index) => {
    const [value, id] = keys[offset + index];
    return { cursor: encodeCursor(value, id), node: item };
  });
  const connection = new connectionClass() as C & { edges: unknown; pageInfo: PageInfo; countItems: unknown };
  connection.edges = edges;
  connection.pageInfo = {
    hasNextPage: rest.length > window.first,
    hasPreviousPage: Boolean(cursor),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  connection.countItems = async () => items.length;
  return connection;
}

@ArgsType()
export class PageArgsType implements PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page (its `endCursor`).' })
  after?: string | null;
}
