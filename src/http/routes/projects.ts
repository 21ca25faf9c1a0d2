// Projects: list (scope-filtered in SQL), get, create, update, delete; and their year entries.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { PROJECT_TABLE } from '../../domain/tables/records';
import type { Actor } from '../../policies/actor';
import { authorize, authorizeRole } from '../../policies/authorize';
import { projectVisibility } from '../../policies/visibility';
import { projectTarget, projectTargets } from '../../services/records/project-target';
import {
  createProject,
  createProjectYear,
  deleteProject,
  deleteProjectYear,
  loadProject,
  loadProjectYear,
  readProjectLeaders,
  readProjectList,
  readProjectYears,
  updateProject,
  updateProjectYear,
} from '../../services/records/projects';
import { accountListKey, cachedReply } from '../cached-reply';
import { loadAuthorized, regionSubtree } from '../guard';
import { presentLeaderTerm, presentProject, presentProjectYear } from '../presenters/project';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import { ZIdParams, ZOk, ZVersionQuery } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { exportSummary, sendTableExport } from '../table-export';
import {
  ZProject,
  ZProjectCreate,
  ZProjectExportQuery,
  ZProjectLeaders,
  ZProjectList,
  ZProjectPatch,
  ZProjectQuery,
  ZProjectYear,
  ZProjectYearCreate,
  ZProjectYearList,
  ZProjectYearPatch,
} from './projects.types';

type ProjectListQuery = z.output<typeof ZProjectQuery>;

/** A page of the projects the actor may see, presented as the list answers them. */
async function readPresentedProjects(
  deps: AppDeps,
  actor: Actor,
  { region, ...filter }: Omit<ProjectListQuery, 'page' | 'pageSize' | 'sort' | 'after'>,
  request: Pick<ProjectListQuery, 'page' | 'pageSize' | 'sort' | 'after'>,
) {
  authorizeRole(actor, 'project.read');
  const { database } = deps;
  const regionCodes = await regionSubtree(deps, actor, region);
  const result = await readProjectList(
    database,
    { ...filter, visibility: projectVisibility(actor), regionCodes },
    request,
  );
  const targetOf = await projectTargets(database);
  const items = result.items.map((row) =>
    presentProject(
      actor,
      row,
      targetOf({ projectId: row.id, regionCode: row.regionCode, leader: row.leader }),
    ),
  );
  return { ...result, items };
}

const nulls = <T extends object>(input: T) =>
  Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === undefined ? null : v])) as {
    [K in keyof T]-?: Exclude<T[K], undefined> | null;
  };

export function projectRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['projects'];

  app.get(
    '/api/projects',
    {
      schema: {
        summary: '项目列表（仅本人可见范围）',
        tags,
        querystring: ZProjectQuery,
        response: { 200: ZProjectList },
      },
    },
    async (request, reply) => {
      const { page, pageSize, sort, after, ...filter } = request.query;
      return cachedReply(request, reply, deps, accountListKey(request, deps), () =>
        readPresentedProjects(deps, actorOfRequest(request), filter, { page, pageSize, sort, after }),
      );
    },
  );

  app.get(
    '/api/projects/export',
    {
      schema: {
        summary: exportSummary('项目列表'),
        tags,
        querystring: ZProjectExportQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { lang, sort, ...filter } = request.query;
      authorizeRole(actor, 'project.read');
      return sendTableExport(reply, request, deps, {
        kind: 'projects',
        spec: PROJECT_TABLE,
        lang,
        query: request.query,
        readPage: (page, pageSize) => readPresentedProjects(deps, actor, filter, { page, pageSize, sort }),
      });
    },
  );

  app.post(
    '/api/projects',
    { schema: { summary: '新建项目', tags, body: ZProjectCreate, response: { 201: ZProject } } },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'project.create');
      authorize(actor, 'project.create', { regionCode: request.body.regionCode });
      const { code, name, regionCode, ...rest } = request.body;
      const row = await createProject(database, auditContext(request, deps), {
        code,
        name,
        regionCode,
        ...nulls(rest),
      });
      reply.status(201);
      return presentProject(
        actor,
        row,
        await projectTarget(database, { projectId: row.id, regionCode, leader: row.leader }),
      );
    },
  );

  app.get(
    '/api/projects/:id',
    { schema: { summary: '项目详情', tags, params: ZIdParams, response: { 200: ZProject } } },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row, target } = await loadAuthorized(actor, 'project.read', () =>
        loadProject(database, request.params.id),
      );
      return presentProject(actor, row, target);
    },
  );

  app.patch(
    '/api/projects/:id',
    {
      schema: {
        summary: '修改项目（带 version，过期返回 409）',
        tags,
        params: ZIdParams,
        body: ZProjectPatch,
        response: { 200: ZProject },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row } = await loadAuthorized(actor, 'project.update', () =>
        loadProject(database, request.params.id),
      );
      const { version, ...patch } = request.body;
      if (patch.regionCode !== undefined)
        authorize(actor, 'project.create', { regionCode: patch.regionCode });
      const updated = await updateProject(database, auditContext(request, deps), row, version, patch);
      return presentProject(
        actor,
        updated,
        await projectTarget(database, {
          projectId: updated.id,
          regionCode: updated.regionCode,
          leader: updated.leader,
        }),
      );
    },
  );

  app.delete(
    '/api/projects/:id',
    {
      schema: {
        summary: '删除项目（无月报等记录时）',
        tags,
        params: ZIdParams,
        querystring: ZVersionQuery,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row } = await loadAuthorized(actor, 'project.delete', () =>
        loadProject(database, request.params.id),
      );
      await deleteProject(database, auditContext(request, deps), row, request.query.version);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/projects/:id/years',
    { schema: { summary: '项目各年度名单', tags, params: ZIdParams, response: { 200: ZProjectYearList } } },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row, target } = await loadAuthorized(actor, 'project.read', () =>
        loadProject(database, request.params.id),
      );
      const years = await readProjectYears(database, row.id);
      return { items: years.map((y) => presentProjectYear(actor, y, target)) };
    },
  );

  app.get(
    '/api/projects/:id/leaders',
    {
      schema: {
        summary: '项目分包领导的变更历史（最早的在前）',
        tags,
        params: ZIdParams,
        response: { 200: ZProjectLeaders },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row } = await loadAuthorized(actor, 'project.read', () =>
        loadProject(database, request.params.id),
      );
      return { items: (await readProjectLeaders(database, row.id)).map(presentLeaderTerm) };
    },
  );

  app.post(
    '/api/projects/:id/years',
    {
      schema: {
        summary: '把项目列入某年某名单',
        tags,
        params: ZIdParams,
        body: ZProjectYearCreate,
        response: { 201: ZProjectYear },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { row, target } = await loadAuthorized(actor, 'project.update', () =>
        loadProject(database, request.params.id),
      );
      const { annualTarget, plannedStartMonth, completionPlanned, ...rest } = request.body;
      const created = await createProjectYear(database, auditContext(request, deps), row, {
        ...rest,
        annualTarget: annualTarget ?? null,
        plannedStartMonth: plannedStartMonth ?? null,
        completionPlanned: completionPlanned ?? false,
      });
      reply.status(201);
      return presentProjectYear(actor, created, target);
    },
  );

  const loadYear = async (id: number) => {
    const { row, project } = await loadProjectYear(database, id);
    return { row, project, target: project.target };
  };

  app.patch(
    '/api/project-years/:id',
    {
      schema: {
        summary: '修改年度名单条目',
        tags,
        params: ZIdParams,
        body: ZProjectYearPatch,
        response: { 200: ZProjectYear },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row, project, target } = await loadAuthorized(actor, 'project.update', () =>
        loadYear(request.params.id),
      );
      const { version, ...patch } = request.body;
      const updated = await updateProjectYear(
        database,
        auditContext(request, deps),
        project.row,
        row,
        version,
        patch,
      );
      return presentProjectYear(actor, updated, target);
    },
  );

  app.delete(
    '/api/project-years/:id',
    {
      schema: {
        summary: '移出年度名单',
        tags,
        params: ZIdParams,
        querystring: ZVersionQuery,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row, project } = await loadAuthorized(actor, 'project.update', () =>
        loadYear(request.params.id),
      );
      await deleteProjectYear(database, auditContext(request, deps), project.row, row, request.query.version);
      return { ok: true as const };
    },
  );
}
