import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './client';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A JSON parameter: lists and maps travel as one jsonb value, whatever their size. */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value);
}

const ANALYZABLE = new Set([
  'regions',
  'projects',
  'project_leader_history',
  'project_years',
  'monthly_reports',
  'project_months',
  'deals',
  'reserve_projects',
  'approval_items',
  'project_issues',
]);

/** Tables written by triggers when their source is written: their statistics go stale together. */
const DERIVED: Record<string, string[]> = {
  monthly_reports: ['project_months'],
  projects: ['project_leader_history'],
};

/**
 * Refreshes planner statistics after a bulk write. PGlite runs no autovacuum, and without
 * statistics the metric queries can pick plans that are orders of magnitude slower.
 */
export async function analyzeTables(db: Tx, tables: readonly string[]): Promise<void> {
  await eachTable(tables, (table) => db.execute(sql.raw(`analyze ${table}`)));
}

/**
 * Gives back the space of the rows a rolled-back bulk write left behind (issue #14). PGlite runs no
 * autovacuum, so each aborted or dry-run import grew the data folder for good. VACUUM (not FULL: no
 * exclusive lock, no second copy) frees the dead rows' space for reuse and truncates the empty pages
 * at a table's end, which is where an aborted import's rows are. Outside any transaction.
 */
export async function vacuumTables(db: Db, tables: readonly string[]): Promise<void> {
  await eachTable(tables, (table) => db.execute(sql.raw(`vacuum ${table}`)));
}

async function eachTable(tables: readonly string[], run: (table: string) => Promise<unknown>): Promise<void> {
  for (const table of tables.flatMap((t) => [t, ...(DERIVED[t] ?? [])])) {
    if (!ANALYZABLE.has(table)) throw new Error(`not an analyzable table: ${table}`);
    await run(table);
  }
}
