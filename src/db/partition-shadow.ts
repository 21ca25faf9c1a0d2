// A plain table rebuilt partitioned beside itself: the "shadow" `<table>__partitioned`, with every
// key, index and foreign key of the table under temporary names, filled while the table stays in
// use, then swapped in under the table's name (src/db/partition.ts in one transaction,
// src/db/partition-online.ts step by step under traffic).
//
// Online, a row trigger on the table (`<table>__mirror`) applies every insert, update, delete and
// truncate to the shadow in the writer's own transaction, so any snapshot sees the two alike for the
// rows already copied; the rows written before the trigger are copied in batches of pages, each row
// share-locked without waiting (NOWAIT: the batch gives way to a writer and is tried again, never the
// writer to the batch). A row a writer changed meanwhile is already in the shadow in its latest
// version and the batch leaves it (ON CONFLICT DO NOTHING); a row deleted before the batch locks it
// is skipped by the lock. Nothing here changes the table itself but the trigger, until the swap.
import { sql } from 'drizzle-orm';
import { quoteIdent } from './dump/catalog';
import { queryRows, type Tx } from './query';

/** What the catalog holds on a plain table, to be put back on its partitioned successor. */
export interface Catalog {
  columns: string[];
  /** The primary key's columns: the shadow's rows are found by them. */
  key: string[];
  constraints: { name: string; type: string; def: string }[];
  indexes: { name: string; def: string }[];
  triggers: { name: string; def: string; enabled: string }[];
  incoming: { table: string; name: string; def: string }[];
  sequences: { sequence: string; column: string }[];
  comment: string | null;
}

export const PARTITION_KEY = 'province_code';
export const shadowName = (table: string) => `${table}__partitioned`;
const mirrorName = (table: string) => `${table}__mirror`;
/** A name the shadow holds until the swap (63 bytes at most, as PostgreSQL keeps). */
const temporary = (name: string) => `${name.slice(0, 58)}__new`;
/** The triggers and function of the mirror: not the table's own, never carried over. */
export const isMirrorTrigger = (table: string, trigger: string) => trigger.startsWith(mirrorName(table));

export const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;
export const partitionName = (table: string, province: string) => `${table}_p${province}`;
export const defaultName = (table: string) => `${table}_default`;
/** What LIKE copies of the old table: every column with its defaults, CHECK constraints and storage. */
export const LIKE_OPTIONS =
  'including defaults including constraints including generated including storage including compression including comments';

export async function exec(tx: Tx, statement: string): Promise<void> {
  await tx.execute(sql.raw(statement));
}

/** Whether the table's shadow exists, and whether its mirror trigger does (an interrupted online run). */
export async function shadowState(tx: Tx, table: string): Promise<{ shadow: boolean; mirrored: boolean }> {
  const [row] = await queryRows<{ shadow: boolean; mirrored: boolean }>(
    tx,
    sql`select to_regclass(${`public.${quoteIdent(shadowName(table))}`}) is not null as shadow,
               exists (select from pg_trigger where tgname = ${`${mirrorName(table)}_rows`}
                         and tgrelid = to_regclass(${`public.${quoteIdent(table)}`})) as mirrored`,
  );
  return row!;
}

/**
 * The shadow: partitioned by province (one partition per province, and DEFAULT), with the table's
 * keys, indexes and foreign keys under temporary names, made while it is empty (no scan, no sort).
 * Locks: the table ACCESS SHARE (LIKE), the tables its keys refer to SHARE ROW EXCLUSIVE.
 */
export async function createShadow(
  tx: Tx,
  table: string,
  provinces: readonly string[],
  catalog: Catalog,
): Promise<void> {
  const q = quoteIdent(table);
  const shadow = quoteIdent(shadowName(table));
  await exec(tx, `create table ${shadow} (like ${q} ${LIKE_OPTIONS}) partition by list (${PARTITION_KEY})`);
  for (const province of provinces) {
    await exec(
      tx,
      `create table ${quoteIdent(partitionName(table, province))} partition of ${shadow} for values in (${quoteLiteral(province)})`,
    );
  }
  await exec(tx, `create table ${quoteIdent(defaultName(table))} partition of ${shadow} default`);
  for (const k of catalog.constraints) {
    await exec(tx, `alter table ${shadow} add constraint ${quoteIdent(temporary(k.name))} ${k.def}`);
  }
  for (const index of catalog.indexes) await exec(tx, indexOnShadow(index, shadow));
}

/** `CREATE [UNIQUE] INDEX name ON public.table USING …` made on the shadow under the temporary name. */
function indexOnShadow(index: { name: string; def: string }, shadow: string): string {
  const parts = /^(CREATE (?:UNIQUE )?INDEX )\S+ ON \S+ (USING .*)$/s.exec(index.def);
  if (!parts) throw new Error(`unexpected index definition: ${index.def}`);
  return `${parts[1]}${quoteIdent(temporary(index.name))} ON ${shadow} ${parts[2]}`;
}

/**
 * The trigger that keeps the shadow in step with the table from this commit on (the caller holds the
 * table, so no write is half seen). The shadow is emptied first: rows are copied only once it exists.
 */
export async function createMirror(tx: Tx, table: string, catalog: Catalog): Promise<void> {
  const q = quoteIdent(table);
  const shadow = quoteIdent(shadowName(table));
  const fn = quoteIdent(mirrorName(table));
  const columns = catalog.columns.map(quoteIdent);
  const key = catalog.key.map(quoteIdent);
  const match = key.map((k) => `${k} = old.${k}`).join(' and ');
  await exec(tx, `truncate ${shadow}`);
  await exec(
    tx,
    `create function ${fn}() returns trigger language plpgsql as $mirror$
     begin
       if tg_op = 'TRUNCATE' then
         truncate ${shadow};
         return null;
       end if;
       if tg_op <> 'INSERT' then
         delete from ${shadow} where ${match};
       end if;
       if tg_op <> 'DELETE' then
         insert into ${shadow} (${columns.join(', ')}) values (${columns.map((c) => `new.${c}`).join(', ')});
       end if;
       return null;
     end
     $mirror$`,
  );
  await exec(
    tx,
    `create trigger ${quoteIdent(`${mirrorName(table)}_rows`)} after insert or update or delete on ${q}
     for each row execute function ${fn}()`,
  );
  await exec(
    tx,
    `create trigger ${quoteIdent(`${mirrorName(table)}_truncate`)} after truncate on ${q}
     for each statement execute function ${fn}()`,
  );
}

/** The columns a row is copied by (not the generated ones), in order. */
export async function columnsOf(tx: Tx, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    tx,
    sql`select attname as name from pg_attribute
        where attrelid = ${`public.${quoteIdent(table)}`}::regclass and attnum > 0 and not attisdropped
          and attgenerated = '' order by attnum`,
  );
  return rows.map((r) => r.name);
}

/** The table's size in pages: the rows written before the mirror are all below it. */
export async function pagesOf(tx: Tx, table: string): Promise<number> {
  const [row] = await queryRows<{ pages: number }>(
    tx,
    sql`select (pg_relation_size(${`public.${quoteIdent(table)}`}::regclass)
                / current_setting('block_size')::int)::int as pages`,
  );
  return row!.pages;
}

/**
 * Copies the rows of pages [from, to) into the shadow, each locked FOR SHARE NOWAIT: a row a writer
 * holds fails the batch at once (55P03) instead of making the writer or the batch wait for the other.
 * Without a range: every row, as the table stands (the caller holds the table locked).
 */
export async function copyIntoShadow(
  tx: Tx,
  table: string,
  columns: readonly string[],
  pages?: { from: number; to: number },
): Promise<number> {
  const list = columns.map(quoteIdent).join(', ');
  const range = pages
    ? ` where ctid >= '(${pages.from},0)'::tid and ctid < '(${pages.to},0)'::tid for share nowait`
    : '';
  const result = (await tx.execute(
    sql.raw(
      `insert into ${quoteIdent(shadowName(table))} (${list})
       select ${list} from only ${quoteIdent(table)}${range} on conflict do nothing`,
    ),
  )) as unknown as { rowCount?: number | null; affectedRows?: number };
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}

/**
 * The table and its shadow compared in one snapshot: row count and a sum of row hashes. The mirror
 * writes in the writer's transaction, so any one snapshot sees them alike once the copy is done.
 */
export async function compareWithShadow(
  tx: Tx,
  table: string,
  columns: readonly string[],
): Promise<{ rows: number; shadowRows: number; same: boolean }> {
  const list = columns.map(quoteIdent).join(', ');
  const digest = (relation: string) =>
    `select count(*)::bigint as n, coalesce(sum(hashtextextended(row(${list})::text, 0)), 0) as h from ${relation}`;
  const [row] = await queryRows<{ rows: string; shadow_rows: string; same: boolean }>(
    tx,
    sql.raw(
      `select a.n::text as rows, b.n::text as shadow_rows, a.n = b.n and a.h = b.h as same
       from (${digest(`only ${quoteIdent(table)}`)}) a, (${digest(quoteIdent(shadowName(table)))}) b`,
    ),
  );
  return { rows: Number(row!.rows), shadowRows: Number(row!.shadow_rows), same: row!.same };
}

export const replacedName = (table: string) => `${table}__replaced`;
/** An index name of the replaced table, out of the way of the names the shadow takes. */
const retired = (name: string) => `${name.slice(0, 53)}__replaced`;

/**
 * The shadow takes the table's place (the caller holds the table, its shadow and any table whose
 * foreign key refers to it ACCESS EXCLUSIVE): the serial sequence moves over, the mirror goes, the
 * table steps aside as `<table>__replaced` (its indexes renamed out of the way), the shadow takes the
 * name, the temporary names become the table's, and the triggers, the foreign keys that referred to
 * the table and its comment are put back. Only the catalog changes: no row is read or written.
 *
 * The replaced table is not dropped here: dropping it drops its foreign key's triggers on projects,
 * which takes projects ACCESS EXCLUSIVE, and a request holding projects while it waits for the
 * reports would make that a deadlock. It is dropped after the swap (dropReplaced), when nothing
 * waits for it any more.
 */
export async function swapInShadow(tx: Tx, table: string, catalog: Catalog): Promise<void> {
  const q = quoteIdent(table);
  const shadow = quoteIdent(shadowName(table));
  for (const s of catalog.sequences) {
    await exec(tx, `alter sequence ${s.sequence} owned by ${shadow}.${quoteIdent(s.column)}`);
  }
  for (const f of catalog.incoming) {
    await exec(tx, `alter table ${f.table} drop constraint ${quoteIdent(f.name)}`);
  }
  for (const suffix of ['rows', 'truncate']) {
    await exec(tx, `drop trigger if exists ${quoteIdent(`${mirrorName(table)}_${suffix}`)} on ${q}`);
  }
  await exec(tx, `drop function if exists ${quoteIdent(mirrorName(table))}()`);
  const indexes = await queryRows<{ name: string }>(
    tx,
    sql`select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
        where i.indrelid = ${`public.${q}`}::regclass`,
  );
  for (const index of indexes) {
    await exec(tx, `alter index ${quoteIdent(index.name)} rename to ${quoteIdent(retired(index.name))}`);
  }
  await exec(tx, `alter table ${q} rename to ${quoteIdent(replacedName(table))}`);
  await exec(tx, `alter table ${shadow} rename to ${q}`);
  for (const k of catalog.constraints) {
    await exec(
      tx,
      `alter table ${q} rename constraint ${quoteIdent(temporary(k.name))} to ${quoteIdent(k.name)}`,
    );
    if (k.type !== 'f') continue;
    // A foreign key made on the parent is made on each partition under the same name.
    const partitions = await queryRows<{ name: string }>(
      tx,
      sql`select conrelid::regclass::text as name from pg_constraint
          where conname = ${temporary(k.name)} and conparentid <> 0`,
    );
    for (const p of partitions) {
      await exec(
        tx,
        `alter table ${p.name} rename constraint ${quoteIdent(temporary(k.name))} to ${quoteIdent(k.name)}`,
      );
    }
  }
  for (const index of catalog.indexes) {
    await exec(tx, `alter index ${quoteIdent(temporary(index.name))} rename to ${quoteIdent(index.name)}`);
  }
  for (const f of catalog.incoming) {
    await exec(tx, `alter table ${f.table} add constraint ${quoteIdent(f.name)} ${f.def}`);
  }
  for (const t of catalog.triggers) {
    await exec(tx, t.def);
    const state = { D: 'disable', R: 'enable replica', A: 'enable always' }[t.enabled];
    if (state) await exec(tx, `alter table ${q} ${state} trigger ${quoteIdent(t.name)}`);
  }
  if (catalog.comment !== null) await exec(tx, `comment on table ${q} is ${quoteLiteral(catalog.comment)}`);
}

/** The replaced table dropped (projects ACCESS EXCLUSIVE for a moment); false when there was none. */
export async function dropReplaced(tx: Tx, table: string): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    tx,
    sql`select to_regclass(${`public.${quoteIdent(replacedName(table))}`}) is not null as found`,
  );
  if (row!.found) await exec(tx, `drop table ${quoteIdent(replacedName(table))}`);
  return row!.found;
}

/** An interrupted or refused online run undone: the mirror and the shadow dropped, the table as it was. */
export async function dropShadow(tx: Tx, table: string): Promise<boolean> {
  const state = await shadowState(tx, table);
  if (state.mirrored) {
    for (const suffix of ['rows', 'truncate']) {
      await exec(
        tx,
        `drop trigger if exists ${quoteIdent(`${mirrorName(table)}_${suffix}`)} on ${quoteIdent(table)}`,
      );
    }
  }
  await exec(tx, `drop function if exists ${quoteIdent(mirrorName(table))}()`);
  if (state.shadow) await exec(tx, `drop table ${quoteIdent(shadowName(table))}`);
  return state.shadow || state.mirrored;
}
