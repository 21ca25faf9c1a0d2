// The facts the 红黄绿灯 rules read for each project of a scope at the end of month N: one pass over
// the year's list entries, project_months (investYtd carried forward, started, completed) and
// month N's reports; and the issues still open at the period end, by project.
import { sql } from 'drizzle-orm';
import type { OpenIssue, ProjectFacts } from '../domain/alerts';
import {
  big,
  inRegions,
  listArray,
  type MetricScope,
  narrowedToRegions,
  requireMonthEnd,
} from './metrics/scope';
import { queryRows, type Tx } from './query';

export interface ProjectAlertRow extends ProjectFacts {
  id: number;
  code: string;
  name: string;
  regionCode: string;
}

interface Row {
  id: number;
  code: string;
  name: string;
  region_code: string;
  annual_target: string | null;
  invest_ytd: string | null;
  planned_start: string | null;
  started: boolean;
  completed: boolean;
  reported: boolean;
}

interface IssueRow {
  project_id: number;
  raised_date: string;
  resolved_date: string | null;
}

/** Projects on the scope's lists in its year and in its regions, ordered by code. */
export async function queryProjectAlertFacts(db: Tx, scope: MetricScope): Promise<ProjectAlertRow[]> {
  requireMonthEnd(scope);
  const monthStart = `${scope.year}-${String(scope.month).padStart(2, '0')}-01`;
  const rows = await queryRows<Row>(
    db,
    sql`
    with entries as (
      select y.project_id as id, max(y.annual_target) as target
      from project_years y
      where y.province_code = ${scope.provinceCode} and y.year = ${scope.year}
        and y.list = any(${listArray(scope)})
        ${narrowedToRegions(scope, sql`y.project_id`)}
      group by y.project_id
    ),
    months as materialized (
      select s.project_id, s.invest_ytd, s.started, s.completed
      from project_months s
      where s.province_code = ${scope.provinceCode} and s.year = ${scope.year} and s.month = ${scope.month}
        ${narrowedToRegions(scope)}
    ),
    filed as materialized (
      -- month N's report, once submitted (a draft has not been sent; a returned one is owed again)
      select r.project_id
      from monthly_reports r
      where r.province_code = ${scope.provinceCode} and r.year = ${scope.year} and r.month = ${scope.month}
        and r.state in ('submitted', 'approved')
        ${narrowedToRegions(scope, sql`r.project_id`)}
    )
    select p.id, p.code, p.name, p.region_code,
           e.target::text as annual_target,
           s.invest_ytd::text as invest_ytd,
           to_char(p.planned_start, 'YYYY-MM-DD') as planned_start,
           (coalesce(s.started, false) or coalesce(p.actual_start <= ${scope.periodEnd}::date, false)) as started,
           (coalesce(s.completed, false) or coalesce(p.actual_completion < ${monthStart}::date, false)) as completed,
           f.project_id is not null as reported
    from entries e
    join projects p on p.id = e.id and p.province_code = ${scope.provinceCode}
    left join months s on s.project_id = p.id
    -- one report per project and month (monthly_reports_key), so the join adds no rows
    left join filed f on f.project_id = p.id
    where ${inRegions(scope)}
    order by p.code`,
  );
  const issues = await queryOpenIssues(db, scope);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    regionCode: r.region_code,
    annualTarget: r.annual_target === null ? null : big(r.annual_target),
    investYtd: r.invest_ytd === null ? null : big(r.invest_ytd),
    plannedStart: r.planned_start,
    started: r.started,
    completed: r.completed,
    reported: r.reported,
    issues: issues.get(r.id) ?? [],
  }));
}

/** Issues raised by the period end and not resolved by it, by project id. */
async function queryOpenIssues(db: Tx, scope: MetricScope): Promise<Map<number, OpenIssue[]>> {
  const rows = await queryRows<IssueRow>(
    db,
    sql`
    select i.project_id,
           to_char(i.raised_date, 'YYYY-MM-DD') as raised_date,
           to_char(i.resolved_date, 'YYYY-MM-DD') as resolved_date
    from project_issues i
    where i.province_code = ${scope.provinceCode} and i.raised_date <= ${scope.periodEnd}::date
      and (i.resolved_date is null or i.resolved_date > ${scope.periodEnd}::date)
      ${narrowedToRegions(scope, sql`i.project_id`)}`,
  );
  const out = new Map<number, OpenIssue[]>();
  for (const r of rows) {
    const list = out.get(r.project_id) ?? [];
    list.push({ raisedDate: r.raised_date, resolvedDate: r.resolved_date });
    out.set(r.project_id, list);
  }
  return out;
}
