// Loading a logical dump: the SQL of a restore, all run inside the caller's one transaction.
import { sql } from 'drizzle-orm';
import { type Db, MIGRATION_LOCK } from '../client';
import { queryRows, type Tx } from '../query';
import { PUBLIC_TABLES, quoteIdent, type TableShape } from './catalog';

/**
 * Serialises the restore with migrations of other instances, and gives up instead of queueing
 * behind a running server's open transactions.
 */
export async function lockSchema(tx: Tx): Promise<void> {
  await tx.execute(sql`set local lock_timeout = '30s'`);
  await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
}

/** The tables of schema public that hold at least one row. */
export async function nonEmptyTables(tx: Tx): Promise<string[]> {
  const tables = await queryRows<{ name: string }>(
    tx,
    sql`select c.relname as name from pg_class c where ${PUBLIC_TABLES} order by c.relname`,
  );
  const filled: string[] = [];
  for (const { name } of tables) {
    const [row] = await queryRows<{ any: boolean }>(
      tx,
      sql.raw(`select exists (select from ${quoteIdent(name)}) as any`),
    );
    if (row?.any) filled.push(name);
  }
  return filled;
}

/**
 * Drops every table and enum or domain type of schema public, so the schema can be rebuilt at
 * another migration level. DROP fires no row or TRUNCATE trigger: the append-only audit log goes
 * with its table (only its owner may drop it) and comes back with its trigger from the migrations.
 */
export async function dropPublicSchemaObjects(tx: Tx): Promise<void> {
  const tables = await queryRows<{ name: string }>(
    tx,
    sql`select c.relname as name from pg_class c where ${PUBLIC_TABLES}`,
  );
  if (tables.length) {
    await tx.execute(sql.raw(`drop table ${tables.map((t) => quoteIdent(t.name)).join(', ')} cascade`));
  }
  const types = await queryRows<{ name: string }>(
    tx,
    sql`select t.typname as name from pg_type t
        where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd')`,
  );
  if (types.length) {
    await tx.execute(sql.raw(`drop type ${types.map((t) => quoteIdent(t.name)).join(', ')} cascade`));
  }
}

/**
 * Switches the tables' own triggers (not the foreign-key checks) off or on. The restore loads the
 * snapshot as it was, derived tables included, so triggers that keep tables in step with writes
 * (project_months) must not fire again; the tables are this transaction's own, unseen by others.
 */
export async function setUserTriggers(tx: Tx, tables: readonly string[], enabled: boolean): Promise<void> {
  for (const table of tables) {
    await tx.execute(
      sql.raw(`alter table ${quoteIdent(table)} ${enabled ? 'enable' : 'disable'} trigger user`),
    );
  }
}

/** Inserts rows given as JSON-array lines of text values, cast back to each column's type. */
export async function insertLines(tx: Tx, table: TableShape, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  const names = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  const values = table.columns.map((c, i) => `(r->>${i})::${c.castType}`).join(', ');
  await tx.execute(
    sql`insert into ${sql.raw(quoteIdent(table.name))} (${sql.raw(names)}) overriding system value
        select ${sql.raw(values)} from jsonb_array_elements(${`[${lines.join(',')}]`}::jsonb) as r`,
  );
}

/** Sets a sequence so it hands out `next`, or the value after the column's largest if that is higher. */
export async function resetSequence(tx: Tx, table: string, column: string, sequence: string, next: string) {
  await tx.execute(
    sql`select setval(${quoteIdent(sequence)}::regclass,
          greatest(${next}::bigint, coalesce((select max(${sql.raw(quoteIdent(column))})::bigint
                                              from ${sql.raw(quoteIdent(table))}), 0) + 1),
          false)`,
  );
}

/** Planner statistics for every table (PGlite runs no autovacuum). */
export async function analyzeAll(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}
