// Bulk insert-or-update in chunks. Rows travel as one jsonb parameter per chunk
// (jsonb_to_recordset), which is several times faster than thousands of bind parameters on
// PGlite. A row identical to the stored one is left untouched (its version does not move),
// so re-importing the same file changes nothing.
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Tx } from './query';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const CHUNK_ROWS = 5_000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function recordsetType(column: PgColumn): string {
  const type = column.getSQLType();
  if (type === 'serial') return 'integer';
  if (type === 'bigserial') return 'bigint';
  return type;
}

function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

export async function upsertRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: T['$inferInsert'][],
  target: PgColumn[],
  allUpdateKeys: (keyof T['$inferInsert'] & string)[],
  /** When given, only these keys are updated on existing rows: columns a file lacks are left as stored. */
  only?: ReadonlySet<string>,
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (rows.length === 0) return counts;
  const updateKeys = only ? allUpdateKeys.filter((k) => only.has(k)) : allUpdateKeys;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]!);
  const names = keys.map((k) => quote(columns[k]!.name));
  const definition = keys.map((k) => `${quote(columns[k]!.name)} ${recordsetType(columns[k]!)}`).join(', ');
  const updates = updateKeys.map((k) => quote(columns[k]!.name));
  const sets = updates.map((c) => `${c} = excluded.${c}`);
  if (columns.version) sets.push(`"version" = t."version" + 1`);
  if (columns.updatedAt) sets.push(`"updated_at" = now()`);
  const conflict =
    updates.length === 0
      ? 'do nothing'
      : `do update set ${sets.join(', ')}
         where (${updates.map((c) => `t.${c}`).join(', ')}) is distinct from (${updates.map((c) => `excluded.${c}`).join(', ')})`;
  // Tells a fresh insert from an update of an existing row. A versioned row is inserted at version 1
  // and every update raises it; otherwise xmax = 0, which PostgreSQL does not return from a
  // partitioned table (monthly_reports after `sibi db partition`: "cannot retrieve a system column").
  const fresh = columns.version ? `t."version" = 1` : 'xmax = 0';
  const statement = (payload: string) =>
    sql`insert into ${sql.raw(quote(getTableName(table)))} as t (${sql.raw(names.join(', '))})
        select ${sql.raw(names.join(', '))} from jsonb_to_recordset(${payload}::jsonb) as x(${sql.raw(definition)})
        on conflict (${sql.raw(target.map((c) => quote(c.name)).join(', '))}) ${sql.raw(conflict)}
        returning (${sql.raw(fresh)}) as fresh`;
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const chunk = rows.slice(i, i + CHUNK_ROWS);
    const payload = JSON.stringify(
      chunk.map((row) => {
        const out: Record<string, unknown> = {};
        for (const k of keys) out[columns[k]!.name] = toJsonValue((row as Record<string, unknown>)[k]);
        return out;
      }),
    );
    const result = await queryRows<{ fresh: boolean }>(tx, statement(payload));
    const inserted = result.filter((r) => r.fresh).length;
    counts.inserted += inserted;
    counts.updated += result.length - inserted;
    counts.unchanged += chunk.length - result.length;
  }
  return counts;
}
