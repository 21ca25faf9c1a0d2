// Each table's row count and a digest of its rows, computed here independently of the backup code:
// md5 of every row's text, in byte order. Audit rows of the backup and restore themselves are left
// out (they are written outside the snapshot by design).
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { queryRows } from '../../src/db/query';

export type Fingerprint = Record<string, { rows: number; md5: string }>;

export async function fingerprint(database: Database): Promise<Fingerprint> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local extra_float_digits = 1`);
    const tables = await queryRows<{ name: string }>(
      tx,
      // a partitioned table counts as one, its partitions' rows read through it
      sql`select c.relname as name from pg_class c
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
          order by c.relname`,
    );
    const result: Fingerprint = {};
    for (const { name } of tables) {
      const where = name === 'audit_log' ? `where action not like 'backup.%'` : '';
      const [row] = await queryRows<{ rows: number; md5: string }>(
        tx,
        sql.raw(`select count(*)::int as rows,
                   md5(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), '')) as md5
                 from "${name}" as t ${where}`),
      );
      result[name] = row!;
    }
    return result;
  });
}
