// Optimistic locking: UPDATE … WHERE id = $1 AND version = $2. A stale version matches no row,
// so a concurrent writer can never overwrite a change it has not seen.
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../query';

export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

export async function updateVersioned<T extends VersionedTable>(
  db: Tx,
  table: T,
  id: number,
  version: number,
  patch: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect'] | undefined> {
  const rows = await db
    .update(table)
    .set({ ...patch, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning();
  return (rows as T['$inferSelect'][])[0];
}

export async function deleteVersioned<T extends VersionedTable>(
  db: Tx,
  table: T,
  id: number,
  version: number,
): Promise<boolean> {
  const rows = await db
    .delete(table)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning({ id: table.id });
  return rows.length > 0;
}

export async function rowExists<T extends VersionedTable>(db: Tx, table: T, id: number): Promise<boolean> {
  const rows = await db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(eq(table.id, id));
  return rows.length > 0;
}
