// Set-based writes of many prepared rows into empty tables (the demo province, src/services/load-demo.ts).
// PGlite: one COPY … FROM '/dev/blob' per table (text format), about twice as fast as the same rows
// through jsonb_to_recordset in its single-threaded WebAssembly. PostgreSQL: INSERT … SELECT from
// json_to_recordset in large chunks (pg has no COPY FROM STDIN without a stream library, and the server
// parses JSON fast). Triggers fire as for any insert: statement-level ones once per statement.
import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { queryRows, type Tx } from './query';

const JSON_CHUNK_ROWS = 50_000;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return name;
}

/** True when none of the tables holds a row. */
export async function tablesEmpty(db: Tx, tables: readonly string[]): Promise<boolean> {
  const [row] = await queryRows<{ any: boolean }>(
    db,
    sql.raw(`select ${tables.map((t) => `exists (select from ${identifier(t)})`).join(' or ')} as any`),
  );
  return row?.any === false;
}

/** The last value the table's id sequence handed out (0 when none yet), for ids given explicitly. */
export async function lastIds(db: Tx, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ last: string | number }>(
      db,
      sql`select coalesce(s.last_value, 0) as last from pg_sequences s
          where (s.schemaname || '.' || s.sequencename)::regclass
                = pg_get_serial_sequence(${identifier(table)}, 'id')::regclass`,
    );
    out[table] = Number(row?.last ?? 0);
  }
  return out;
}

/** Moves the table's id sequence to `last`, as if it had handed out every id up to it. */
export async function setLastId(tx: Tx, table: string, last: number): Promise<void> {
  if (last <= 0) return;
  await tx.execute(sql`select setval(pg_get_serial_sequence(${identifier(table)}, 'id'), ${last}, true)`);
}

/** Inserts rows (arrays in the order of `columns`) into a table; other columns take their defaults. */
export async function copyRows(
  tx: Tx,
  kind: Database['kind'],
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const target = `${identifier(table)} (${columns.map(identifier).join(', ')})`;
  if (kind === 'pglite') {
    const text = rows.map((row) => row.map(copyText).join('\t')).join('\n');
    await pgliteClient(tx).query(`copy ${target} from '/dev/blob'`, [], {
      blob: new Blob([text, '\n']),
    });
    return;
  }
  const types = await columnTypes(tx, table, columns);
  const definition = columns.map((c) => `${c} ${types.get(c)}`).join(', ');
  for (let i = 0; i < rows.length; i += JSON_CHUNK_ROWS) {
    const payload = JSON.stringify(
      rows
        .slice(i, i + JSON_CHUNK_ROWS)
        .map((row) => Object.fromEntries(columns.map((c, n) => [c, jsonValue(row[n])]))),
    );
    await tx.execute(
      sql`insert into ${sql.raw(target)} select ${sql.raw(columns.join(', '))}
          from json_to_recordset(${payload}::json) as r(${sql.raw(definition)})`,
    );
  }
}

/** A value in COPY's text format: \N for null, t/f, and backslash escapes for text. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return String(value).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** Exact in JSON: bigint amounts travel as text. */
function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

async function columnTypes(tx: Tx, table: string, columns: readonly string[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ name: string; type: string }>(
    tx,
    sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
        from pg_attribute a
        where a.attrelid = ${identifier(table)}::regclass and a.attnum > 0 and not a.attisdropped`,
  );
  const types = new Map(rows.map((r) => [r.name, r.type]));
  for (const c of columns) if (!types.has(c)) throw new Error(`${table} has no column ${c}`);
  return types;
}

interface PgliteQuery {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/**
 * The PGlite connection (or transaction) under a Drizzle database or transaction: COPY FROM a blob
 * is an option of PGlite's own query call, which Drizzle does not pass on.
 */
function pgliteClient(tx: Tx): PgliteQuery {
  const inner = tx as unknown as { session?: { client?: unknown }; $client?: unknown };
  const client = (inner.session?.client ?? inner.$client) as Partial<PgliteQuery> | undefined;
  if (typeof client?.query !== 'function') throw new Error('not a PGlite connection');
  return client as PgliteQuery;
}
