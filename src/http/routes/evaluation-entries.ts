// 加分/扣分 events and manual adjustments for the province office: list, enter one, import a
// spreadsheet (any bad row rejects the file with file/row/column/reason, nothing written), approve
// (never by whoever entered it) and revoke with a reason. Only approved entries count.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { provinceOf } from '../../domain/regions';
import { adjustmentsSpec } from '../../io/columns/adjustments';
import { eventsSpec } from '../../io/columns/events';
import { parseSpecFile } from '../../io/parse-file';
import { type Actor, inScope } from '../../policies/actor';
import { authorize, authorizeRole, can } from '../../policies/authorize';
import { UsageError } from '../../services/errors';
import {
  approveAdjustment,
  approveEvent,
  entryChoices,
  listAdjustmentEntries,
  listEventEntries,
  loadAdjustment,
  loadEvent,
  presentAdjustment,
  presentEvent,
  revokeAdjustment,
  revokeEvent,
} from '../../services/evaluation-entries';
import { addAdjustments, addEvents, SINGLE } from '../../services/evaluation-entries-add';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { withUploadedFile } from '../upload-file';
import {
  ZAdjustmentIn,
  ZAdjustmentOut,
  ZAdjustmentQuery,
  ZApproveBody,
  ZEntryItems,
  ZEntryParams,
  ZEventIn,
  ZEventOut,
  ZEventQuery,
  ZRevokeBody,
} from './evaluation-entries.types';
import { selfScoreRoutes } from './self-scores';

/** The caller's province, whose entries they must be allowed to read. */
function provinceRead(actor: Actor): string {
  authorizeRole(actor, 'evaluationEntry.read');
  if (!actor.regionCode) throw new UsageError('账户未绑定地区');
  const province = provinceOf(actor.regionCode);
  authorize(actor, 'evaluationEntry.read', { regionCode: province });
  return province;
}

const mayEnter = (actor: Actor) => (regionCode: string) =>
  can(actor, 'evaluationEntry.enter', { regionCode }) && inScope(actor, regionCode);

export function evaluationEntryRoutes(root: FastifyInstance, deps: AppDeps): void {
  // 自评分 (units' self-scores) sit beside 加分/扣分 on the same page.
  selfScoreRoutes(root, deps);
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['evaluation-entries'];
  const created = z.object({ items: z.array(ZEventOut) });
  const createdAdj = z.object({ items: z.array(ZAdjustmentOut) });

  app.get(
    '/api/evaluation-entries/choices',
    {
      schema: {
        summary: '可录入的事件事项与各方案的加分、扣分项',
        tags,
        response: { 200: ZEntryItems },
      },
    },
    async (request) => {
      provinceRead(actorOfRequest(request));
      return entryChoices();
    },
  );

  app.get(
    '/api/evaluation-events',
    {
      schema: {
        summary: '本省的加分/扣分事件（period 为事件日期所在考评期）',
        tags,
        querystring: ZEventQuery,
        response: { 200: created },
      },
    },
    async (request) => {
      const provinceCode = provinceRead(actorOfRequest(request));
      const items = await listEventEntries(database, { provinceCode, ...request.query });
      return { items: items.map(presentEvent) };
    },
  );

  app.post(
    '/api/evaluation-events',
    {
      schema: {
        summary: '录入一条加分/扣分事件（待审核；审核通过后计分）',
        tags,
        body: ZEventIn,
        response: { 201: ZEventOut },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluationEntry.enter');
      authorize(actor, 'evaluationEntry.enter', { regionCode: request.body.regionCode });
      const [event] = await addEvents(
        database,
        {
          file: SINGLE,
          rows: [{ row: null, record: { ...request.body, note: request.body.note ?? null } }],
          mayEnter: mayEnter(actor),
        },
        auditContext(request, deps),
      );
      reply.status(201);
      return presentEvent(event!);
    },
  );

  app.post(
    '/api/evaluation-events/import',
    {
      schema: {
        summary:
          '导入加分/扣分事件（multipart 字段 file，.xlsx/.csv，列：地区代码、日期、事项、次数、理由、依据；任何一行有误则整份拒绝）',
        tags,
        consumes: ['multipart/form-data'],
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluationEntry.enter');
      const items = await withUploadedFile(request, async (path, file) => {
        const parsed = await parseSpecFile(eventsSpec, path);
        const problems = parsed.problems.map((p) => ({ ...p, file }));
        return addEvents(
          database,
          { file, rows: parsed.records, mayEnter: mayEnter(actor), problems },
          auditContext(request, deps),
        );
      });
      reply.status(201);
      return { items: items.map(presentEvent) };
    },
  );

  app.post(
    '/api/evaluation-events/:id/approve',
    {
      schema: {
        summary: '审核通过一条事件（录入人本人不能审核）',
        tags,
        params: ZEntryParams,
        body: ZApproveBody,
        response: { 200: ZEventOut },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluationEntry.approve');
      const e = await loadEvent(database, request.params.id);
      authorize(actor, 'evaluationEntry.approve', { regionCode: e.regionCode, author: e.author });
      return presentEvent(
        await approveEvent(database, e.id, auditContext(request, deps), request.body.version),
      );
    },
  );

  app.post(
    '/api/evaluation-events/:id/revoke',
    {
      schema: {
        summary: '撤销一条事件（保留记录，不再计分；须注明理由）',
        tags,
        params: ZEntryParams,
        body: ZRevokeBody,
        response: { 200: ZEventOut },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluationEntry.revoke');
      const e = await loadEvent(database, request.params.id);
      authorize(actor, 'evaluationEntry.revoke', { regionCode: e.regionCode });
      return presentEvent(
        await revokeEvent(
          database,
          e.id,
          request.body.reason,
          auditContext(request, deps),
          request.body.version,
        ),
      );
    },
  );

  app.get(
    '/api/evaluation-adjustments',
    {
      schema: {
        summary: '本省考评的人工加分/扣分',
        tags,
        querystring: ZAdjustmentQuery,
        response: { 200: createdAdj },
      },
    },
    async (request) => {
      const provinceCode = provinceRead(actorOfRequest(request));
      const items = await listAdjustmentEntries(database, { provinceCode, ...request.query });
      return { items: items.map(presentAdjustment) };
    },
  );

  app.post(
    '/api/evaluation-adjustments',
    {
      schema: {
        summary: '录入一条人工加分/扣分（须注明理由；待另一人审核后计分）',
        tags,
        body: ZAdjustmentIn,
        response: { 201: ZAdjustmentOut },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluationEntry.enter');
      authorize(actor, 'evaluationEntry.enter', { regionCode: request.body.unitCode });
      const [adjustment] = await addAdjustments(
        database,
        {
          file: SINGLE,
          rows: [{ row: null, record: { ...request.body, item: request.body.item ?? null } }],
          mayEnter: mayEnter(actor),
        },
        auditContext(request, deps),
      );
      reply.status(201);
      return presentAdjustment(adjustment!);
    },
  );

  app.post(
    '/api/evaluation-adjustments/import',
    {
      schema: {
        summary:
          '导入人工加分/扣分（multipart 字段 file，.xlsx/.csv，列：考评方案、考评期、地区代码、类别、事项、分值、理由；任何一行有误则整份拒绝）',
        tags,
        consumes: ['multipart/form-data'],
        response: { 201: createdAdj },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluationEntry.enter');
      const items = await withUploadedFile(request, async (path, file) => {
        const parsed = await parseSpecFile(adjustmentsSpec, path);
        const problems = parsed.problems.map((p) => ({ ...p, file }));
        return addAdjustments(
          database,
          { file, rows: parsed.records, mayEnter: mayEnter(actor), problems },
          auditContext(request, deps),
        );
      });
      reply.status(201);
      return { items: items.map(presentAdjustment) };
    },
  );

  app.post(
    '/api/evaluation-adjustments/:id/approve',
    {
      schema: {
        summary: '审核通过一条人工调整（录入人本人不能审核）',
        tags,
        params: ZEntryParams,
        body: ZApproveBody,
        response: { 200: ZAdjustmentOut },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluationEntry.approve');
      const a = await loadAdjustment(database, request.params.id);
      authorize(actor, 'evaluationEntry.approve', { regionCode: a.unitCode, author: a.author });
      return presentAdjustment(
        await approveAdjustment(database, a.id, auditContext(request, deps), request.body.version),
      );
    },
  );

  app.post(
    '/api/evaluation-adjustments/:id/revoke',
    {
      schema: {
        summary: '撤销一条人工调整（保留记录，不再计分；须注明理由）',
        tags,
        params: ZEntryParams,
        body: ZRevokeBody,
        response: { 200: ZAdjustmentOut },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluationEntry.revoke');
      const a = await loadAdjustment(database, request.params.id);
      authorize(actor, 'evaluationEntry.revoke', { regionCode: a.unitCode });
      return presentAdjustment(
        await revokeAdjustment(
          database,
          a.id,
          request.body.reason,
          auditContext(request, deps),
          request.body.version,
        ),
      );
    },
  );
}
