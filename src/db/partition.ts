// The large per-province tables partitioned by province code: PostgreSQL declarative partitioning,
// PARTITION BY LIST (province_code), one partition per province of `regions` plus a DEFAULT one
// (docs/scaling.md §3). PostgreSQL only, run on request (`sibi db partition`), in the caller's one
// transaction: all or nothing.
//
// A plain table is rebuilt as a partitioned one: the same columns, defaults and CHECK constraints
// (LIKE), its rows copied in, then everything the catalog holds on the old table put back under the
// same names — primary key, unique indexes and other indexes, foreign keys (its own and those that
// reference it), triggers (the project_months statement triggers with transition tables work on a
// partitioned parent, PostgreSQL 13 and later), their enabled state, the table comment, the owned
// serial sequence and the privileges. Nothing is taken from a list here, so an index or trigger a
// later migration adds is carried over too.
//
// A table that is partitioned already gets a partition for each province added to `regions` since:
// the province's rows move out of the DEFAULT partition into its own. Running again with nothing new
// changes nothing. Restoring a backup rebuilds the tables plain (the backup holds rows, not layout).
import { sql } from 'drizzle-orm';
import { MIGRATION_LOCK } from './client';
import { quoteIdent } from './dump/catalog';
import { readGrants, restoreGrants } from './dump/privileges';
import {
  type Catalog,
  copyIntoShadow,
  createShadow,
  defaultName,
  dropReplaced,
  dropShadow,
  exec,
  isMirrorTrigger,
  LIKE_OPTIONS,
  PARTITION_KEY,
  partitionName,
  quoteLiteral,
  swapInShadow,
} from './partition-shadow';
import { queryRows, type Tx } from './query';

export { PARTITION_KEY } from './partition-shadow';

/** The tables partitioned, in the order writers lock them (reports, then what triggers derive). */
export const PARTITIONED_TABLES = ['monthly_reports', 'project_months'] as const;

export interface PartitionInfo {
  name: string;
  /** The province the partition holds; null for the DEFAULT partition (any other code). */
  province: string | null;
  rows: number;
}

export interface TablePartitioning {
  table: string;
  /** This run: rebuilt the plain table partitioned, split new provinces out of DEFAULT, or nothing. */
  action: 'partitioned' | 'split' | 'unchanged';
  /** Provinces that got their own partition in this run. */
  added: string[];
  /** Rows written into new partitions in this run. */
  movedRows: number;
  partitions: PartitionInfo[];
}

/** A table the command cannot convert as it stands; nothing was changed. */
export class PartitionRefusedError extends Error {
  override name = 'PartitionRefusedError';
}

export async function relationKind(tx: Tx, table: string): Promise<string | undefined> {
  const [row] = await queryRows<{ kind: string }>(
    tx,
    sql`select c.relkind::text as kind from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relname = ${table}`,
  );
  return row?.kind;
}

/** The partitioned tables of schema public (a restore rebuilds them plain: it says so). */
export async function partitionedTables(tx: Tx): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    tx,
    sql`select c.relname as name from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'p' and not c.relispartition
        order by c.relname`,
  );
  return rows.map((r) => r.name);
}

/** A table's partitions with their row counts, or null when the table is not partitioned. */
export async function partitionsOf(tx: Tx, table: string): Promise<PartitionInfo[] | null> {
  if ((await relationKind(tx, table)) !== 'p') return null;
  const parts = await childPartitions(tx, table);
  const out: PartitionInfo[] = [];
  for (const p of parts) {
    const [count] = await queryRows<{ rows: number }>(
      tx,
      sql.raw(`select count(*)::int as rows from ${quoteIdent(p.name)}`),
    );
    out.push({ name: p.name, province: p.values === null ? null : p.values.join(','), rows: count!.rows });
  }
  return out.sort((a, b) =>
    a.province === null ? 1 : b.province === null ? -1 : a.province.localeCompare(b.province),
  );
}

/**
 * Partitions (or brings up to date) every table of PARTITIONED_TABLES, in the caller's one
 * transaction: the migration lock and an ACCESS EXCLUSIVE lock on the tables for the whole copy, so
 * readers and writers wait until it ends (waiting for a lock gives up after 30 seconds). For empty
 * tables and quiet databases; `sibi db partition` on a database in use runs step by step instead
 * (partitionTablesOnline, src/db/partition-online.ts).
 */
export async function partitionTables(tx: Tx): Promise<TablePartitioning[]> {
  await exec(tx, `set local lock_timeout = '30s'`);
  await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
  await exec(tx, `lock table ${PARTITIONED_TABLES.map(quoteIdent).join(', ')} in access exclusive mode`);
  const provinces = await provinceCodes(tx);
  const grants = await readGrants(tx);
  const results: TablePartitioning[] = [];
  for (const table of PARTITIONED_TABLES) {
    const owner = await ownerOf(tx, table);
    let done: TablePartitioning;
    if ((await relationKind(tx, table)) === 'p') {
      done = await splitNewProvinces(tx, table, provinces);
    } else {
      // An online run's leftovers (it was interrupted) are of no use to a run holding the table.
      await dropShadow(tx, table);
      const catalog = await readCatalog(tx, table);
      await createShadow(tx, table, provinces, catalog);
      const moved = await copyIntoShadow(tx, table, catalog.columns);
      await swapInShadow(tx, table, catalog);
      await dropReplaced(tx, table);
      done = converted(table, provinces, moved);
    }
    if (done.action !== 'unchanged') await giveToOwner(tx, table, owner);
    results.push(done);
  }
  // The rebuilt tables get their old privileges back (GRANT what is missing, REVOKE what is extra).
  await restoreGrants(tx, grants);
  for (const result of results) {
    if (result.action !== 'unchanged') await exec(tx, `analyze ${quoteIdent(result.table)}`);
    result.partitions = (await partitionsOf(tx, result.table)) ?? [];
  }
  return results;
}

export const converted = (table: string, provinces: readonly string[], moved: number): TablePartitioning => ({
  table,
  action: 'partitioned',
  added: [...provinces],
  movedRows: moved,
  partitions: [],
});

/** The province codes of `regions`: one partition each. */
export async function provinceCodes(tx: Tx): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    tx,
    sql`select code from regions where kind = 'province' order by code`,
  );
  return rows.map((r) => r.code);
}

export async function ownerOf(tx: Tx, table: string): Promise<string> {
  const [row] = await queryRows<{ owner: string }>(
    tx,
    sql`select pg_get_userbyid(relowner) as owner from pg_class where oid = ${`public.${quoteIdent(table)}`}::regclass`,
  );
  return row!.owner;
}

/**
 * The new parent and partitions belong to whoever ran the command: hand them to the old table's
 * owner (a superuser running the command for the owner role), so its migrations can alter them.
 */
export async function giveToOwner(tx: Tx, table: string, owner: string): Promise<void> {
  const names = [table, ...(await childPartitions(tx, table)).map((p) => p.name)];
  for (const name of names) {
    if ((await ownerOf(tx, name)) !== owner) {
      await exec(tx, `alter table ${quoteIdent(name)} owner to ${quoteIdent(owner)}`);
    }
  }
}

// ------------------------------------------------------------------ a plain table, read

export async function readCatalog(tx: Tx, table: string): Promise<Catalog> {
  const oid = sql`${`public.${quoteIdent(table)}`}::regclass`;
  const refuse = (why: string) => {
    throw new PartitionRefusedError(`表 ${table} ${why}，未做任何改动`);
  };
  const columns = await queryRows<{ name: string; identity: string }>(
    tx,
    sql`select attname as name, attidentity::text as identity from pg_attribute
        where attrelid = ${oid} and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
  );
  if (!columns.some((c) => c.name === PARTITION_KEY)) refuse(`没有 ${PARTITION_KEY} 列`);
  if (columns.some((c) => c.identity !== '')) refuse('有标识列（identity），本命令不处理');
  const [flags] = await queryRows<{ rls: boolean; rules: number; policies: number }>(
    tx,
    sql`select c.relrowsecurity as rls,
               (select count(*)::int from pg_rewrite r where r.ev_class = c.oid) as rules,
               (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
        from pg_class c where c.oid = ${oid}`,
  );
  if (flags!.rls || flags!.rules > 0 || flags!.policies > 0)
    refuse('有规则（rule）或行级安全策略，本命令不处理');
  // PostgreSQL: a unique key of a partitioned table includes the partition key (migration 0008).
  const keys = await queryRows<{ name: string; covered: boolean; exclusion: boolean }>(
    tx,
    sql`select c.relname as name, i.indisexclusion as exclusion,
               (select a.attnum from pg_attribute a where a.attrelid = i.indrelid and a.attname = ${PARTITION_KEY})
                 = any (i.indkey::int2[]) as covered
        from pg_index i join pg_class c on c.oid = i.indexrelid
        where i.indrelid = ${oid} and (i.indisunique or i.indisexclusion)`,
  );
  for (const k of keys) {
    if (k.exclusion) refuse(`有排除约束 ${k.name}，分区表不支持`);
    if (!k.covered)
      refuse(`的唯一键 ${k.name} 不含 ${PARTITION_KEY}：请先执行数据库迁移（sibi 启动时自动执行）`);
  }
  const constraints = await queryRows<{ name: string; type: string; def: string }>(
    tx,
    sql`select conname as name, contype::text as type, pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = ${oid} and contype in ('p', 'u', 'f') order by contype <> 'p', conname`,
  );
  const indexes = await queryRows<{ name: string; def: string }>(
    tx,
    sql`select c.relname as name, pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class c on c.oid = i.indexrelid
        where i.indrelid = ${oid}
          and not exists (select from pg_constraint k where k.conrelid = i.indrelid and k.conindid = i.indexrelid)
        order by c.relname`,
  );
  const triggers = await queryRows<{ name: string; def: string; enabled: string }>(
    tx,
    sql`select tgname as name, pg_get_triggerdef(oid) as def, tgenabled::text as enabled from pg_trigger
        where tgrelid = ${oid} and not tgisinternal order by tgname`,
  );
  const [key] = await queryRows<{ columns: string[] | null }>(
    tx,
    sql`select array_agg(a.attname::text order by k.ord) as columns
        from pg_index i cross join unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = ${oid} and i.indisprimary and k.ord <= i.indnkeyatts`,
  );
  if (!key?.columns) refuse('没有主键，本命令不处理');
  const incoming = await queryRows<{ table: string; name: string; def: string }>(
    tx,
    sql`select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
        from pg_constraint where confrelid = ${oid} and conrelid <> ${oid} and contype = 'f' order by conname`,
  );
  const sequences = await queryRows<{ sequence: string; column: string }>(
    tx,
    sql`select s.oid::regclass::text as sequence, a.attname as column
        from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
        join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
        where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
          and d.refobjid = ${oid} and d.deptype = 'a'`,
  );
  const [comment] = await queryRows<{ comment: string | null }>(
    tx,
    sql`select obj_description(${oid}, 'pg_class') as comment`,
  );
  return {
    columns: columns.map((c) => c.name),
    key: key!.columns!,
    constraints,
    indexes,
    // An online run's mirror (src/db/partition-shadow.ts) is not the table's own.
    triggers: triggers.filter((t) => !isMirrorTrigger(table, t.name)),
    incoming,
    sequences,
    comment: comment?.comment ?? null,
  };
}

// ------------------------------------------------------------------ a partitioned table, new provinces

interface ChildPartition {
  name: string;
  /** The list values, or null for the DEFAULT partition. */
  values: string[] | null;
}

export async function childPartitions(tx: Tx, table: string): Promise<ChildPartition[]> {
  const rows = await queryRows<{ name: string; bound: string }>(
    tx,
    sql`select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
        from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = ${`public.${quoteIdent(table)}`}::regclass order by c.relname`,
  );
  return rows.map((r) => ({
    name: r.name,
    values:
      r.bound === 'DEFAULT'
        ? null
        : [...r.bound.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'")),
  }));
}

export async function splitNewProvinces(
  tx: Tx,
  table: string,
  provinces: readonly string[],
): Promise<TablePartitioning> {
  const q = quoteIdent(table);
  const [key] = await queryRows<{ key: string }>(
    tx,
    sql`select pg_get_partkeydef(${`public.${q}`}::regclass) as key`,
  );
  if (key!.key !== `LIST (${PARTITION_KEY})`) {
    throw new PartitionRefusedError(
      `表 ${table} 已按 ${key!.key} 分区，不是按省（LIST (${PARTITION_KEY})），未做任何改动`,
    );
  }
  const parts = await childPartitions(tx, table);
  const covered = new Set(parts.flatMap((p) => p.values ?? []));
  let fallback = parts.find((p) => p.values === null)?.name;
  const result: TablePartitioning = { table, action: 'unchanged', added: [], movedRows: 0, partitions: [] };
  if (!fallback) {
    fallback = defaultName(table);
    await exec(tx, `create table ${quoteIdent(fallback)} partition of ${q} default`);
    result.action = 'split';
  }
  const from = quoteIdent(fallback);
  const columns = (
    await queryRows<{ name: string }>(
      tx,
      sql`select attname as name from pg_attribute
          where attrelid = ${`public.${q}`}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
          order by attnum`,
    )
  )
    .map((c) => quoteIdent(c.name))
    .join(', ');
  for (const province of provinces.filter((p) => !covered.has(p))) {
    const part = quoteIdent(partitionName(table, province));
    const value = quoteLiteral(province);
    const [waiting] = await queryRows<{ rows: number }>(
      tx,
      sql.raw(`select count(*)::int as rows from ${from} where ${PARTITION_KEY} = ${value}`),
    );
    // Made beside the table and attached, never CREATE TABLE … PARTITION OF: that takes the parent
    // ACCESS EXCLUSIVE, attaching only SHARE UPDATE EXCLUSIVE (and the DEFAULT partition exclusive).
    await exec(tx, `create table ${part} (like ${q} ${LIKE_OPTIONS})`);
    if (waiting!.rows > 0) {
      // The rows move straight between the partitions: the parent's statement triggers (project_months)
      // do not fire, as the rows themselves do not change. Row triggers on DELETE would; there are none.
      await refuseRowDeleteTriggers(tx, table, fallback);
      await exec(
        tx,
        `with moved as (delete from ${from} where ${PARTITION_KEY} = ${value} returning ${columns})
         insert into ${part} (${columns}) select ${columns} from moved`,
      );
    }
    // Attaching builds the parent's indexes on the partition and clones its row triggers and
    // foreign keys; it checks that no row of the province is left in the DEFAULT partition.
    await exec(tx, `alter table ${q} attach partition ${part} for values in (${value})`);
    result.movedRows += waiting!.rows;
    result.added.push(province);
    result.action = 'split';
  }
  return result;
}

async function refuseRowDeleteTriggers(tx: Tx, table: string, partition: string): Promise<void> {
  const triggers = await queryRows<{ name: string }>(
    tx,
    // tgtype bits: 1 row-level, 8 DELETE
    sql`select tgname as name from pg_trigger
        where tgrelid = ${`public.${quoteIdent(partition)}`}::regclass and not tgisinternal
          and tgtype & 1 = 1 and tgtype & 8 = 8`,
  );
  if (triggers.length > 0) {
    throw new PartitionRefusedError(
      `表 ${table} 的默认分区有行级 DELETE 触发器（${triggers.map((t) => t.name).join('、')}），搬移数据会触发它们，未做任何改动`,
    );
  }
}
