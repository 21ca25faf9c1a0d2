// The facts the 数据质量检查 read: each project's monthly reports of a year up to a month (those
// sent: submitted or approved, plus one given report whatever its state), with the project's total
// investment, actual start and what its earlier years' reports completed. Either for the projects
// of a region (scoped like the 红黄绿灯 query) or for given project ids (an import, one report).
import { type SQL, sql } from 'drizzle-orm';
import type { QualityProject, QualityReport } from '../domain/data-quality';
import { big, type MetricScope, narrowedToRegions } from './metrics/scope';
import { jsonParam, queryRows, type Tx } from './query';

export interface QualityReportRow extends QualityReport {
  id: number;
  state: string;
}

export interface QualityFacts {
  project: QualityProject & { id: number; name: string; regionCode: string };
  reports: QualityReportRow[];
}

interface Row {
  id: number;
  project_id: number;
  month: number;
  invest_ytd: string;
  started: boolean;
  start_date: string | null;
  completed: boolean;
  completion_date: string | null;
  progress_note: string | null;
  state: string;
  code: string;
  name: string;
  region_code: string;
  total_investment: string | null;
  actual_start: string | null;
  invested_before: string | null;
}

/** The reports of a region's projects in year Y, January to month M, by project (ordered by code). */
export function queryRegionQualityFacts(db: Tx, scope: MetricScope): Promise<QualityFacts[]> {
  return queryFacts(
    db,
    scope.year,
    scope.month,
    sql`r.province_code = ${scope.provinceCode} ${narrowedToRegions(scope, sql`r.project_id`)}`,
    null,
  );
}

/**
 * The reports of the given projects in year Y up to month M; `includeReport` is checked whatever its
 * state (a draft being filled, a report under review).
 */
export function queryProjectQualityFacts(
  db: Tx,
  projectIds: readonly number[],
  year: number,
  month = 12,
  includeReport: number | null = null,
): Promise<QualityFacts[]> {
  if (projectIds.length === 0) return Promise.resolve([]);
  return queryFacts(
    db,
    year,
    month,
    sql`r.project_id in (select value::int from jsonb_array_elements_text(${jsonParam(projectIds)}::jsonb))`,
    includeReport,
  );
}

async function queryFacts(
  db: Tx,
  year: number,
  month: number,
  projects: SQL,
  includeReport: number | null,
): Promise<QualityFacts[]> {
  const rows = await queryRows<Row>(
    db,
    sql`
    with rep as materialized (
      select r.id, r.project_id, r.month, r.invest_ytd, r.started, r.start_date, r.completed,
             r.completion_date, r.progress_note, r.state
      from monthly_reports r
      where r.year = ${year} and r.month <= ${month} and ${projects}
        and (r.state in ('submitted', 'approved') or r.id = ${includeReport ?? -1})
    ),
    before as (
      -- each earlier year's last sent report: what that year completed
      select l.project_id, sum(l.invest_ytd) as invested
      from (
        select distinct on (e.project_id, e.year) e.project_id, e.invest_ytd
        from monthly_reports e
        where e.project_id in (select project_id from rep) and e.year < ${year}
          and e.state in ('submitted', 'approved')
        order by e.project_id, e.year, e.month desc
      ) l
      group by l.project_id
    )
    select rep.id, rep.project_id, rep.month, rep.invest_ytd::text as invest_ytd, rep.started,
           to_char(rep.start_date, 'YYYY-MM-DD') as start_date, rep.completed,
           to_char(rep.completion_date, 'YYYY-MM-DD') as completion_date, rep.progress_note, rep.state,
           p.code, p.name, p.region_code, p.total_investment::text as total_investment,
           to_char(p.actual_start, 'YYYY-MM-DD') as actual_start, b.invested::text as invested_before
    from rep
    join projects p on p.id = rep.project_id
    left join before b on b.project_id = rep.project_id
    order by p.code, rep.month`,
  );
  const out: QualityFacts[] = [];
  let current = null as QualityFacts | null;
  for (const r of rows) {
    if (current?.project.id !== r.project_id) {
      current = {
        project: {
          id: r.project_id,
          code: r.code,
          name: r.name,
          regionCode: r.region_code,
          totalInvestment: r.total_investment === null ? null : big(r.total_investment),
          investedBefore: big(r.invested_before),
          actualStart: r.actual_start,
        },
        reports: [],
      };
      out.push(current);
    }
    current.reports.push({
      id: r.id,
      state: r.state,
      month: r.month,
      investYtd: big(r.invest_ytd),
      started: r.started,
      startDate: r.start_date,
      completed: r.completed,
      completionDate: r.completion_date,
      progressNote: r.progress_note,
    });
  }
  return out;
}
