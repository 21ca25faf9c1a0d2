// What the OC4IDS export reads: the projects of a list in a year within some regions (and the
// caller's visibility), each with its year entry and its latest approved report up to month N.
import { sql } from 'drizzle-orm';
import type { Oc4idsSource } from '../domain/oc4ids';
import type { Nature } from '../domain/records';
import type { Visibility } from '../policies/visibility';
import { queryRows, type Tx } from './query';
import { inCodes, projectVisibleSql } from './records/visibility-sql';
import { projects } from './schema';

export interface Oc4idsQuery {
  provinceCode: string;
  /** The exported region's subtree. */
  regionCodes: readonly string[];
  year: number;
  /** Last month of the period (1–12): reports of later months are not read. */
  month: number;
  list: string;
  /** Absent for the command line, which sees everything. */
  visibility?: Visibility;
}

interface Row {
  code: string;
  name: string;
  region_code: string;
  owner: string | null;
  domain: string | null;
  scope: string | null;
  total_investment: string | null;
  planned_start: string | null;
  planned_completion: string | null;
  actual_start: string | null;
  actual_completion: string | null;
  lng: number | string | null;
  lat: number | string | null;
  list: string;
  nature: Nature;
  annual_target: string | null;
  updated_at: string;
  month: number | null;
  invest_ytd: string | null;
  started: boolean | null;
  start_date: string | null;
  completed: boolean | null;
  completion_date: string | null;
  progress_note: string | null;
}

const day = (column: ReturnType<typeof sql>) => sql`to_char(${column}, 'YYYY-MM-DD')`;
const utc = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const num = (v: number | string | null) => (v === null ? null : Number(v));

/** Ordered by project code. */
export async function queryOc4idsProjects(db: Tx, q: Oc4idsQuery): Promise<Oc4idsSource[]> {
  const rows = await queryRows<Row>(
    db,
    sql`
    with entries as materialized (
      select y.project_id, y.list, y.nature, y.annual_target, y.updated_at
      from project_years y
      where y.province_code = ${q.provinceCode} and y.year = ${q.year} and y.list = ${q.list}
    ),
    latest as materialized (
      -- the latest approved report of the year up to month N (one per project and month)
      select distinct on (r.project_id) r.project_id, r.month, r.invest_ytd, r.started, r.start_date,
             r.completed, r.completion_date, r.progress_note, r.updated_at
      from monthly_reports r
      where r.province_code = ${q.provinceCode} and r.year = ${q.year} and r.month <= ${q.month}
        and r.state = 'approved' and r.project_id in (select project_id from entries)
      order by r.project_id, r.month desc
    )
    select projects.code, projects.name, projects.region_code, projects.owner, projects.domain, projects.scope,
           projects.total_investment::text as total_investment,
           ${day(sql`projects.planned_start`)} as planned_start,
           ${day(sql`projects.planned_completion`)} as planned_completion,
           ${day(sql`projects.actual_start`)} as actual_start,
           ${day(sql`projects.actual_completion`)} as actual_completion,
           projects.lng, projects.lat, e.list, e.nature, e.annual_target::text as annual_target,
           ${utc(sql`greatest(projects.updated_at, e.updated_at, l.updated_at)`)} as updated_at,
           l.month, l.invest_ytd::text as invest_ytd, l.started, ${day(sql`l.start_date`)} as start_date,
           l.completed, ${day(sql`l.completion_date`)} as completion_date, l.progress_note
    from entries e
    join projects on projects.id = e.project_id and projects.province_code = ${q.provinceCode}
    left join latest l on l.project_id = e.project_id
    where ${inCodes(projects.regionCode, q.regionCodes)}
      ${q.visibility ? sql`and ${projectVisibleSql(q.visibility)}` : sql``}
    order by projects.code`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    regionCode: r.region_code,
    owner: r.owner,
    domain: r.domain,
    scope: r.scope,
    totalInvestment: r.total_investment === null ? null : BigInt(r.total_investment),
    plannedStart: r.planned_start,
    plannedCompletion: r.planned_completion,
    actualStart: r.actual_start,
    actualCompletion: r.actual_completion,
    lng: num(r.lng),
    lat: num(r.lat),
    list: r.list,
    nature: r.nature,
    annualTarget: r.annual_target === null ? null : BigInt(r.annual_target),
    updatedAt: r.updated_at,
    report:
      r.month === null
        ? null
        : {
            month: r.month,
            investYtd: BigInt(r.invest_ytd ?? '0'),
            started: !!r.started,
            startDate: r.start_date,
            completed: !!r.completed,
            completionDate: r.completion_date,
            progressNote: r.progress_note,
          },
  }));
}
