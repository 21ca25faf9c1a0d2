// 招商引资签约项目: list (scope-filtered in SQL), get, create, update, delete.
import type { FastifyInstance } from 'fastify';
import { listDeals } from '../../db/records/region-ledgers';
import { authorize, authorizeRole } from '../../policies/authorize';
import { regionVisibility } from '../../policies/visibility';
import {
  createRegionRecord,
  DEAL_LEDGER,
  deleteRecord,
  loadRegionRecord,
  updateRecord,
} from '../../services/records/ledgers';
import { loadAuthorized, regionSubtree } from '../guard';
import { presentDeal } from '../presenters/ledgers';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import { ZIdParams, ZOk, ZVersionQuery } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZDeal, ZDealCreate, ZDealList, ZDealPatch, ZDealQuery } from './deals.types';

export function dealRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['deals'];
  const load = (id: number) => loadRegionRecord(database, DEAL_LEDGER, id);

  app.get(
    '/api/deals',
    { schema: { summary: '签约项目列表', tags, querystring: ZDealQuery, response: { 200: ZDealList } } },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'ledger.read');
      const { page, pageSize, sort, region, ...filter } = request.query;
      const regionCodes = await regionSubtree(deps, actor, region);
      const result = await listDeals(
        database.db,
        { ...filter, visibility: regionVisibility(actor), regionCodes },
        { page, pageSize, sort },
      );
      return { ...result, items: result.items.map((row) => presentDeal(actor, row)) };
    },
  );

  app.post(
    '/api/deals',
    { schema: { summary: '新建签约项目', tags, body: ZDealCreate, response: { 201: ZDeal } } },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'ledger.write');
      authorize(actor, 'ledger.write', { regionCode: request.body.regionCode });
      const row = await createRegionRecord(database, auditContext(request, deps), DEAL_LEDGER, request.body);
      reply.status(201);
      return presentDeal(actor, row);
    },
  );

  app.get(
    '/api/deals/:id',
    { schema: { summary: '签约项目详情', tags, params: ZIdParams, response: { 200: ZDeal } } },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row } = await loadAuthorized(actor, 'ledger.read', () => load(request.params.id));
      return presentDeal(actor, row);
    },
  );

  app.patch(
    '/api/deals/:id',
    {
      schema: {
        summary: '修改签约项目',
        tags,
        params: ZIdParams,
        body: ZDealPatch,
        response: { 200: ZDeal },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row } = await loadAuthorized(actor, 'ledger.write', () => load(request.params.id));
      const { version, ...patch } = request.body;
      if (patch.regionCode !== undefined) authorize(actor, 'ledger.write', { regionCode: patch.regionCode });
      const updated = await updateRecord(
        database,
        auditContext(request, deps),
        'deal',
        DEAL_LEDGER.table,
        DEAL_LEDGER.label(row),
        row,
        version,
        patch,
      );
      return presentDeal(actor, updated);
    },
  );

  app.delete(
    '/api/deals/:id',
    {
      schema: {
        summary: '删除签约项目',
        tags,
        params: ZIdParams,
        querystring: ZVersionQuery,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row } = await loadAuthorized(actor, 'ledger.write', () => load(request.params.id));
      await deleteRecord(
        database,
        auditContext(request, deps),
        'deal',
        DEAL_LEDGER.table,
        DEAL_LEDGER.label(row),
        row,
        request.query.version,
      );
      return { ok: true as const };
    },
  );
}
