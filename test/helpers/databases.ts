// Every database test runs on PGlite and on PostgreSQL. PGlite opens from a migrated dump
// prepared once per run (test/global-setup.ts); PostgreSQL gets a fresh database per open.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

export const PG_ADMIN_URL = process.env.SIBI_TEST_PG_URL ?? 'postgres://sibi:sibi@127.0.0.1:5432/postgres';

let counter = 0;

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'pglite', open: openTestPglite }];
  if (process.env.SIBI_TEST_PG_AVAILABLE === '1') list.push({ name: 'postgres', open: openTestPostgres });
  return list;
}

export async function openTestPglite(): Promise<Database> {
  const dump = process.env.SIBI_TEST_PGLITE_TEMPLATE;
  if (!dump) return openDatabase({});
  const blob = new Blob([readFileSync(dump)]);
  return openDatabase({ loadDataDir: blob });
}

export async function openTestPostgres(): Promise<Database> {
  const name = `sibi_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: PG_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Empties every table but the append-only audit log, so tests in one file start clean. */
export async function clearData(database: Database): Promise<void> {
  await database.db.execute(
    sql`TRUNCATE regions, projects, project_years, monthly_reports, deals, reserve_projects, approval_items, project_issues, evaluations, evaluation_events, evaluation_adjustments, settings RESTART IDENTITY CASCADE`,
  );
}

/** A database for a command run in a child process: the environment that points `sibi` at it. */
export interface CliTarget {
  name: 'pglite' | 'postgres';
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function createCliTarget(name: 'pglite' | 'postgres'): Promise<CliTarget> {
  if (name === 'pglite') {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sibi-cli-'));
    return {
      name,
      env: { SIBI_DATA_DIR: dir },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const dbName = `sibi_cli_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${dbName}`;
  return {
    name,
    env: { DATABASE_URL: url.toString() },
    cleanup: async () => {
      const cleanup = new pg.Client({ connectionString: PG_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
