// Every database test runs on PGlite and on PostgreSQL. PGlite opens from a migrated dump
// prepared once per run (test/global-setup.ts); PostgreSQL gets a fresh database per open, copied from
// a migrated template made once per run.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * Makes `dataDir` a migrated, empty PGlite data folder: a copy of the one the global setup prepared
 * (milliseconds), or, without it, a new one made and migrated here (seconds). `dataDir` must not exist
 * or be empty.
 */
export async function preparedDataDir(dataDir: string): Promise<string> {
  const template = process.env.SIBI_TEST_PGLITE_DATA_DIR;
  if (template) cpSync(template, dataDir, { recursive: true });
  else await (await openDatabase({ dataDir })).close();
  return dataDir;
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
  const { name, url } = await copyPgTemplate('sibi_test', process.env.SIBI_TEST_PG_TEMPLATE);
  const database = await openDatabase({ url });
  if (options.partitions) await partitionEmpty(database, options.partitions);
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropDatabase(name);
    },
  };
}

/** A new PostgreSQL database named from `prefix`, a copy of `template` (without one: empty). */
async function copyPgTemplate(
  prefix: string,
  template: string | undefined,
): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
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

/**
 * A migrated, empty database for `sibi` child processes: a copy of the prepared PGlite folder, or a
 * PostgreSQL database copied from the migrated template — so the first command does not pay for
 * initdb and every migration. With `unmigrated`, a database no sibi has opened yet (an empty folder,
 * a new PostgreSQL database): what a restore or a first start is tested on.
 */
export async function createCliTarget(
  name: 'pglite' | 'postgres',
  options: { unmigrated?: boolean } = {},
): Promise<CliTarget> {
  if (name === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'sibi-cli-'));
    if (!options.unmigrated) await preparedDataDir(dir);
    return {
      name,
      env: { SIBI_DATA_DIR: dir },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const copy = await copyPgTemplate(
    'sibi_cli',
    options.unmigrated ? undefined : process.env.SIBI_TEST_PG_TEMPLATE,
  );
  return { name, env: { DATABASE_URL: copy.url }, cleanup: () => dropDatabase(copy.name) };
}
