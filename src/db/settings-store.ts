// The settings table: one jsonb value per key.
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from './query';
import { settings } from './schema';

export async function readSettingRows(db: Tx): Promise<Map<string, unknown>> {
  const rows = await queryRows<{ key: string; value: unknown }>(db, sql`select key, value from settings`);
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function writeSettingRows(db: Tx, entries: readonly [string, unknown][]): Promise<void> {
  for (const [key, value] of entries) {
    await db
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
  }
}
