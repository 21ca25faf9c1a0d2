// 问题协调: list (scope-filtered in SQL through the project), get, create, update, delete.
import type { FastifyInstance } from 'fastify';
import { listIssues } from '../../db/records/project-ledgers';
import { authorizeRole } from '../../policies/authorize';
import { projectVisibility } from '../../policies/visibility';
import {
  createProjectRecord,
  deleteRecord,
  ISSUE_LEDGER,
  loadProjectRecord,
  updateRecord,
} from '../../services/records/ledgers';
import { projectTargets } from '../../services/records/project-target';
import { loadProject } from '../../services/records/projects';
import { loadAuthorized, regionSubtree } from '../guard';
import { presentIssue } from '../presenters/ledgers';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import { ZIdParams, ZOk, ZVersionQuery } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZIssue, ZIssueCreate, ZIssueList, ZIssuePatch, ZIssueQuery } from './issues.types';

export function issueRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['issues'];
  const load = (id: number) => loadProjectRecord(database, ISSUE_LEDGER, id);

  app.get(
    '/api/issues',
    { schema: { summary: '问题列表', tags, querystring: ZIssueQuery, response: { 200: ZIssueList } } },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'projectLedger.read');
      const { page, pageSize, sort, region, resolved, ...filter } = request.query;
      const regionCodes = await regionSubtree(deps, actor, region);
      const result = await listIssues(
        database.db,
        { ...filter, closed: resolved, visibility: projectVisibility(actor), regionCodes },
        { page, pageSize, sort },
      );
      const targetOf = await projectTargets(database);
      return { ...result, items: result.items.map((row) => presentIssue(actor, row, targetOf(row))) };
    },
  );

  app.post(
    '/api/issues',
    { schema: { summary: '新建问题', tags, body: ZIssueCreate, response: { 201: ZIssue } } },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { row: project, target } = await loadAuthorized(actor, 'projectLedger.write', () =>
        loadProject(database, request.body.projectId),
      );
      const row = await createProjectRecord(
        database,
        auditContext(request, deps),
        ISSUE_LEDGER,
        project.provinceCode,
        request.body,
      );
      reply.status(201);
      return presentIssue(actor, row, target);
    },
  );

  app.get(
    '/api/issues/:id',
    { schema: { summary: '问题详情', tags, params: ZIdParams, response: { 200: ZIssue } } },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row, target } = await loadAuthorized(actor, 'projectLedger.read', () =>
        load(request.params.id),
      );
      return presentIssue(actor, row, target);
    },
  );

  app.patch(
    '/api/issues/:id',
    {
      schema: { summary: '修改问题', tags, params: ZIdParams, body: ZIssuePatch, response: { 200: ZIssue } },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row, target } = await loadAuthorized(actor, 'projectLedger.write', () =>
        load(request.params.id),
      );
      const { version, ...patch } = request.body;
      const updated = await updateRecord(
        database,
        auditContext(request, deps),
        'issue',
        ISSUE_LEDGER.table,
        ISSUE_LEDGER.label(row),
        row,
        version,
        patch,
      );
      return presentIssue(actor, { ...row, ...updated }, target);
    },
  );

  app.delete(
    '/api/issues/:id',
    {
      schema: {
        summary: '删除问题',
        tags,
        params: ZIdParams,
        querystring: ZVersionQuery,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row } = await loadAuthorized(actor, 'projectLedger.write', () => load(request.params.id));
      await deleteRecord(
        database,
        auditContext(request, deps),
        'issue',
        ISSUE_LEDGER.table,
        ISSUE_LEDGER.label(row),
        row,
        request.query.version,
      );
      return { ok: true as const };
    },
  );
}
