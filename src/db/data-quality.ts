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
  project_id: number;
  code: string;
  name: string;
  region_code: string;
  total_investment: string | null;
  actual_start: string | null;
  invested_before: string | null;
  /** JSON array of the project's reports, by month: see ReportTuple. */
  reports: string;
}

/** One report as SQL hands it over: one JSON row per project is far cheaper to fetch than a row a report. */
type ReportTuple = [
  id: number,
  month: number,
  investYtd: string,
  started: boolean,
  startDate: string | null,
  completed: boolean,
  completionDate: string | null,
  progressNote: string | null,
  state: string,
];

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
    ),
    agg as (
      select rep.project_id,
             json_agg(json_build_array(rep.id, rep.month, rep.invest_ytd::text, rep.started,
                        to_char(rep.start_date, 'YYYY-MM-DD'), rep.completed,
                        to_char(rep.completion_date, 'YYYY-MM-DD'), rep.progress_note, rep.state)
                      order by rep.month) as reports
      from rep
      group by rep.project_id
    )
    select p.id as project_id, p.code, p.name, p.region_code, p.total_investment::text as total_investment,
           to_char(p.actual_start, 'YYYY-MM-DD') as actual_start, b.invested::text as invested_before,
           agg.reports::text as reports
    from agg
    join projects p on p.id = agg.project_id
    left join before b on b.project_id = agg.project_id
    order by p.code`,
  );
  return rows.map((r) => ({
    project: {
      id: r.project_id,
      code: r.code,
      name: r.name,
      regionCode: r.region_code,
      totalInvestment: r.total_investment === null ? null : big(r.total_investment),
      investedBefore: big(r.invested_before),
      actualStart: r.actual_start,
    },
    reports: (JSON.parse(r.reports) as ReportTuple[]).map(
      ([id, month, investYtd, started, startDate, completed, completionDate, progressNote, state]) => ({
        id,
        state,
        month,
        investYtd: big(investYtd),
        started,
        startDate,
        completed,
        completionDate,
        progressNote,
      }),
    ),
  }));
}
