import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from './query';

/** Changes whenever a region is added, removed or updated: the key of cached region trees. */
export async function regionsFingerprint(db: Tx): Promise<string> {
  const rows = await queryRows<{ f: string }>(
    db,
    sql`select count(*)::text || ':' || coalesce(sum(version), 0)::text || ':' || coalesce(max(updated_at)::text, '') as f
        from regions`,
  );
  return rows[0]?.f ?? '';
}
