import { OrgraphError } from './errors.js';

/** The shape every Orgraph connection shares (the SDK's operations select exactly this). */
export interface ConnectionLike<T> {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: T }>;
}

/** One page of a connection, as the page iterators yield it. */
export interface Page<T> {
  readonly items: ReadonlyArray<T>;
  /** Items in the whole connection (all pages). */
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  /** Pass it as `after` to resume from the next page later. */
  readonly endCursor: string | null;
}

/** Fetches the page after `after` (null = the first page). */
export type PageFetcher<T> = (after: string | null) => Promise<ConnectionLike<T>>;

/**
 * Iterates over the pages of any connection, fetching each page only when the loop asks for it (so `break`
 * stops fetching). Works with any connection query: pass a function that runs it with `after`.
 */
export function paginatePages<T>(fetchPage: PageFetcher<T>, options: { after?: string | null } = {}): AsyncIterable<Page<T>> {
  return {
    async *[Symbol.asyncIterator]() {
      let after = options.after ?? null;
      for (;;) {
        const connection = await fetchPage(after);
        const { hasNextPage, endCursor } = connection.pageInfo;
        yield { items: connection.edges.map((edge) => edge.node), totalCount: connection.totalCount, hasNextPage, endCursor };
        if (!hasNextPage) return;
        // A server that says "more" without moving the cursor would loop forever; fail loudly instead.
        if (!endCursor || endCursor === after) {
          throw new OrgraphError('INTERNAL_SERVER_ERROR', 'The connection reported more pages but its cursor did not advance.');
        }
        after = endCursor;
      }
    },
  };
}

/** Iterates over every item of a connection, page by page: `for await (const item of paginate(fetchPage))`. */
export function paginate<T>(fetchPage: PageFetcher<T>, options: { after?: string | null } = {}): AsyncIterable<T> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const page of paginatePages(fetchPage, options)) yield* page.items;
    },
  };
}
