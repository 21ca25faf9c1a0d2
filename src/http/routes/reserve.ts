// 谋划储备项目: list (scope-filtered in SQL), get, create, update, delete.
import type { FastifyInstance } from 'fastify';
import { listReserve } from '../../db/records/region-ledgers';
import { authorize, authorizeRole } from '../../policies/authorize';
import { regionVisibility } from '../../policies/visibility';
import {
  createRegionRecord,
  deleteRecord,
  loadRegionRecord,
  RESERVE_LEDGER,
  updateRecord,
} from '../../services/records/ledgers';
import { loadAuthorized, regionSubtree } from '../guard';
import { presentReserve } from '../presenters/ledgers';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import { ZIdParams, ZOk, ZVersionQuery } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZReserve, ZReserveCreate, ZReserveList, ZReservePatch, ZReserveQuery } from './reserve.types';

export function reserveRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['reserve'];
  const load = (id: number) => loadRegionRecord(database, RESERVE_LEDGER, id);

  app.get(
    '/api/reserve',
    {
      schema: { summary: '储备项目列表', tags, querystring: ZReserveQuery, response: { 200: ZReserveList } },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'ledger.read');
      const { page, pageSize, sort, region, ...filter } = request.query;
      const regionCodes = await regionSubtree(deps, actor, region);
      const result = await listReserve(
        database.db,
        { ...filter, visibility: regionVisibility(actor), regionCodes },
        { page, pageSize, sort },
      );
      return { ...result, items: result.items.map((row) => presentReserve(actor, row)) };
    },
  );

  app.post(
    '/api/reserve',
    { schema: { summary: '新建储备项目', tags, body: ZReserveCreate, response: { 201: ZReserve } } },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'ledger.write');
      authorize(actor, 'ledger.write', { regionCode: request.body.regionCode });
      const row = await createRegionRecord(
        database,
        auditContext(request, deps),
        RESERVE_LEDGER,
        request.body,
      );
      reply.status(201);
      return presentReserve(actor, row);
    },
  );

  app.get(
    '/api/reserve/:id',
    { schema: { summary: '储备项目详情', tags, params: ZIdParams, response: { 200: ZReserve } } },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row } = await loadAuthorized(actor, 'ledger.read', () => load(request.params.id));
      return presentReserve(actor, row);
    },
  );

  app.patch(
    '/api/reserve/:id',
    {
      schema: {
        summary: '修改储备项目',
        tags,
        params: ZIdParams,
        body: ZReservePatch,
        response: { 200: ZReserve },
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
        'reserve',
        RESERVE_LEDGER.table,
        RESERVE_LEDGER.label(row),
        row,
        version,
        patch,
      );
      return presentReserve(actor, updated);
    },
  );

  app.delete(
    '/api/reserve/:id',
    {
      schema: {
        summary: '删除储备项目',
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
        'reserve',
        RESERVE_LEDGER.table,
        RESERVE_LEDGER.label(row),
        row,
        request.query.version,
      );
      return { ok: true as const };
    },
  );
}
