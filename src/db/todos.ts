// What the 待办 list counts, in SQL: reports still to fill for a month, returned reports, the review
// queue, projects missing a month's report per region, and 加分/扣分 entries awaiting approval. The
// scopes come from src/policies/todo-scope.ts; nothing out of scope leaves the database.
import { type SQL, sql } from 'drizzle-orm';
import type { Visibility } from '../policies/visibility';
import { queryRows, type Tx } from './query';
import { inCodes, projectVisibleSql } from './records/visibility-sql';
import { projects } from './schema';

/** A project on one of the year's lists (the lists the statistics count). */
const onLists = (year: number, lists: readonly string[]) =>
  sql`exists (select 1 from project_years y where y.project_id = ${projects.id} and y.year = ${year}
      and ${inCodes(sql`y.list`, lists)})`;

export interface DueProject {
  projectId: number;
  code: string;
  name: string;
  regionCode: string;
  /** The month's report: null when there is none yet, else its id and state (draft or returned). */
  reportId: number | null;
  state: 'draft' | 'returned' | null;
}

interface DueRow {
  project_id: number;
  code: string;
  name: string;
  region_code: string;
  report_id: number | null;
  state: 'draft' | 'returned' | null;
}

const dueProject = (row: DueRow): DueProject => ({
  projectId: Number(row.project_id),
  code: row.code,
  name: row.name,
  regionCode: row.region_code,
  reportId: row.report_id === null ? null : Number(row.report_id),
  state: row.state,
});

/**
 * Projects in scope, on the year's lists, whose report for the month is not submitted: none yet, a
 * draft, or (with `returned`) returned for correction. Ordered by region and code.
 */
export async function unsubmittedProjects(
  db: Tx,
  filter: {
    scope: Visibility | { kind: 'all' };
    year: number;
    month: number;
    lists: readonly string[];
    includeReturned: boolean;
    /** Leave out projects whose reminder for the month already went out. */
    unreminded?: boolean;
  },
): Promise<DueProject[]> {
  const states = filter.includeReturned ? sql`('draft', 'returned')` : sql`('draft')`;
  const scope = filter.scope.kind === 'all' ? sql`true` : projectVisibleSql(filter.scope);
  const unreminded = filter.unreminded
    ? sql`and not exists (select 1 from report_reminders m where m.project_id = ${projects.id}
        and m.year = ${filter.year} and m.month = ${filter.month})`
    : sql``;
  const rows = await queryRows<DueRow>(
    db,
    sql`select ${projects.id} as project_id, ${projects.code} as code, ${projects.name} as name,
          ${projects.regionCode} as region_code, r.id as report_id, r.state
        from ${projects}
        left join monthly_reports r on r.project_id = ${projects.id} and r.year = ${filter.year}
          and r.month = ${filter.month}
        where ${scope} and ${onLists(filter.year, filter.lists)}
          and (r.id is null or r.state in ${states}) ${unreminded}
        order by ${projects.regionCode}, ${projects.code}`,
  );
  return rows.map(dueProject);
}

export interface ReturnedReport {
  reportId: number;
  projectId: number;
  code: string;
  name: string;
  year: number;
  month: number;
  reason: string | null;
}

/** Reports in scope returned for correction (any month), oldest month first. */
export async function returnedReports(db: Tx, scope: Visibility): Promise<ReturnedReport[]> {
  const rows = await queryRows<{
    report_id: number;
    project_id: number;
    code: string;
    name: string;
    year: number;
    month: number;
    reason: string | null;
  }>(
    db,
    sql`select r.id as report_id, ${projects.id} as project_id, ${projects.code} as code,
          ${projects.name} as name, r.year, r.month, r.returned_reason as reason
        from monthly_reports r join ${projects} on ${projects.id} = r.project_id
        where r.state = 'returned' and ${projectVisibleSql(scope)}
        order by r.year, r.month, ${projects.code}`,
  );
  return rows.map((row) => ({
    reportId: Number(row.report_id),
    projectId: Number(row.project_id),
    code: row.code,
    name: row.name,
    year: Number(row.year),
    month: Number(row.month),
    reason: row.reason,
  }));
}

export interface QueueMonth {
  year: number;
  month: number;
  count: number;
}

/** Submitted reports awaiting review of the projects in the given regions, per month, oldest first. */
export async function reviewQueue(db: Tx, regionCodes: readonly string[]): Promise<QueueMonth[]> {
  if (regionCodes.length === 0) return [];
  const rows = await queryRows<{ year: number; month: number; count: string | number }>(
    db,
    sql`select r.year, r.month, count(*) as count
        from monthly_reports r join ${projects} on ${projects.id} = r.project_id
        where r.state = 'submitted' and ${inCodes(projects.regionCode, regionCodes)}
        group by r.year, r.month order by r.year, r.month`,
  );
  return rows.map((row) => ({ year: Number(row.year), month: Number(row.month), count: Number(row.count) }));
}

export interface RegionMissing {
  regionCode: string;
  /** Projects on the year's lists. */
  projects: number;
  /** Of those, without a filed (non-draft) report for the month. */
  missing: number;
}

/**
 * Per region, the projects on the year's lists and those still missing the month's report (none
 * filed: no report or a draft; the rule of the 漏报 list, GET /api/reports/missing).
 */
export async function missingByRegion(
  db: Tx,
  filter: { regionCodes: readonly string[]; year: number; month: number; lists: readonly string[] },
): Promise<RegionMissing[]> {
  if (filter.regionCodes.length === 0) return [];
  const filed: SQL = sql`exists (select 1 from monthly_reports r where r.project_id = ${projects.id}
      and r.year = ${filter.year} and r.month = ${filter.month} and r.state <> 'draft')`;
  const rows = await queryRows<{ region_code: string; projects: string | number; missing: string | number }>(
    db,
    sql`select ${projects.regionCode} as region_code, count(*) as projects,
          count(*) filter (where not ${filed}) as missing
        from ${projects}
        where ${inCodes(projects.regionCode, filter.regionCodes)} and ${onLists(filter.year, filter.lists)}
        group by ${projects.regionCode}`,
  );
  return rows.map((row) => ({
    regionCode: row.region_code,
    projects: Number(row.projects),
    missing: Number(row.missing),
  }));
}

/** 加分/扣分 events and manual adjustments of a province awaiting approval, entered by someone else. */
export async function pendingEntries(
  db: Tx,
  provinceCode: string,
  approver: string,
): Promise<{ events: number; adjustments: number }> {
  const [row] = await queryRows<{ events: string | number; adjustments: string | number }>(
    db,
    sql`select
          (select count(*) from evaluation_events where province_code = ${provinceCode}
            and status = 'pending' and author <> ${approver}) as events,
          (select count(*) from evaluation_adjustments where parent_code = ${provinceCode}
            and status = 'pending' and author <> ${approver}) as adjustments`,
  );
  return { events: Number(row?.events ?? 0), adjustments: Number(row?.adjustments ?? 0) };
}
