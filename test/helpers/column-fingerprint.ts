// A database's content, column by column, for comparing two loads of the same data: per table its row
// count, a digest of every column's values, and a digest of its rows; per sequence its last value.
// Columns whose value is the time of writing (timestamp with time zone) are compared by how many are
// null, and so are the audit log's hash chain columns (each hash covers the row's time): two loads
// made at different moments differ there and nowhere else.
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { queryRows } from '../../src/db/query';

export type ColumnFingerprint = Record<string, string>;

const CHAIN_COLUMNS = new Set(['audit_log.prev_hash', 'audit_log.hash', 'audit_chain_head.hash']);

export async function columnFingerprint(
  database: Database,
  options: { tables?: readonly string[]; ignore?: readonly string[] } = {},
): Promise<ColumnFingerprint> {
  const ignored = new Set(options.ignore ?? []);
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local extra_float_digits = 1`);
    const columns = await queryRows<{ table: string; column: string; type: string }>(
      tx,
      sql`select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
          from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
          order by c.relname, a.attnum`,
    );
    const out: ColumnFingerprint = {};
    const tables = [...new Set(columns.map((c) => c.table))].filter(
      (t) => (!options.tables || options.tables.includes(t)) && !ignored.has(t),
    );
    for (const table of tables) {
      const own = columns.filter((c) => c.table === table && !ignored.has(`${table}.${c.column}`));
      const volatile = (c: { column: string; type: string }) =>
        c.type.startsWith('timestamp') || CHAIN_COLUMNS.has(`${table}.${c.column}`);
      const text = (c: { column: string }) => `coalesce("${c.column}"::text, '\\N')`;
      const digests = own.map((c) =>
        volatile(c)
          ? `count(*) filter (where "${c.column}" is null)::text`
          : `md5(coalesce(string_agg(${text(c)}, E'\\n' order by ${text(c)} collate "C"), ''))`,
      );
      const stable = own.filter((c) => !volatile(c));
      const row = `concat_ws(E'\\t', ${stable.map(text).join(', ')})`;
      const [result] = await queryRows<Record<string, string>>(
        tx,
        sql.raw(`select count(*)::text as "(rows)",
                   md5(coalesce(string_agg(${row}, E'\\n' order by ${row} collate "C"), '')) as "(row digest)",
                   ${digests.map((d, i) => `${d} as "${own[i]!.column}"`).join(', ')}
                 from "${table}"`),
      );
      for (const [key, value] of Object.entries(result!)) out[`${table}.${key}`] = value;
    }
    const sequences = await queryRows<{ name: string; last: string | null }>(
      tx,
      sql`select sequencename as name, last_value::text as last from pg_sequences where schemaname = 'public'`,
    );
    for (const s of sequences) {
      const table = s.name.replace(/_id_seq$/, '');
      if (options.tables && !options.tables.includes(table)) continue;
      if (!ignored.has(table)) out[`sequence ${s.name}`] = s.last ?? 'unused';
    }
    return out;
  });
}

/** The keys whose values differ between two fingerprints (a key missing on one side included). */
export function fingerprintDifferences(a: ColumnFingerprint, b: ColumnFingerprint): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}
