// Approval items and issues: ledgers that hang off a project, scoped through it.
import { and, asc, eq, getTableColumns, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Visibility } from '../../policies/visibility';
import { orderOf, type Page, type PageRequest, readPage, totalColumn } from '../paging';
import type { Tx } from '../query';
import { approvalItems, projectIssues, projects } from '../schema';
import { inCodes, projectVisibleSql } from './visibility-sql';

const projectColumns = {
  projectCode: projects.code,
  regionCode: projects.regionCode,
  leader: projects.leader,
};
type ProjectColumns = { projectCode: string; regionCode: string; leader: string | null };

export type ApprovalRow = typeof approvalItems.$inferSelect & ProjectColumns;
export type IssueRow = typeof projectIssues.$inferSelect & ProjectColumns;

export interface ProjectLedgerFilter {
  visibility: Visibility;
  regionCodes?: readonly string[];
  projectId?: number;
  /** Approval items done / issues resolved (true), or still open (false). */
  closed?: boolean;
}

export async function listApprovals(
  db: Tx,
  filter: ProjectLedgerFilter,
  request: PageRequest,
): Promise<Page<ApprovalRow>> {
  const conditions: (SQL | undefined)[] = [
    projectVisibleSql(filter.visibility),
    filter.regionCodes ? inCodes(projects.regionCode, filter.regionCodes) : undefined,
    filter.projectId !== undefined ? eq(approvalItems.projectId, filter.projectId) : undefined,
    filter.closed === undefined
      ? undefined
      : filter.closed
        ? isNotNull(approvalItems.doneDate)
        : isNull(approvalItems.doneDate),
  ];
  return readPage(
    db
      .select({ ...getTableColumns(approvalItems), ...projectColumns, total: totalColumn() })
      .from(approvalItems)
      .innerJoin(projects, eq(projects.id, approvalItems.projectId))
      .where(and(...conditions))
      .orderBy(
        ...orderOf(
          request,
          {
            projectCode: projects.code,
            itemName: approvalItems.itemName,
            dueDate: approvalItems.dueDate,
            doneDate: approvalItems.doneDate,
          },
          [asc(projects.code), asc(approvalItems.itemName)],
          approvalItems.id,
        ),
      ),
    request,
  );
}

export async function getApproval(db: Tx, id: number): Promise<ApprovalRow | undefined> {
  const rows = await db
    .select({ ...getTableColumns(approvalItems), ...projectColumns })
    .from(approvalItems)
    .innerJoin(projects, eq(projects.id, approvalItems.projectId))
    .where(eq(approvalItems.id, id));
  return rows[0];
}

export async function insertApproval(db: Tx, values: typeof approvalItems.$inferInsert) {
  const rows = await db
    .insert(approvalItems)
    .values(values)
    .onConflictDoNothing({ target: [approvalItems.projectId, approvalItems.itemName] })
    .returning({ id: approvalItems.id });
  return rows[0];
}

export async function listIssues(
  db: Tx,
  filter: ProjectLedgerFilter & { category?: string },
  request: PageRequest,
): Promise<Page<IssueRow>> {
  const conditions: (SQL | undefined)[] = [
    projectVisibleSql(filter.visibility),
    filter.regionCodes ? inCodes(projects.regionCode, filter.regionCodes) : undefined,
    filter.projectId !== undefined ? eq(projectIssues.projectId, filter.projectId) : undefined,
    filter.closed === undefined
      ? undefined
      : filter.closed
        ? isNotNull(projectIssues.resolvedDate)
        : isNull(projectIssues.resolvedDate),
    filter.category ? eq(projectIssues.category, filter.category) : undefined,
  ];
  return readPage(
    db
      .select({ ...getTableColumns(projectIssues), ...projectColumns, total: totalColumn() })
      .from(projectIssues)
      .innerJoin(projects, eq(projects.id, projectIssues.projectId))
      .where(and(...conditions))
      .orderBy(
        ...orderOf(
          request,
          {
            projectCode: projects.code,
            raisedDate: projectIssues.raisedDate,
            dueDate: projectIssues.dueDate,
            resolvedDate: projectIssues.resolvedDate,
          },
          [asc(projects.code), asc(projectIssues.raisedDate)],
          projectIssues.id,
        ),
      ),
    request,
  );
}

export async function getIssue(db: Tx, id: number): Promise<IssueRow | undefined> {
  const rows = await db
    .select({ ...getTableColumns(projectIssues), ...projectColumns })
    .from(projectIssues)
    .innerJoin(projects, eq(projects.id, projectIssues.projectId))
    .where(eq(projectIssues.id, id));
  return rows[0];
}

export async function insertIssue(db: Tx, values: typeof projectIssues.$inferInsert) {
  const rows = await db
    .insert(projectIssues)
    .values(values)
    .onConflictDoNothing({
      target: [projectIssues.projectId, projectIssues.description, projectIssues.raisedDate],
    })
    .returning({ id: projectIssues.id });
  return rows[0];
}
