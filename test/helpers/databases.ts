// Every database test runs on PGlite and on PostgreSQL. PGlite opens from a migrated dump
// prepared once per run (test/global-setup.ts); PostgreSQL gets a fresh database per open, copied from
// a migrated template made once per run.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client';
import { partitionTables } from '../../src/db/partition';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** For test titles: the name, or what else sets the database apart. */
  label: string;
  open(): Promise<Database>;
}

export const PG_ADMIN_URL = process.env.SIBI_TEST_PG_URL ?? 'postgres://sibi:sibi@127.0.0.1:5432/postgres';

let counter = 0;

/** The provinces a partitioned test database has partitions for (any other code: DEFAULT). */
export const TEST_PARTITIONS = ['410000', '420000'] as const;

/**
 * PGlite, and PostgreSQL when reachable; with `partitioned`, also PostgreSQL with monthly_reports
 * and project_months partitioned by province (`sibi db partition`, docs/scaling.md §3).
 */
export function testDatabases(options: { partitioned?: boolean } = {}): TestDatabase[] {
  if (process.env.SIBI_TEST_TIER === 'unit')
    throw new Error('a database test in the unit tier: leave it out of UNIT_INCLUDE in test/tiers.ts');
  const list: TestDatabase[] = [{ name: 'pglite', label: 'pglite', open: openTestPglite }];
  if (process.env.SIBI_TEST_PG_AVAILABLE === '1') {
    list.push({ name: 'postgres', label: 'postgres', open: () => openTestPostgres() });
    if (options.partitioned) {
      list.push({
        name: 'postgres',
        label: 'postgres partitioned by province',
        open: () => openTestPostgres({ partitions: TEST_PARTITIONS }),
      });
    }
  }
  return list;
}

export async function openTestPglite(): Promise<Database> {
  const dump = process.env.SIBI_TEST_PGLITE_TEMPLATE;
  if (!dump) return openDatabase({});
  const blob = new Blob([readFileSync(dump)]);
  return openDatabase({ loadDataDir: blob });
}

/**
 * A fresh PostgreSQL database. With `partitions`, its large tables are partitioned with one partition
 * per code given (province regions are added for the command and removed again: the tables stay
 * empty) plus the DEFAULT partition.
 */
export async function openTestPostgres(options: { partitions?: readonly string[] } = {}): Promise<Database> {
  const name = `sibi_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  const template = process.env.SIBI_TEST_PG_TEMPLATE;
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  if (options.partitions) await partitionEmpty(database, options.partitions);
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropDatabase(name);
    },
  };
}

/**
 * Drops a test database. WITH (FORCE) may not end an autovacuum worker busy in it after a bulk load
 * (PostgreSQL 15: "must be a member of the role whose process is being terminated"): try again.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const cleanup = new pg.Client({ connectionString: PG_ADMIN_URL });
    await cleanup.connect();
    try {
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '42501' || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await cleanup.end();
    }
  }
}

async function partitionEmpty(database: Database, provinces: readonly string[]): Promise<void> {
  await database.db.transaction(async (tx) => {
    for (const code of provinces) {
      await tx.execute(
        sql`insert into regions (code, name, kind, province_code) values (${code}, ${code}, 'province', ${code})`,
      );
    }
    await partitionTables(tx);
    await tx.execute(sql`delete from regions`);
  });
}

/**
 * Empties every table but the append-only audit log and the published evaluations (final: migration
 * 0010 refuses their TRUNCATE), so tests in one file start clean.
 */
export async function clearData(database: Database): Promise<void> {
  await database.db.execute(
    sql`TRUNCATE regions, projects, project_years, monthly_reports, deals, reserve_projects, approval_items, project_issues, evaluation_events, evaluation_adjustments, settings RESTART IDENTITY CASCADE`,
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
    cleanup: () => dropDatabase(dbName),
  };
}
