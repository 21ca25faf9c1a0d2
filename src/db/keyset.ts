// Keyset pagination (issue #14 item 5): a list's order is made total by a unique tie-breaker, and
// a page starts after the last row of the one before it (an opaque `after` cursor that holds that
// row's sort values), so page 10 000 costs what page 1 does and rows written between two pages
// neither repeat nor go missing.
import { and, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** One column of a list's order; the tie-breaker comes after all of them. */
export interface SortKey {
  column: PgColumn;
  descending: boolean;
}

/** How a list may be ordered: by a requested `sort` field, otherwise its default order. */
export interface Ordering {
  sortable: Record<string, PgColumn>;
  fallback: SortKey[];
  /** Unique and not null (the primary key): ascending after the keys, so the order is total. */
  tiebreaker: PgColumn;
}

/** The keys of `sort` (a field, `-` in front for descending; the caller has checked it). */
export function sortKeys(sort: string | undefined, ordering: Ordering): SortKey[] {
  if (!sort) return ordering.fallback;
  const descending = sort.startsWith('-');
  const column = ordering.sortable[descending ? sort.slice(1) : sort];
  return column ? [{ column, descending }] : ordering.fallback;
}

/** ORDER BY the keys (nulls last, either way), then the tie-breaker. */
export function orderSql(keys: readonly SortKey[], tiebreaker: PgColumn): SQL[] {
  return [
    ...keys.map(({ column, descending }) =>
      descending ? sql`${column} desc nulls last` : sql`${column} asc nulls last`,
    ),
    sql`${tiebreaker} asc`,
  ];
}

/**
 * A row's place in the order: its key values and tie-breaker as text (exact: a timestamp keeps its
 * microseconds, an amount all its digits), as a JSON array in one column.
 */
export function positionColumn(keys: readonly SortKey[], tiebreaker: PgColumn): SQL<string> {
  const parts = [...keys.map((k) => k.column), tiebreaker].map((column) => sql`${column}::text`);
  return sql<string>`json_build_array(${sql.join(parts, sql`, `)})::text`;
}

/** A cursor that cannot be read, is not for this order, or holds values the columns cannot take. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
  /** HTTP 400 (the error handler answers `statusCode` < 500 as it is). */
  readonly statusCode = 400;
  constructor(reason: string) {
    super(`翻页游标无效：${reason}。请去掉 after 参数从第一页重新开始`);
  }
}

const CURSOR_VERSION = 1;

/** The opaque `after`/`next` cursor: base64url of the sort it belongs to and the row's position. */
export function encodeCursor(sort: string | undefined, position: string): string {
  const values = JSON.parse(position) as (string | null)[];
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, s: sort ?? '', p: values })).toString('base64url');
}

/** The cursor's position values, checked against the order's columns; InvalidCursorError if not. */
export function decodeCursor(
  cursor: string,
  sort: string | undefined,
  keys: readonly SortKey[],
  tiebreaker: PgColumn,
): (string | null)[] {
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,4000}$/.test(cursor)) throw new Error('not base64url');
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('无法解读（请原样使用上一页返回的 next）');
  }
  const { v, s, p } = (decoded ?? {}) as { v?: unknown; s?: unknown; p?: unknown };
  if (v !== CURSOR_VERSION || typeof s !== 'string' || !Array.isArray(p))
    throw new InvalidCursorError('无法解读（请原样使用上一页返回的 next）');
  if (s !== (sort ?? '')) throw new InvalidCursorError(`它属于另一种排序（${s || '默认排序'}）`);
  const columns = [...keys.map((k) => k.column), tiebreaker];
  if (p.length !== columns.length) throw new InvalidCursorError('位置与列表的排序列不符');
  columns.forEach((column, i) => {
    if (!fitsColumn(column, p[i], column !== tiebreaker)) throw new InvalidCursorError('位置值不合列的类型');
  });
  return p as (string | null)[];
}

const INTEGER_LIMITS: Record<string, bigint> = {
  smallint: 32_767n,
  integer: 2_147_483_647n,
  serial: 2_147_483_647n,
  bigint: 9_223_372_036_854_775_807n,
  bigserial: 9_223_372_036_854_775_807n,
};

/** The type a cursor value is cast to in SQL (serial columns are integers). */
function castType(column: PgColumn): string {
  const type = column.getSQLType();
  return type === 'serial' ? 'integer' : type === 'bigserial' ? 'bigint' : type;
}

function validDay(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-](0\d|1[0-5])(:[0-5]\d)?)?$/;

/** True when `value` is text the column's type reads back (or null where the column allows it). */
function fitsColumn(column: PgColumn, value: unknown, nullable: boolean): boolean {
  if (value === null) return nullable && !column.notNull;
  if (typeof value !== 'string' || value.length > 1000 || value.includes('\u0000')) return false;
  const type = column.getSQLType();
  const limit = INTEGER_LIMITS[type];
  if (limit !== undefined)
    return /^-?\d{1,19}$/.test(value) && BigInt(value) <= limit && -BigInt(value) <= limit;
  if (type.startsWith('timestamp')) {
    const m = TIMESTAMP.exec(value);
    return m !== null && validDay(m[1]!, m[2]!, m[3]!);
  }
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m !== null && validDay(m[1]!, m[2]!, m[3]!);
  }
  return type === 'text' || type.startsWith('varchar');
}

/**
 * The rows after `position` in the order `keys`, tie-breaker (nulls last): the first key beyond its
 * value, or equal and the next one beyond, …, or all equal and the tie-breaker greater.
 */
export function afterPosition(
  keys: readonly SortKey[],
  tiebreaker: PgColumn,
  position: readonly (string | null)[],
): SQL {
  const typed = (column: PgColumn, value: string) => sql`cast(${value} as ${sql.raw(castType(column))})`;
  const branches: SQL[] = [];
  const equal: SQL[] = [];
  keys.forEach(({ column, descending }, i) => {
    const value = position[i]!;
    if (value === null) {
      // Nulls come last: after a null only other nulls (with a greater tie-breaker) follow.
      equal.push(isNull(column));
      return;
    }
    const beyond = descending
      ? sql`${column} < ${typed(column, value)}`
      : sql`${column} > ${typed(column, value)}`;
    branches.push(and(...equal, column.notNull ? beyond : or(beyond, isNull(column)))!);
    equal.push(sql`${column} = ${typed(column, value)}`);
  });
  branches.push(and(...equal, sql`${tiebreaker} > ${typed(tiebreaker, position[keys.length]!)}`)!);
  return or(...branches)!;
}
