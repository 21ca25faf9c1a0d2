// 联审联批事项: list (scope-filtered in SQL through the project), get, create, update, delete.
import type { FastifyInstance } from 'fastify';
import { listApprovals } from '../../db/records/project-ledgers';
import { authorizeRole } from '../../policies/authorize';
import { projectVisibility } from '../../policies/visibility';
import {
  APPROVAL_LEDGER,
  createProjectRecord,
  deleteRecord,
  loadProjectRecord,
  updateRecord,
} from '../../services/records/ledgers';
import { projectTargets } from '../../services/records/project-target';
import { loadProject } from '../../services/records/projects';
import { loadAuthorized, regionSubtree } from '../guard';
import { presentApproval } from '../presenters/ledgers';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import { ZIdParams, ZOk, ZVersionQuery } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZApproval, ZApprovalCreate, ZApprovalList, ZApprovalPatch, ZApprovalQuery } from './approvals.types';

export function approvalRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['approvals'];
  const load = (id: number) => loadProjectRecord(database, APPROVAL_LEDGER, id);

  app.get(
    '/api/approvals',
    {
      schema: {
        summary: '审批事项列表',
        tags,
        querystring: ZApprovalQuery,
        response: { 200: ZApprovalList },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'projectLedger.read');
      const { page, pageSize, sort, region, done, ...filter } = request.query;
      const regionCodes = await regionSubtree(deps, actor, region);
      const result = await listApprovals(
        database.db,
        { ...filter, closed: done, visibility: projectVisibility(actor), regionCodes },
        { page, pageSize, sort },
      );
      const targetOf = await projectTargets(database);
      return { ...result, items: result.items.map((row) => presentApproval(actor, row, targetOf(row))) };
    },
  );

  app.post(
    '/api/approvals',
    { schema: { summary: '新建审批事项', tags, body: ZApprovalCreate, response: { 201: ZApproval } } },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { row: project, target } = await loadAuthorized(actor, 'projectLedger.write', () =>
        loadProject(database, request.body.projectId),
      );
      const row = await createProjectRecord(
        database,
        auditContext(request, deps),
        APPROVAL_LEDGER,
        project.provinceCode,
        request.body,
      );
      reply.status(201);
      return presentApproval(actor, row, target);
    },
  );

  app.get(
    '/api/approvals/:id',
    { schema: { summary: '审批事项详情', tags, params: ZIdParams, response: { 200: ZApproval } } },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row, target } = await loadAuthorized(actor, 'projectLedger.read', () =>
        load(request.params.id),
      );
      return presentApproval(actor, row, target);
    },
  );

  app.patch(
    '/api/approvals/:id',
    {
      schema: {
        summary: '修改审批事项',
        tags,
        params: ZIdParams,
        body: ZApprovalPatch,
        response: { 200: ZApproval },
      },
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
        'approval',
        APPROVAL_LEDGER.table,
        APPROVAL_LEDGER.label(row),
        row,
        version,
        patch,
      );
      return presentApproval(actor, { ...row, ...updated }, target);
    },
  );

  app.delete(
    '/api/approvals/:id',
    {
      schema: {
        summary: '删除审批事项',
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
        'approval',
        APPROVAL_LEDGER.table,
        APPROVAL_LEDGER.label(row),
        row,
        request.query.version,
      );
      return { ok: true as const };
    },
  );
}
