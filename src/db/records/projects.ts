// Projects and their list entries per year (project_years): the SQL behind the project routes.
import { and, asc, count, eq, getTableColumns, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Visibility } from '../../policies/visibility';
import { escapeLike } from '../auth/users';
import { type Ordering, orderSql, positionColumn, sortKeys } from '../keyset';
import { countOf, type ListPage, type ListRequest, readListPage, totalColumn } from '../paging';
import { queryRows, type Tx } from '../query';
import { approvalItems, monthlyReports, projectIssues, projects, projectYears } from '../schema';
import { inCodes, projectVisibleSql } from './visibility-sql';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectYearRow = typeof projectYears.$inferSelect;

export interface ProjectFilter {
  visibility: Visibility;
  /** A region's subtree (the `region=` filter). */
  regionCodes?: readonly string[];
  year?: number;
  list?: string;
  nature?: string;
  domain?: string;
  leader?: string;
  /** Part of the code or the name. */
  q?: string;
}

const PROJECT_ORDER: Ordering = {
  sortable: {
    code: projects.code,
    name: projects.name,
    regionCode: projects.regionCode,
    totalInvestment: projects.totalInvestment,
    updatedAt: projects.updatedAt,
  },
  fallback: [{ column: projects.code, descending: false }],
  tiebreaker: projects.id,
};

/** A page of projects, by number or after a cursor (keyset.ts). */
export async function listProjects(
  db: Tx,
  filter: ProjectFilter,
  request: ListRequest,
): Promise<ListPage<ProjectRow>> {
  const onList =
    filter.year !== undefined || filter.list !== undefined || filter.nature !== undefined
      ? sql`exists (select 1 from project_years y where y.project_id = ${projects.id}
          ${filter.year !== undefined ? sql`and y.year = ${filter.year}` : sql``}
          ${filter.list !== undefined ? sql`and y.list = ${filter.list}` : sql``}
          ${filter.nature !== undefined ? sql`and y.nature = ${filter.nature}` : sql``})`
      : undefined;
  const conditions: (SQL | undefined)[] = [
    projectVisibleSql(filter.visibility),
    filter.regionCodes ? inCodes(projects.regionCode, filter.regionCodes) : undefined,
    onList,
    filter.domain ? eq(projects.domain, filter.domain) : undefined,
    filter.leader ? eq(projects.leader, filter.leader) : undefined,
    filter.q
      ? or(
          ilike(projects.code, `%${escapeLike(filter.q)}%`),
          ilike(projects.name, `%${escapeLike(filter.q)}%`),
        )
      : undefined,
  ];
  const keys = sortKeys(request.sort, PROJECT_ORDER);
  const { tiebreaker } = PROJECT_ORDER;
  return readListPage({ keys, tiebreaker }, request, {
    rows: ({ after, counted }) =>
      db
        .select({
          ...getTableColumns(projects),
          position: positionColumn(keys, tiebreaker),
          ...(counted ? { total: totalColumn() } : {}),
        })
        .from(projects)
        .where(and(...conditions, after))
        .orderBy(...orderSql(keys, tiebreaker)),
    count: () =>
      countOf(
        db
          .select({ n: count() })
          .from(projects)
          .where(and(...conditions)),
      ),
  });
}

export async function getProject(db: Tx, id: number): Promise<ProjectRow | undefined> {
  const rows = await db.select().from(projects).where(eq(projects.id, id));
  return rows[0];
}

export async function insertProject(
  db: Tx,
  values: typeof projects.$inferInsert,
): Promise<ProjectRow | undefined> {
  const rows = await db
    .insert(projects)
    .values(values)
    .onConflictDoNothing({ target: projects.code })
    .returning();
  return rows[0];
}

/** Reports, approval items and issues that hang off a project (it cannot be deleted while any exist). */
export async function projectDependents(db: Tx, id: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select ((select count(*) from ${monthlyReports} where project_id = ${id})
             + (select count(*) from ${approvalItems} where project_id = ${id})
             + (select count(*) from ${projectIssues} where project_id = ${id}))::int as n`,
  );
  return rows[0]?.n ?? 0;
}

export async function deleteProjectYearsOf(db: Tx, projectId: number): Promise<void> {
  await db.delete(projectYears).where(eq(projectYears.projectId, projectId));
}

export async function listProjectYears(db: Tx, projectId: number): Promise<ProjectYearRow[]> {
  return db
    .select()
    .from(projectYears)
    .where(eq(projectYears.projectId, projectId))
    .orderBy(asc(projectYears.year), asc(projectYears.list));
}

export async function getProjectYear(db: Tx, id: number): Promise<ProjectYearRow | undefined> {
  const rows = await db.select().from(projectYears).where(eq(projectYears.id, id));
  return rows[0];
}

export async function insertProjectYear(
  db: Tx,
  values: typeof projectYears.$inferInsert,
): Promise<ProjectYearRow | undefined> {
  const rows = await db
    .insert(projectYears)
    .values(values)
    .onConflictDoNothing({ target: [projectYears.projectId, projectYears.year, projectYears.list] })
    .returning();
  return rows[0];
}
