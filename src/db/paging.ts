// Pages of a list: the page's rows and the total, in one query (count(*) over ()); or, for the
// large lists, the rows after a cursor (keyset.ts) and the total in a count of its own.
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { afterPosition, decodeCursor, encodeCursor, InvalidCursorError, type SortKey } from './keyset';

export interface PageRequest {
  page: number;
  pageSize: number;
  /** A field name, `-` in front for descending; the caller has checked it against its list. */
  sort?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const totalColumn = () => sql<number>`count(*) over ()`.mapWith(Number);

export function pageOf<T extends { total: number }>(rows: T[], request: PageRequest): Page<Omit<T, 'total'>> {
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _total, ...rest }) => rest),
    total,
    page: request.page,
    pageSize: request.pageSize,
  };
}

/**
 * How deep a list may be paged (issue #14 item 5): the database reads and throws away every row
 * before the page, so `page=100000` made one reader's request scan a whole table, again and again.
 * Past the first 10 000 rows of a sort order, narrow the list with its filters instead.
 */
export const MAX_PAGE_DEPTH = 10_000;

/** A page past MAX_PAGE_DEPTH. HTTP 400 (the error handler answers `statusCode` < 500 as it is). */
export class PageTooDeepError extends Error {
  override name = 'PageTooDeepError';
  readonly statusCode = 400;
  constructor(request: PageRequest) {
    super(
      `翻页过深：第 ${request.page} 页（每页 ${request.pageSize} 条）超出前 ${MAX_PAGE_DEPTH} 条的上限；` +
        '请用筛选条件（地区、年度、关键字、时间等）缩小范围，或反向排序从列表另一端查看',
    );
  }
}

/** The rows to skip; refuses a page whose last row lies past MAX_PAGE_DEPTH. */
export function offsetOf(request: PageRequest): number {
  if (request.page * request.pageSize > MAX_PAGE_DEPTH) throw new PageTooDeepError(request);
  return (request.page - 1) * request.pageSize;
}

/** A select with `totalColumn()` and its ORDER BY, before LIMIT and OFFSET. */
interface PageableQuery<T> {
  limit(limit: number): { offset(offset: number): PromiseLike<T[]> };
}

/**
 * The requested page of `query`. A page past the end has no row to carry the window count, so the
 * total is then read from the first row (issue #14: it used to report `total: 0`).
 */
export async function readPage<T extends { total: number }>(
  query: PageableQuery<T>,
  request: PageRequest,
): Promise<Page<Omit<T, 'total'>>> {
  const rows = await query.limit(request.pageSize).offset(offsetOf(request));
  if (rows.length > 0 || request.page === 1) return pageOf(rows, request);
  const [first] = await query.limit(1).offset(0);
  return { items: [], total: first?.total ?? 0, page: request.page, pageSize: request.pageSize };
}

/** ORDER BY the requested sortable column (then the tiebreaker), or the default order. */
export function orderOf(
  request: PageRequest,
  columns: Record<string, PgColumn | SQL>,
  fallback: SQL[],
  tiebreaker: PgColumn,
): SQL[] {
  if (!request.sort) return [...fallback, sql`${tiebreaker} asc`];
  const descending = request.sort.startsWith('-');
  const column = columns[descending ? request.sort.slice(1) : request.sort];
  if (!column) return [...fallback, sql`${tiebreaker} asc`];
  return [
    descending ? sql`${column} desc nulls last` : sql`${column} asc nulls last`,
    sql`${tiebreaker} asc`,
  ];
}

/** The one number a `select({ n: count() })` answers. */
export async function countOf(rows: PromiseLike<{ n: number }[]>): Promise<number> {
  return (await rows)[0]?.n ?? 0;
}

/** A page request that may continue after a cursor (`next` of the page before) instead of a number. */
export interface ListRequest extends PageRequest {
  /** Opaque; from the previous page's `next`. With it, `page` must be 1 (or absent). */
  after?: string;
}

/** A page and the cursor of the page after it (null on the last page). */
export interface ListPage<T> extends Page<T> {
  next: string | null;
}

/** The two reads a keyset list needs; the rows carry `positionColumn(…)` as `position`. */
export interface ListQueries<T> {
  /** The filtered rows in `orderSql(keys, tiebreaker)`; `after` narrows them, `counted` adds `total`. */
  rows(options: { after?: SQL; counted: boolean }): PageableQuery<T>;
  /** How many rows the filters match (a cursor page is not counted by a window: that reads them all). */
  count(): PromiseLike<number>;
}

/**
 * A page of a list ordered by `keys` then `tiebreaker`: by number (`page`, within MAX_PAGE_DEPTH) or
 * after a cursor (`after`, at any depth). Either way the answer carries `next`, the cursor after its
 * last row, so a client may page by number and continue by cursor.
 */
export async function readListPage<T extends { position: string; total?: number }>(
  ordering: { keys: readonly SortKey[]; tiebreaker: PgColumn },
  request: ListRequest,
  queries: ListQueries<T>,
): Promise<ListPage<Omit<T, 'position' | 'total'>>> {
  const { keys, tiebreaker } = ordering;
  const strip = ({ position: _position, total: _total, ...rest }: T) => rest;
  const cursorAfter = (rows: readonly T[], more: boolean) =>
    more && rows.length > 0 ? encodeCursor(request.sort, rows[rows.length - 1]!.position) : null;
  if (request.after === undefined) {
    const page = await readPage(
      queries.rows({ counted: true }) as PageableQuery<T & { total: number }>,
      request,
    );
    const items = page.items as unknown as T[];
    const more = (request.page - 1) * request.pageSize + items.length < page.total;
    return { ...page, items: items.map(strip), next: cursorAfter(items, more) };
  }
  if (request.page !== 1) throw new InvalidCursorError('after 与 page 不能同时使用');
  const position = decodeCursor(request.after, request.sort, keys, tiebreaker);
  const rows = await queries
    .rows({ after: afterPosition(keys, tiebreaker, position), counted: false })
    .limit(request.pageSize + 1)
    .offset(0);
  const items = rows.slice(0, request.pageSize);
  return {
    items: items.map(strip),
    total: await queries.count(),
    page: 1,
    pageSize: request.pageSize,
    next: cursorAfter(items, rows.length > request.pageSize),
  };
}
