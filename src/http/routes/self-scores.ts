// 自评分: a unit's own office reports its self-score (total and, where the scheme says, per indicator),
// revisable until the result is published; every officer lists the self-scores of its scope. A
// spreadsheet is taken whole or not at all (file/row/column/reason). The comparison with the verified
// score is part of the evaluation itself (result.selfScores).
import type { FastifyInstance } from 'fastify';
import { provinceOf } from '../../domain/regions';
import { selfScoresSpec } from '../../io/columns/self-scores';
import { parseSpecFile } from '../../io/parse-file';
import type { Actor } from '../../policies/actor';
import { authorize, authorizeRole, can } from '../../policies/authorize';
import { selfScoreUnits } from '../../policies/visibility';
import { UsageError } from '../../services/errors';
import { SINGLE } from '../../services/evaluation-entries-add';
import {
  listSelfScoreEntries,
  presentSelfScore,
  reportSelfScores,
  selfScoreChoices,
} from '../../services/self-scores';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { withUploadedFile } from '../upload-file';
import { ZSelfScoreChoices, ZSelfScoreIn, ZSelfScoreList, ZSelfScoreQuery } from './self-scores.types';

const mayReport = (actor: Actor) => (regionCode: string) => can(actor, 'selfScore.report', { regionCode });

export function selfScoreRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['evaluation-self-scores'];

  app.get(
    '/api/evaluation-self-scores/choices',
    {
      schema: {
        summary: '接受自评分的内置方案及其指标（各指标满分）',
        tags,
        response: { 200: ZSelfScoreChoices },
      },
    },
    async (request) => {
      authorizeRole(actorOfRequest(request), 'selfScore.read');
      return selfScoreChoices();
    },
  );

  app.get(
    '/api/evaluation-self-scores',
    {
      schema: {
        summary: '参评单位的自评分（省级看全省，市、县看本级及下级）',
        tags,
        querystring: ZSelfScoreQuery,
        response: { 200: ZSelfScoreList },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'selfScore.read');
      if (!actor.regionCode) throw new UsageError('账户未绑定地区');
      const items = await listSelfScoreEntries(database, {
        provinceCode: provinceOf(actor.regionCode),
        ...request.query,
        unitCodes: selfScoreUnits(actor) ?? undefined,
      });
      return { items: items.map(presentSelfScore) };
    },
  );

  app.post(
    '/api/evaluation-self-scores',
    {
      schema: {
        summary: '填报本单位的自评分（总分和/或各指标；结果发布前可修改，发布后冻结）',
        tags,
        body: ZSelfScoreIn,
        response: { 201: ZSelfScoreList },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'selfScore.report');
      const { scores, note, ...scope } = request.body;
      authorize(actor, 'selfScore.report', { regionCode: scope.unitCode });
      const items = await reportSelfScores(
        database,
        {
          file: SINGLE,
          rows: scores.map((s) => ({
            row: null,
            record: { ...scope, indicator: s.indicator ?? null, points: s.points, note: note ?? null },
          })),
          mayEnter: mayReport(actor),
        },
        auditContext(request, deps),
      );
      reply.status(201);
      return { items: items.map(presentSelfScore) };
    },
  );

  app.post(
    '/api/evaluation-self-scores/import',
    {
      schema: {
        summary:
          '导入自评分（multipart 字段 file，.xlsx/.csv，列：考评方案、考评期、地区代码、指标、自评分、说明；指标留空为总分；任何一行有误则整份拒绝）',
        tags,
        consumes: ['multipart/form-data'],
        response: { 201: ZSelfScoreList },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'selfScore.report');
      const items = await withUploadedFile(request, async (path, file) => {
        const parsed = await parseSpecFile(selfScoresSpec, path);
        const problems = parsed.problems.map((p) => ({ ...p, file }));
        return reportSelfScores(
          database,
          { file, rows: parsed.records, mayEnter: mayReport(actor), problems },
          auditContext(request, deps),
        );
      });
      reply.status(201);
      return { items: items.map(presentSelfScore) };
    },
  );
}
