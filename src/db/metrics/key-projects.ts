// key.* metrics: one pass over the period's list entries and reports, grouped by unit.
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../query';
import { big, listArray, type MetricScope, narrowedToRegions, requireMonthEnd, unitRelation } from './scope';

export interface KeyProjectTotals {
  projectCount: number;
  annualTarget: bigint;
  investYtd: bigint;
  plannedNewStarts: number;
  newStarted: number;
  plannedCompletions: number;
  completed: number;
  /** Projects whose planned production date (计划投产日期) falls in year Y, and how many of them are in production by the period end. */
  plannedProductions: number;
  plannedInProduction: number;
  /** Projects in production (实际投产日期) by the period end, whatever their planned date, and Σ of their output value (元). */
  productionStarted: number;
  outputValue: bigint;
  /** Projects expected to report × months in the period, and how many reports came by the deadline. */
  reportsExpected: number;
  reportsOnTime: number;
}

interface Row {
  unit: string;
  project_count: number;
  annual_target: string;
  invest_ytd: string;
  planned_new: number;
  new_started: number;
  planned_completions: number;
  completed: number;
  planned_productions: number;
  planned_in_production: number;
  production_started: number;
  output_value: string;
  reports_expected: number;
  reports_on_time: number;
}

export async function queryKeyProjectTotals(
  db: Tx,
  scope: MetricScope,
): Promise<Map<string, KeyProjectTotals>> {
  requireMonthEnd(scope);
  // planned to go into production some time in year Y (the whole year, not only up to the period end)
  const plannedThisYear = sql`p.planned_production between ${`${scope.year}-01-01`}::date and ${`${scope.year}-12-31`}::date`;
  const rows = await queryRows<Row>(
    db,
    sql`
    with m as ${unitRelation(scope)},
    entries as (
      -- a project on several of the chosen lists counts once, with its largest annual target
      select y.project_id as id, max(y.annual_target) as target,
             bool_or(y.nature = 'new') as is_new,
             bool_or(y.completion_planned) as completion_planned
      from project_years y
      where y.province_code = ${scope.provinceCode} and y.year = ${scope.year}
        and y.list = any(${listArray(scope)})
        ${narrowedToRegions(scope, sql`y.project_id`)}
      group by y.project_id
    ),
    reports as materialized (
      -- each project's figures at the end of month N, carried forward from its reports (project_months);
      -- materialized, so it is read once by its index and hashed, never probed once per project
      select s.project_id, s.invest_ytd, s.started, s.completed, s.on_time
      from project_months s
      where s.province_code = ${scope.provinceCode} and s.year = ${scope.year} and s.month = ${scope.month}
        ${narrowedToRegions(scope)}
    )
    select m.unit,
           count(*)::int as project_count,
           coalesce(sum(e.target), 0)::text as annual_target,
           coalesce(sum(r.invest_ytd), 0)::text as invest_ytd,
           count(*) filter (where e.is_new)::int as planned_new,
           count(*) filter (where e.is_new and (coalesce(r.started, false) or p.actual_start <= ${scope.periodEnd}::date))::int as new_started,
           count(*) filter (where e.completion_planned)::int as planned_completions,
           count(*) filter (where e.completion_planned and (coalesce(r.completed, false) or p.actual_completion <= ${scope.periodEnd}::date))::int as completed,
           count(*) filter (where ${plannedThisYear})::int as planned_productions,
           count(*) filter (where ${plannedThisYear} and p.production_start <= ${scope.periodEnd}::date)::int as planned_in_production,
           count(*) filter (where p.production_start <= ${scope.periodEnd}::date)::int as production_started,
           coalesce(sum(p.output_value) filter (where p.production_start <= ${scope.periodEnd}::date), 0)::text as output_value,
           (count(*) * ${scope.month})::int as reports_expected,
           coalesce(sum(r.on_time), 0)::int as reports_on_time
    from entries e
    join projects p on p.id = e.id and p.province_code = ${scope.provinceCode}
    join m on m.region = p.region_code
    left join reports r on r.project_id = e.id
    group by m.unit`,
  );
  return new Map(
    rows.map((r) => [
      r.unit,
      {
        projectCount: r.project_count,
        annualTarget: big(r.annual_target),
        investYtd: big(r.invest_ytd),
        plannedNewStarts: r.planned_new,
        newStarted: r.new_started,
        plannedCompletions: r.planned_completions,
        completed: r.completed,
        plannedProductions: r.planned_productions,
        plannedInProduction: r.planned_in_production,
        productionStarted: r.production_started,
        outputValue: big(r.output_value),
        reportsExpected: r.reports_expected,
        reportsOnTime: r.reports_on_time,
      },
    ]),
  );
}
