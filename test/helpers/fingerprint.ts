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
      // The chain head moves with the backup's and restore's own audit rows, left out below (`sibi
      // audit verify` checks it against the rows).
      // The data version (migration 0018) moves with every commit, and a restore gives it a number of
      // its own: not part of what is compared.
      if (name === 'audit_chain_head' || name === 'data_version' || name === 'data_version_marks') continue;
      const where = name === 'audit_log' ? `where action not like 'backup.%'` : '';
      // The audit rows' hash chain (migration 0015) is an entry of its own: a backup made before that
      // migration has no chain, and the migration chains its rows once they are restored.
      const text =
        name === 'audit_log' ? `(to_jsonb(t) - 'chain_seq' - 'prev_hash' - 'hash')::text` : 't::text';
      const [row] = await queryRows<{ rows: number; md5: string }>(
        tx,
        sql.raw(`select count(*)::int as rows,
                   md5(coalesce(string_agg(${text}, E'\\n' order by ${text} collate "C"), '')) as md5
                 from "${name}" as t ${where}`),
      );
      result[name] = row!;
      if (name === 'audit_log' && tables.some((t) => t.name === 'audit_chain_head')) {
        const [chain] = await queryRows<{ rows: number; md5: string }>(
          tx,
          sql.raw(`select count(*)::int as rows,
                     md5(coalesce(string_agg(concat_ws(' ', chain_seq, prev_hash, hash), E'\\n' order by chain_seq), '')) as md5
                   from audit_log ${where}`),
        );
        result['audit_log hash chain'] = chain!;
      }
    }
    return result;
  });
}
