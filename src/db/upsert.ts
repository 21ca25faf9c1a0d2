// Bulk insert-or-update in chunks. A row that is identical to the stored one is left
// untouched (its version does not move), so re-importing the same file changes nothing.
import { type SQL, getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './query';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}



const CHUNK_PARAMS = 30_000;

export async function upsertRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: T['$inferInsert'][],
  target: PgColumn[],
  updateKeys: (keyof T['$inferInsert'] & string)[],
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (rows.length === 0) return counts;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const set: Record<string, SQL> = {};
  const current: SQL[] = [];
  const incoming: SQL[] = [];
  for (const key of updateKeys) {
    const column = columns[key]!;
    const excluded = sql.raw(`excluded."${column.name}"`);
    set[key] = excluded;
    current.push(sql`${column}`);
    incoming.push(excluded);
  }
  if (columns.version) set.version = sql`${columns.version} + 1`;
  if (columns.updatedAt) set.updatedAt = sql`now()`;
  const changed = sql`(${sql.join(current, sql`, `)}) is distinct from (${sql.join(incoming, sql`, `)})`;
  const perRow = Object.keys(rows[0]!).length || 1;
  const size = Math.max(1, Math.floor(CHUNK_PARAMS / perRow));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    // xmax = 0 tells a fresh insert from an update of an existing row.
    const result = await tx
      .insert(table)
      .values(chunk as never)
      .onConflictDoUpdate({ target, set: set as never, setWhere: changed })
      .returning({ fresh: sql<boolean>`(xmax = 0)` });
    const fresh = result.filter((r) => r.fresh).length;
    counts.inserted += fresh;
    counts.updated += result.length - fresh;
    counts.unchanged += chunk.length - result.length;
  }
  return counts;
}
