import { sql } from 'drizzle-orm';
import { lastDayOfMonth } from '../../domain/period';
import { jsonParam } from '../query';

/** What one metric query covers: which regions count for which unit, and the period. */
export interface MetricScope {
  provinceCode: string;
  /** region code → unit code (a region and its descendants → that region; or → the child unit). */
  unitOf: ReadonlyMap<string, string>;
  year: number;
  /** Last month of the period (1–12). */
  month: number;
  periodStart: string;
  periodEnd: string;
  lists: readonly string[];
  /**
   * Set when the scope is part of a province (a city or a county): its queries then start from
   * the projects of these regions by index instead of reading the province's rows.
   */
  regions?: readonly string[];
}

/** The region → unit mapping as a SQL relation `m(region, unit)`. */
export function unitRelation(scope: MetricScope) {
  return sql`(select key as region, value as unit from jsonb_each_text(${jsonParam(Object.fromEntries(scope.unitOf))}::jsonb))`;
}

/**
 * A projects row `p` in the scope's regions: `true` for a whole province, otherwise a test on
 * `p.region_code` the planner answers from projects_region_idx (province_code, region_code).
 */
export function inRegions(scope: MetricScope, column = sql`p.region_code`) {
  if (!scope.regions) return sql`true`;
  return sql`${column} = any(array[${sql.join(
    scope.regions.map((code) => sql`${code}`),
    sql`, `,
  )}]::text[])`;
}

/**
 * For a city or county, `and <column> in (its projects)`: the rows of its own projects, found by
 * the projects' region index and then by project id, not by reading the province's rows. Nothing
 * for a whole province.
 */
export function narrowedToRegions(scope: MetricScope, column = sql`s.project_id`) {
  if (!scope.regions) return sql``;
  return sql`and ${column} in (select p.id from projects p where p.province_code = ${scope.provinceCode} and ${inRegions(scope)})`;
}

/** The lists as a `text[]` of parameters, for `list = any(…)`: the planner sees the values. */
export function listArray(scope: MetricScope) {
  return sql`array[${sql.join(
    scope.lists.map((list) => sql`${list}`),
    sql`, `,
  )}]::text[]`;
}

/** Sums come back as text from both drivers, so bigint values stay exact. */
export const big = (text: string | null | undefined): bigint => BigInt(text ?? '0');

/**
 * project_months holds each project's figures at the end of every month, so a scope read from it
 * must end on the last day of its last month (every period does: parsePeriod).
 */
export function requireMonthEnd(scope: MetricScope): void {
  if (scope.periodEnd !== lastDayOfMonth(scope.year, scope.month)) {
    throw new Error(`metric scope ends ${scope.periodEnd}, not at the end of ${scope.year}-${scope.month}`);
  }
}
