// Pages of a list: the page's rows and the total, in one query (count(*) over ()).
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

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

export const offsetOf = (request: PageRequest) => (request.page - 1) * request.pageSize;

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
