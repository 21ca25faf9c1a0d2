// The schema's migration level: which migrations a database has applied, and applying a chosen
// prefix of them inside the caller's transaction. Same bookkeeping as drizzle's migrator
// (drizzle.__drizzle_migrations: hash, created_at = the journal's `when`), so a database built
// here is migrated onwards by `openDatabase` like any other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from './client';
import { queryRows, type Tx } from './query';

export interface AppliedMigration {
  hash: string;
  createdAt: number;
}

export interface MigrationFile extends AppliedMigration {
  tag: string;
  statements: string[];
}

/** The migrations this program ships, oldest first. */
export function migrationFiles(folder = MIGRATIONS_FOLDER): MigrationFile[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return readMigrationFiles({ migrationsFolder: folder }).map((m, i) => ({
    tag: journal.entries[i]!.tag,
    hash: m.hash,
    createdAt: m.folderMillis,
    statements: m.sql,
  }));
}

/** The migrations a database has applied, oldest first; none when it was never migrated. */
export async function appliedMigrations(tx: Tx): Promise<AppliedMigration[]> {
  const [present] = await queryRows<{ present: boolean }>(
    tx,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!present?.present) return [];
  const rows = await queryRows<{ hash: string; created_at: string }>(
    tx,
    sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

/** Forgets every applied migration (the schema is about to be rebuilt from scratch). */
export async function forgetMigrations(tx: Tx): Promise<void> {
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(
    sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
  await tx.execute(sql`delete from drizzle.__drizzle_migrations`);
}

/** Runs the given migrations in order and records each, in the caller's transaction. */
export async function applyMigrations(tx: Tx, migrations: readonly MigrationFile[]): Promise<void> {
  for (const migration of migrations) {
    for (const statement of migration.statements) await tx.execute(sql.raw(statement));
    await tx.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.createdAt})`,
    );
  }
}
