// Starting background jobs (issue #14 item 5): each route takes the input of the request it
// replaces (the same schema), checks the caller's rights now exactly as that request does (so a
// refusal is immediate: 403/404), and answers 202 with the job and its Location. The work then runs
// in the background (services/jobs/job-manager.ts): analyses in the worker pool, exports on the
// database and into a file. Exports are recorded in the audit log as their downloads are. The
// requests that answer in place stay for existing clients.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeAny, z } from 'zod';
import type { Actor } from '../../policies/actor';
import {
  draftAudit,
  draftSensitivity,
  draftWhatItTakes,
  type Progress,
  storedAudit,
  storedSensitivity,
  storedWhatItTakes,
} from '../../services/jobs/analyses';
import type { Job, JobContext, JobKind, JobWork } from '../../services/jobs/job-manager';
import { type AppDeps, actorOfRequest } from '../request-auth';
import { toJson, type ZodTypeProvider } from '../schema/zod-provider';
import { CONTENT_TYPES } from '../send-file';
import { auditLogExport, auditLogSheet } from './audit';
import { ZAuditExportQuery } from './audit.types';
import { recordsExport } from './data-files';
import { draftRequest, readablePublished } from './evaluation-access';
import { ZAnalysis, ZAudit, ZDraftBody, ZSensitivityBody, ZWhatItTakesBody } from './evaluations.types';
import { jobUrl, presentJob } from './jobs';
import {
  ZExportJobBody,
  ZJob,
  ZStoredAuditJobBody,
  ZStoredSensitivityJobBody,
  ZStoredWhatItTakesJobBody,
} from './jobs.types';
import { oc4idsExport } from './oc4ids';
import { ZOc4idsQuery } from './oc4ids.types';

const JSON_TYPE = 'application/json; charset=utf-8';

const SENSITIVITY_FILE = { schema: ZAnalysis, fileName: 'sensitivity.json' };
const WHAT_IT_TAKES_FILE = { schema: ZAnalysis, fileName: 'what-it-takes.json' };
const AUDIT_FILE = { schema: ZAudit, fileName: 'audit.json' };

const progressOf = (ctx: JobContext): Progress => ({ signal: ctx.signal, report: ctx.progress });

/** An analysis job: the value, shaped by the schema of the request it replaces, saved as JSON. */
function analysis<T>(schema: ZodTypeAny, fileName: string, run: (progress: Progress) => Promise<T>): JobWork {
  return async (ctx) => {
    const value = await run(progressOf(ctx));
    ctx.progress(1, '保存结果');
    return ctx.save(toJson(schema.parse(value)), { contentType: JSON_TYPE, fileName });
  };
}

export function jobStartRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['jobs'];
  const schema = <B extends ZodTypeAny>(summary: string, body: B) => ({
    summary,
    tags,
    body,
    response: { 202: ZJob },
  });

  function start(reply: FastifyReply, ownerId: number, kind: JobKind, work: JobWork) {
    const job: Job = root.jobs.start(ownerId, kind, work);
    reply.status(202).header('location', jobUrl(job.id));
    return presentJob(job);
  }

  /** An analysis job: the caller's rights checked now (`prepare`), the analysis run in the background. */
  function analysisJob<B extends ZodTypeAny>(
    kind: JobKind,
    summary: string,
    body: B,
    result: { schema: ZodTypeAny; fileName: string },
    prepare: (actor: Actor, body: z.output<B>, ip: string) => Promise<(p: Progress) => Promise<unknown>>,
  ): void {
    app.post(`/api/jobs/${kind}`, { schema: schema(summary, body) }, async (request, reply) => {
      const actor = actorOfRequest(request);
      const run = await prepare(actor, request.body as z.output<B>, request.ip);
      return start(reply, actor.id, kind, analysis(result.schema, result.fileName, run));
    });
  }

  analysisJob(
    'draft-sensitivity',
    '后台任务：草稿的稳健性分析（参数同 POST /api/evaluations/draft/sensitivity）',
    ZSensitivityBody,
    SENSITIVITY_FILE,
    async (actor, { replications, seed, normalisation, aggregation, ...draft }, ip) => {
      const evaluate = draftRequest(actor, draft, ip);
      const opts = { replications, seed, normalisation, aggregation };
      return (p) => draftSensitivity(database, evaluate, opts, p);
    },
  );
  analysisJob(
    'draft-what-it-takes',
    '后台任务：草稿中某单位提升一个名次需要的最小单项变化',
    ZWhatItTakesBody,
    WHAT_IT_TAKES_FILE,
    async (actor, { unit, ...draft }, ip) => {
      const evaluate = draftRequest(actor, draft, ip);
      return (p) => draftWhatItTakes(database, evaluate, unit, p);
    },
  );
  analysisJob(
    'draft-audit',
    '后台任务：草稿的统计审计（参数同 POST /api/evaluations/draft/audit）',
    ZDraftBody,
    AUDIT_FILE,
    async (actor, draft, ip) => {
      const evaluate = draftRequest(actor, draft, ip);
      return (p) => draftAudit(database, evaluate, p);
    },
  );
  analysisJob(
    'sensitivity',
    '后台任务：已发布结果的稳健性分析（evaluation 为结果编号）',
    ZStoredSensitivityJobBody,
    SENSITIVITY_FILE,
    async (actor, { evaluation, ...opts }) => {
      const stored = await readablePublished(deps, actor, evaluation);
      return (p) => storedSensitivity(stored, opts, p);
    },
  );
  analysisJob(
    'what-it-takes',
    '后台任务：已发布结果中某单位提升一个名次需要的最小单项变化',
    ZStoredWhatItTakesJobBody,
    WHAT_IT_TAKES_FILE,
    async (actor, { evaluation, unit }) => {
      const stored = await readablePublished(deps, actor, evaluation);
      return (p) => storedWhatItTakes(stored, unit, p);
    },
  );
  analysisJob(
    'audit',
    '后台任务：已发布结果的统计审计',
    ZStoredAuditJobBody,
    AUDIT_FILE,
    async (actor, { evaluation }) => {
      const stored = await readablePublished(deps, actor, evaluation);
      return (p) => storedAudit(stored, p);
    },
  );

  app.post(
    '/api/jobs/export',
    {
      schema: schema(
        '后台任务：按导入格式导出本人范围内的数据（参数同 GET /api/export/:kind，另加 kind）',
        ZExportJobBody,
      ),
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { name, format, contentType, write } = recordsExport(
        deps,
        request,
        request.body.kind,
        request.body,
      );
      return start(reply, actor.id, 'export', async (ctx) => {
        ctx.progress(0.1, '读取数据并写出文件');
        await write(ctx.pathFor(`export.${format}`));
        return ctx.saved(`export.${format}`, { contentType, fileName: name });
      });
    },
  );

  app.post(
    '/api/jobs/oc4ids',
    { schema: schema('后台任务：导出 OC4IDS 项目包（参数同 GET /api/export/oc4ids）', ZOc4idsQuery) },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const build = await oc4idsExport(deps, request, request.body);
      return start(reply, actor.id, 'oc4ids', async (ctx) => {
        ctx.progress(0.1, '读取数据并生成项目包');
        const { text, fileName } = await build();
        return ctx.save(text, { contentType: JSON_TYPE, fileName });
      });
    },
  );

  app.post(
    '/api/jobs/audit-log',
    {
      schema: schema(
        '后台任务：导出审计日志 CSV 或 .xlsx（参数同 GET /api/audit/export；导出本身记入审计）',
        ZAuditExportQuery,
      ),
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      if (request.body.format === 'xlsx') {
        const write = auditLogSheet(deps, request, request.body);
        return start(reply, actor.id, 'audit-log', async (ctx) => {
          ctx.progress(0.1, '读取审计日志并写出文件');
          await write(ctx.pathFor('audit-log.xlsx'));
          return ctx.saved('audit-log.xlsx', { contentType: CONTENT_TYPES.xlsx, fileName: '审计日志.xlsx' });
        });
      }
      const lines = auditLogExport(deps, request, request.body);
      return start(reply, actor.id, 'audit-log', async (ctx) => {
        ctx.progress(0, '读取审计日志');
        const out = createWriteStream(ctx.pathFor('audit-log.csv'));
        await pipeline(Readable.from(await lines((rows) => ctx.progress(0.5, `已写出 ${rows} 条`))), out, {
          signal: ctx.signal,
        });
        return ctx.saved('audit-log.csv', { contentType: CONTENT_TYPES.csv, fileName: 'audit-log.csv' });
      });
    },
  );
}
