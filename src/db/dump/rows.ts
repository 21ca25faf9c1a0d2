// Reading tables for a logical dump. Every value travels as its type's text form (exact for
// bigint, numeric, dates, timestamps, jsonb and — with extra_float_digits = 1 — floats), a row as
// one JSON array of those texts made by the server, so both databases write the same line.
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { queryRows, type Tx } from '../query';
import { type ColumnShape, quoteIdent, type TableShape } from './catalog';

/** Fixes every setting that changes a value's text form, for this transaction only. */
export async function useCanonicalText(tx: Tx): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local extra_float_digits = 1`);
  await tx.execute(sql`set local bytea_output = 'hex'`);
}

/** One consistent, read-only view of the whole database for the length of `work`. */
export function inSnapshot<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await useCanonicalText(tx);
      return work(tx);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function lineOf(columns: readonly Pick<ColumnShape, 'name'>[]): string {
  return `array_to_json(array[${columns.map((c) => `${quoteIdent(c.name)}::text`).join(', ')}]::text[])::text`;
}

export interface TableSum {
  rows: number;
  /** Order-independent: the sums of the two 64-bit halves of each row line's SHA-256. */
  checksum: string;
}

/** What `tableSum` answers for a table without rows. */
export const EMPTY_SUM: TableSum = { rows: 0, checksum: '0:0' };

/** Row count and checksum of a table, the same SQL on the dumping and on the restoring side. */
export async function tableSum(
  tx: Tx,
  table: string,
  columns: readonly Pick<ColumnShape, 'name'>[],
): Promise<TableSum> {
  const [sum] = await queryRows<TableSum>(
    tx,
    sql.raw(`select count(*)::int as rows,
      coalesce(sum(('x' || left(h, 16))::bit(64)::bigint::numeric), 0)::text || ':' ||
      coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0)::text as checksum
      from (select encode(sha256(convert_to(${lineOf(columns)}, 'UTF8')), 'hex') as h
            from ${quoteIdent(table)}) as lines`),
  );
  return sum!;
}

let cursors = 0;

/** The table's rows as JSON-array lines, `batch` at a time through a cursor, in primary-key order. */
export async function* tableLines(tx: Tx, table: TableShape, batch = 2_000): AsyncGenerator<string[]> {
  const cursor = `sibi_dump_${++cursors}`;
  const order = table.primaryKey.length ? ` order by ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
  await tx.execute(
    sql.raw(`declare ${cursor} no scroll cursor for
      select ${lineOf(table.columns)} as line from ${quoteIdent(table.name)}${order}`),
  );
  for (;;) {
    const rows = await queryRows<{ line: string }>(tx, sql.raw(`fetch ${batch} from ${cursor}`));
    if (rows.length === 0) break;
    yield rows.map((r) => r.line);
  }
  await tx.execute(sql.raw(`close ${cursor}`));
}

/** The value each sequence hands out next (sequences are outside the snapshot: never behind it). */
export async function nextSequenceValue(tx: Tx, sequence: string): Promise<string> {
  const [row] = await queryRows<{ next: string }>(
    tx,
    sql.raw(`select (case when is_called then last_value + 1 else last_value end)::text as next
             from ${quoteIdent(sequence)}`),
  );
  return row!.next;
}

export async function serverVersion(tx: Tx): Promise<string> {
  const [row] = await queryRows<{ version: string }>(
    tx,
    sql`select current_setting('server_version') as version`,
  );
  return row!.version;
}
