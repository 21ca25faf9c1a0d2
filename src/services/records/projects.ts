// Projects and their year-list entries: create, update, delete, each audited.
import type { Database } from '../../db/client';
import type { ListPage, ListRequest } from '../../db/paging';
import { type LeaderTerm, listProjectLeaders, nameChangingUser } from '../../db/records/project-leaders';
import {
  deleteProjectYearsOf,
  getProject,
  getProjectYear,
  insertProject,
  insertProjectYear,
  listProjects,
  listProjectYears,
  type ProjectFilter,
  type ProjectRow,
  type ProjectYearRow,
  projectDependents,
} from '../../db/records/projects';
import { deleteVersioned, rowExists, updateVersioned } from '../../db/records/versioned';
import { projects, projectYears } from '../../db/schema';
import { provinceOf } from '../../domain/regions';
import type { ProjectTarget } from '../../policies/actor';
import type { AuditContext } from '../context';
import { ConflictError, NotFoundError, RuleViolationError } from '../errors';
import { createAudited, deleteAudited, updateAudited } from './audited-change';
import { projectTarget } from './project-target';

export type ProjectInput = Omit<
  typeof projects.$inferInsert,
  'id' | 'provinceCode' | 'version' | 'createdAt' | 'updatedAt'
>;
export type ProjectPatch = Partial<Omit<ProjectInput, 'code'>>;

/** A page of the projects the filter's visibility lets the caller see, by number or after a cursor. */
export function readProjectList(
  database: Database,
  filter: ProjectFilter,
  request: ListRequest,
): Promise<ListPage<ProjectRow>> {
  return listProjects(database.db, filter, request);
}

/** The year lists a project is on. */
export function readProjectYears(database: Database, projectId: number): Promise<ProjectYearRow[]> {
  return listProjectYears(database.db, projectId);
}

/** Who was in charge of a project when, the earliest first. */
export function readProjectLeaders(database: Database, projectId: number): Promise<LeaderTerm[]> {
  return listProjectLeaders(database.db, projectId);
}

export async function loadProject(
  database: Database,
  id: number,
): Promise<{ row: ProjectRow; target: ProjectTarget }> {
  const row = await getProject(database.db, id);
  if (!row) throw new NotFoundError('未找到');
  return {
    row,
    target: await projectTarget(database, {
      projectId: row.id,
      regionCode: row.regionCode,
      leader: row.leader,
    }),
  };
}

export function createProject(
  database: Database,
  ctx: AuditContext,
  input: ProjectInput,
): Promise<ProjectRow> {
  return createAudited(
    database,
    ctx,
    (row) => ({ action: 'project.create', targetType: 'project', targetId: row.code }),
    async (tx) => {
      await nameChangingUser(tx, ctx.userId);
      return insertProject(tx, { ...input, provinceCode: provinceOf(input.regionCode) });
    },
    `项目代码 ${input.code} 已存在`,
  );
}

export function updateProject(
  database: Database,
  ctx: AuditContext,
  before: ProjectRow,
  version: number,
  patch: ProjectPatch,
): Promise<ProjectRow> {
  if (patch.regionCode && provinceOf(patch.regionCode) !== before.provinceCode) {
    throw new RuleViolationError('项目不能移到其他省份');
  }
  return updateAudited(
    database,
    ctx,
    { action: 'project.update', targetType: 'project', targetId: before.code },
    before,
    async (tx) => {
      await nameChangingUser(tx, ctx.userId);
      return updateVersioned(tx, projects, before.id, version, patch);
    },
    (tx) => rowExists(tx, projects, before.id),
  );
}

export function deleteProject(
  database: Database,
  ctx: AuditContext,
  before: ProjectRow,
  version: number,
): Promise<void> {
  return deleteAudited(
    database,
    ctx,
    { action: 'project.delete', targetType: 'project', targetId: before.code },
    before,
    (tx) => deleteVersioned(tx, projects, before.id, version),
    (tx) => rowExists(tx, projects, before.id),
    async (tx) => {
      if ((await projectDependents(tx, before.id)) > 0) {
        throw new ConflictError('项目已有月报、审批事项或问题记录，不能删除');
      }
      await deleteProjectYearsOf(tx, before.id);
    },
  );
}

export type ProjectYearInput = Pick<
  typeof projectYears.$inferInsert,
  'year' | 'list' | 'nature' | 'annualTarget' | 'plannedStartMonth' | 'completionPlanned'
>;

export async function loadProjectYear(database: Database, id: number) {
  const row = await getProjectYear(database.db, id);
  if (!row) throw new NotFoundError('未找到');
  return { row, project: await loadProject(database, row.projectId) };
}

export function createProjectYear(
  database: Database,
  ctx: AuditContext,
  project: ProjectRow,
  input: ProjectYearInput,
): Promise<ProjectYearRow> {
  return createAudited(
    database,
    ctx,
    (row) => ({
      action: 'project_year.create',
      targetType: 'project_year',
      targetId: `${project.code}:${row.year}:${row.list}`,
    }),
    (tx) => insertProjectYear(tx, { ...input, projectId: project.id, provinceCode: project.provinceCode }),
    `项目 ${project.code} 已在 ${input.year} 年 ${input.list} 名单中`,
  );
}

export function updateProjectYear(
  database: Database,
  ctx: AuditContext,
  project: ProjectRow,
  before: ProjectYearRow,
  version: number,
  patch: Partial<Omit<ProjectYearInput, 'year' | 'list'>>,
): Promise<ProjectYearRow> {
  return updateAudited(
    database,
    ctx,
    {
      action: 'project_year.update',
      targetType: 'project_year',
      targetId: `${project.code}:${before.year}:${before.list}`,
    },
    before,
    (tx) => updateVersioned(tx, projectYears, before.id, version, patch),
    (tx) => rowExists(tx, projectYears, before.id),
  );
}

export function deleteProjectYear(
  database: Database,
  ctx: AuditContext,
  project: ProjectRow,
  before: ProjectYearRow,
  version: number,
): Promise<void> {
  return deleteAudited(
    database,
    ctx,
    {
      action: 'project_year.delete',
      targetType: 'project_year',
      targetId: `${project.code}:${before.year}:${before.list}`,
    },
    before,
    (tx) => deleteVersioned(tx, projectYears, before.id, version),
    (tx) => rowExists(tx, projectYears, before.id),
  );
}
