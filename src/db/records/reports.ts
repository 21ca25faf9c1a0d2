// Monthly reports: lists joined to their project (for scope), and the reports around a month.
import { and, asc, count, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Visibility } from '../../policies/visibility';
import { type Ordering, orderSql, positionColumn, sortKeys } from '../keyset';
import {
  countOf,
  type ListPage,
  type ListRequest,
  type Page,
  type PageRequest,
  readListPage,
  readPage,
  totalColumn,
} from '../paging';
import type { Tx } from '../query';
import { monthlyReports, projects } from '../schema';
import { inCodes, projectVisibleSql } from './visibility-sql';

export type ReportRow = typeof monthlyReports.$inferSelect;
export type ReportWithProject = ReportRow & {
  projectCode: string;
  projectName: string;
  regionCode: string;
  leader: string | null;
};

const withProject = {
  ...getTableColumns(monthlyReports),
  projectCode: projects.code,
  projectName: projects.name,
  regionCode: projects.regionCode,
  leader: projects.leader,
};

export interface ReportFilter {
  visibility: Visibility;
  regionCodes?: readonly string[];
  projectId?: number;
  year?: number;
  month?: number;
  state?: string;
  late?: boolean;
}

const REPORT_ORDER: Ordering = {
  sortable: {
    projectCode: projects.code,
    year: monthlyReports.year,
    month: monthlyReports.month,
    state: monthlyReports.state,
    investYtd: monthlyReports.investYtd,
    updatedAt: monthlyReports.updatedAt,
  },
  // The latest month first, then by project.
  fallback: [
    { column: monthlyReports.year, descending: true },
    { column: monthlyReports.month, descending: true },
    { column: projects.code, descending: false },
  ],
  tiebreaker: monthlyReports.id,
};

/** A page of reports with their project, by number or after a cursor (keyset.ts). */
export async function listReports(
  db: Tx,
  filter: ReportFilter,
  request: ListRequest,
): Promise<ListPage<ReportWithProject>> {
  const conditions: (SQL | undefined)[] = [
    projectVisibleSql(filter.visibility),
    filter.regionCodes ? inCodes(projects.regionCode, filter.regionCodes) : undefined,
    filter.projectId !== undefined ? eq(monthlyReports.projectId, filter.projectId) : undefined,
    filter.year !== undefined ? eq(monthlyReports.year, filter.year) : undefined,
    filter.month !== undefined ? eq(monthlyReports.month, filter.month) : undefined,
    filter.state !== undefined ? eq(monthlyReports.state, filter.state) : undefined,
    filter.late !== undefined ? eq(monthlyReports.late, filter.late) : undefined,
  ];
  const keys = sortKeys(request.sort, REPORT_ORDER);
  const { tiebreaker } = REPORT_ORDER;
  return readListPage({ keys, tiebreaker }, request, {
    rows: ({ after, counted }) =>
      db
        .select({
          ...withProject,
          position: positionColumn(keys, tiebreaker),
          ...(counted ? { total: totalColumn() } : {}),
        })
        .from(monthlyReports)
        .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
        .where(and(...conditions, after))
        .orderBy(...orderSql(keys, tiebreaker)),
    count: () =>
      countOf(
        db
          .select({ n: count() })
          .from(monthlyReports)
          .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
          .where(and(...conditions)),
      ),
  });
}

export async function getReport(db: Tx, id: number): Promise<ReportWithProject | undefined> {
  const rows = await db
    .select(withProject)
    .from(monthlyReports)
    .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
    .where(eq(monthlyReports.id, id));
  return rows[0];
}

export async function findReport(
  db: Tx,
  projectId: number,
  year: number,
  month: number,
): Promise<ReportRow | undefined> {
  const rows = await db
    .select()
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.projectId, projectId),
        eq(monthlyReports.year, year),
        eq(monthlyReports.month, month),
      ),
    );
  return rows[0];
}

/** The latest report before (year, month) — of any earlier year too — for carrying values over. */
export async function previousReport(
  db: Tx,
  projectId: number,
  year: number,
  month: number,
): Promise<ReportRow | undefined> {
  const rows = await db
    .select()
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.projectId, projectId),
        sql`(${monthlyReports.year}, ${monthlyReports.month}) < (${year}, ${month})`,
      ),
    )
    .orderBy(desc(monthlyReports.year), desc(monthlyReports.month))
    .limit(1);
  return rows[0];
}

export async function insertReport(
  db: Tx,
  values: typeof monthlyReports.$inferInsert,
): Promise<ReportRow | undefined> {
  const rows = await db
    .insert(monthlyReports)
    .values(values)
    .onConflictDoNothing({
      target: [
        monthlyReports.projectId,
        monthlyReports.year,
        monthlyReports.month,
        monthlyReports.provinceCode,
      ],
    })
    .returning();
  return rows[0];
}

export interface MissingReportRow {
  projectId: number;
  projectCode: string;
  projectName: string;
  regionCode: string;
  leader: string | null;
  /** A draft exists but was not submitted. */
  hasDraft: boolean;
  /** The last month of the year with a submitted (or approved) report. */
  lastMonth: number | null;
}

/** Projects on the year's lists, visible to the caller, with no submitted report for the month. */
export async function listMissingReports(
  db: Tx,
  filter: {
    visibility: Visibility;
    regionCodes?: readonly string[];
    year: number;
    month: number;
    lists: readonly string[];
  },
  request: PageRequest,
): Promise<Page<MissingReportRow>> {
  // Written as projects.id: drizzle renders a column inside a select list without its table.
  const sent = sql`r.project_id = projects.id and r.year = ${filter.year} and r.state <> 'draft'`;
  return readPage(
    db
      .select({
        projectId: projects.id,
        projectCode: projects.code,
        projectName: projects.name,
        regionCode: projects.regionCode,
        leader: projects.leader,
        hasDraft: sql<boolean>`exists (select 1 from monthly_reports r where r.project_id = projects.id
        and r.year = ${filter.year} and r.month = ${filter.month} and r.state = 'draft')`,
        lastMonth: sql<number | null>`(select max(r.month) from monthly_reports r where ${sent})`,
        total: totalColumn(),
      })
      .from(projects)
      .where(
        and(
          projectVisibleSql(filter.visibility),
          filter.regionCodes ? inCodes(projects.regionCode, filter.regionCodes) : undefined,
          sql`exists (select 1 from project_years y where y.project_id = projects.id and y.year = ${filter.year}
          and ${inCodes(sql`y.list`, filter.lists)})`,
          sql`not exists (select 1 from monthly_reports r where ${sent} and r.month = ${filter.month})`,
        ),
      )
      .orderBy(asc(projects.regionCode), asc(projects.code)),
    request,
  );
}
