// Evaluations: drafts, robustness and "what it takes" on current data (province officers), publication
// once per scheme, region and period behind the publish gate (overridden only with a reason, by whom
// the policy allows), revocation as a record of its own, and published results with their analyses
// for every reader in the province. Analyses of a published result use the inputs stored with it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { provinceOf } from '../../domain/regions';
import type { Actor } from '../../policies/actor';
import { authorize, authorizeRole, can } from '../../policies/authorize';
import { RuleViolationError } from '../../services/errors';
import { runEvaluation } from '../../services/evaluate-period';
import {
  draftAudit,
  draftSensitivity,
  draftWhatItTakes,
  storedAudit,
  storedSensitivity,
  storedWhatItTakes,
} from '../../services/jobs/analyses';
import { PublishRefusedError, publishEvaluation, revokeEvaluation } from '../../services/publish-evaluation';
import { listPublishedEvaluations, loadPublishedEvaluation } from '../../services/published-evaluations';
import { regionTree } from '../../services/region-tree';
import { verifyEvaluation } from '../../services/verify-evaluation';
import { presentDraft, presentPublished, presentSummary } from '../presenters/evaluation';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { draftRequest, parentOf, readablePublished } from './evaluation-access';
import {
  ZAnalysis,
  ZAudit,
  ZDraft,
  ZDraftBody,
  ZEvaluationListQuery,
  ZEvaluationParams,
  ZPublishBody,
  ZPublished,
  ZPublishedSummary,
  ZRevokeBody,
  ZRevoked,
  ZSensitivityBody,
  ZSensitivityQuery,
  ZUnitQuery,
  ZVerification,
  ZWhatItTakesBody,
} from './evaluations.types';

/** The answer to a client gone before its analysis ended (never seen: 499 as proxies log it). */
class ClientGoneError extends Error {
  override name = 'ClientGoneError';
  readonly statusCode = 499;
  constructor() {
    super('客户端已断开，分析已停止');
  }
}

/**
 * Runs an analysis that answers in place, stopped when its client goes first (the connection closes
 * before the answer is sent): its task leaves the worker pool, so a page closed or reloaded mid-run
 * leaves no run behind for later requests to queue after. The response's 'close', not the request's:
 * the request of a POST closes as soon as its body is read.
 */
async function inPlace<T>(reply: FastifyReply, analysis: (progress: { signal: AbortSignal }) => Promise<T>) {
  const controller = new AbortController();
  const gone = () => {
    if (!reply.raw.writableFinished) controller.abort();
  };
  if (reply.raw.destroyed) gone();
  else reply.raw.once('close', gone);
  try {
    return await analysis({ signal: controller.signal });
  } catch (error) {
    throw controller.signal.aborted ? new ClientGoneError() : error;
  } finally {
    reply.raw.off('close', gone);
  }
}

export function evaluationRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['evaluations'];

  app.post(
    '/api/evaluations/draft',
    {
      schema: {
        summary: '按当前数据试算考评（草稿，不保存）；可用编辑过的方案副本（schemeText）',
        tags,
        body: ZDraftBody,
        response: { 200: ZDraft },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const run = await runEvaluation(database, draftRequest(actor, request.body, request.ip));
      return presentDraft(run, {
        edited: request.body.schemeText !== undefined,
        mayPublish: can(actor, 'evaluation.publish', { regionCode: run.parent.code }),
        mayOverride: can(actor, 'evaluation.override', { regionCode: run.parent.code }),
      });
    },
  );

  app.post(
    '/api/evaluations/draft/sensitivity',
    {
      schema: {
        summary: '草稿的稳健性分析：名次区间、第一概率、敏感性指数',
        tags,
        body: ZSensitivityBody,
        response: { 200: ZAnalysis },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { replications, seed, normalisation, aggregation, ...draft } = request.body;
      const options = { replications, seed, normalisation, aggregation };
      return inPlace(reply, (progress) =>
        draftSensitivity(database, draftRequest(actor, draft, request.ip), options, progress),
      );
    },
  );

  app.post(
    '/api/evaluations/draft/audit',
    {
      schema: {
        summary: '草稿的统计审计：指标相关矩阵、名义权重与有效权重、离群值',
        tags,
        body: ZDraftBody,
        response: { 200: ZAudit },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      return inPlace(reply, (progress) =>
        draftAudit(database, draftRequest(actor, request.body, request.ip), progress),
      );
    },
  );

  app.post(
    '/api/evaluations/draft/what-it-takes',
    {
      schema: {
        summary: '草稿中某单位提升一个名次需要的最小单项变化',
        tags,
        body: ZWhatItTakesBody,
        response: { 200: ZAnalysis },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { unit, ...draft } = request.body;
      return inPlace(reply, (progress) =>
        draftWhatItTakes(database, draftRequest(actor, draft, request.ip), unit, progress),
      );
    },
  );

  app.post(
    '/api/evaluations',
    {
      schema: {
        summary:
          '发布考评结果（每个方案、地区、期间只能发布一次，发布后不可更改；撤销后可重新发布为新版次）。发布前检查未通过时 422，details 为检查报告与 mayOverride；有权限者可附 overrideReason 仍然发布',
        tags,
        body: ZPublishBody,
        response: { 201: ZPublished },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluation.publish');
      const region = parentOf(actor, request.body.region);
      authorize(actor, 'evaluation.publish', { regionCode: region });
      if (request.body.overrideReason !== undefined) {
        authorize(actor, 'evaluation.override', { regionCode: region });
      }
      const ctx = auditContext(request, deps);
      const outcome = await publishEvaluation(database, {
        scheme: request.body.scheme,
        period: request.body.period,
        region,
        actor: ctx.actor,
        ip: ctx.ip,
        overrideReason: request.body.overrideReason,
      }).catch((error: unknown) => {
        // The gate's report, and whether this caller could publish anyway with a reason.
        if (error instanceof PublishRefusedError) {
          throw new RuleViolationError(error.message, {
            ...error.gate,
            mayOverride: can(actor, 'evaluation.override', { regionCode: region }),
          });
        }
        throw error;
      });
      const stored = await loadPublishedEvaluation(database, outcome.id);
      reply.status(201);
      return presentPublished(stored, await regionTree(database));
    },
  );

  app.post(
    '/api/evaluations/:id/revoke',
    {
      schema: {
        summary:
          '撤销已发布的考评结果（另存一条撤销记录，结果本身不变；其公开链接一并撤销；之后可重新发布为新版次）',
        tags,
        params: ZEvaluationParams,
        body: ZRevokeBody,
        response: { 200: ZRevoked },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluation.revoke');
      const stored = await loadPublishedEvaluation(database, request.params.id, { allowRevoked: true });
      authorize(actor, 'evaluation.revoke', { regionCode: stored.parentCode });
      const ctx = auditContext(request, deps);
      const outcome = await revokeEvaluation(database, stored.id, {
        reason: request.body.reason,
        actor: ctx.actor,
        ip: ctx.ip,
        now: ctx.now,
      });
      return { id: outcome.id, revokedAt: outcome.revokedAt.toISOString(), links: outcome.links };
    },
  );

  app.get(
    '/api/evaluations',
    {
      schema: {
        summary: '已发布的考评结果（本省）',
        tags,
        querystring: ZEvaluationListQuery,
        response: { 200: z.object({ items: z.array(ZPublishedSummary) }) },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluation.read');
      const provinceCode = provinceOf(request.query.region ?? actor.regionCode ?? '');
      authorize(actor, 'evaluation.read', { regionCode: provinceCode });
      const items = await listPublishedEvaluations(database, {
        provinceCode,
        parentCode: request.query.region,
        schemeId: request.query.scheme,
        period: request.query.period,
        includeRevoked: request.query.revoked === 'include',
      });
      const regions = await regionTree(database);
      return { items: items.map((s) => presentSummary(s, regions)) };
    },
  );

  const readable = (actor: Actor, id: number) => readablePublished(deps, actor, id);

  app.get(
    '/api/evaluations/:id',
    {
      schema: {
        summary: '一份已发布的考评结果（含每项得分的说明）',
        tags,
        params: ZEvaluationParams,
        response: { 200: ZPublished },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const stored = await readable(actor, request.params.id);
      return {
        ...presentPublished(stored, await regionTree(database)),
        permissions: {
          revoke:
            stored.revocation === null && can(actor, 'evaluation.revoke', { regionCode: stored.parentCode }),
        },
      };
    },
  );

  app.get(
    '/api/evaluations/:id/verify',
    {
      schema: {
        summary:
          '复核：存储的内容摘要，与用发布时保存的输入重新计算的摘要比对（identical）；另附用当前数据重新计算的摘要（current，数据在发布后变化时不同，不影响已发布结果）',
        tags,
        params: ZEvaluationParams,
        response: { 200: ZVerification },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const stored = await readable(actor, request.params.id);
      const verification = await verifyEvaluation(database, stored.id);
      // Today's ranks are a draft: only those who may run drafts see what moved.
      if (!verification.current || can(actor, 'evaluation.run', { regionCode: stored.parentCode })) {
        return verification;
      }
      const { moves: _moves, ...current } = verification.current;
      return { ...verification, current };
    },
  );

  app.get(
    '/api/evaluations/:id/sensitivity',
    {
      schema: {
        summary: '已发布结果的稳健性分析（基于发布时保存的输入）',
        tags,
        params: ZEvaluationParams,
        querystring: ZSensitivityQuery,
        response: { 200: ZAnalysis },
      },
    },
    async (request, reply) => {
      const stored = await readable(actorOfRequest(request), request.params.id);
      return inPlace(reply, (progress) => storedSensitivity(stored, request.query, progress));
    },
  );

  app.get(
    '/api/evaluations/:id/audit',
    {
      schema: {
        summary: '已发布结果的统计审计（基于发布时保存的结果）',
        tags,
        params: ZEvaluationParams,
        response: { 200: ZAudit },
      },
    },
    async (request, reply) => {
      const stored = await readable(actorOfRequest(request), request.params.id);
      return inPlace(reply, (progress) => storedAudit(stored, progress));
    },
  );

  app.get(
    '/api/evaluations/:id/what-it-takes',
    {
      schema: {
        summary: '已发布结果中某单位提升一个名次需要的最小单项变化',
        tags,
        params: ZEvaluationParams,
        querystring: ZUnitQuery,
        response: { 200: ZAnalysis },
      },
    },
    async (request, reply) => {
      const stored = await readable(actorOfRequest(request), request.params.id);
      return inPlace(reply, (progress) => storedWhatItTakes(stored, request.query.unit, progress));
    },
  );
}
