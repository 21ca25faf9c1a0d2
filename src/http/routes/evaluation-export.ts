// 导出Excel of an evaluation's results table (issue 16 item 5): a published result for its readers
// (as GET /api/evaluations/:id), a draft of a built-in scheme for those who may run it (computed as
// POST /api/evaluations/draft computes it). One sheet: the groups as the page shows them, rank order.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EvaluationResult } from '../../domain/evaluation/types';
import type { TableLang } from '../../domain/tables/columns';
import { resultRows, resultsTable, tiedUnits } from '../../domain/tables/evaluations';
import { runEvaluation } from '../../services/evaluate-period';
import { pagesOf } from '../../services/table-export';
import { type AppDeps, actorOfRequest } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { sendTableExport } from '../table-export';
import { draftRequest, readablePublished } from './evaluation-access';
import { ZDraftExportQuery, ZEvaluationParams, ZResultExportQuery } from './evaluations.types';

const SUMMARY = '（名次、单位、各维度得分、基本分、加分、扣分、总分，与界面一致；导出记入审计）';

export function evaluationExportRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluations'];

  function send(
    request: FastifyRequest,
    reply: FastifyReply,
    result: EvaluationResult,
    lang: TableLang,
    group: string | undefined,
  ) {
    const rows = resultRows(result, group);
    return sendTableExport(reply, request, deps, {
      kind: 'evaluation',
      spec: resultsTable(result.units[0]?.dimensions ?? [], tiedUnits(result.units)),
      lang,
      query: request.query as Record<string, unknown>,
      readPage: pagesOf(rows),
    });
  }

  app.get(
    '/api/evaluations/:id/export',
    {
      schema: {
        summary: `导出一份已发布的考评结果为 Excel${SUMMARY}`,
        tags,
        params: ZEvaluationParams,
        querystring: ZResultExportQuery,
      },
    },
    async (request, reply) => {
      const stored = await readablePublished(deps, actorOfRequest(request), request.params.id);
      const { group, lang } = request.query;
      return send(request, reply, stored.result as EvaluationResult, lang, group);
    },
  );

  app.get(
    '/api/evaluations/draft/export',
    {
      schema: { summary: `按当前数据试算考评并导出为 Excel${SUMMARY}`, tags, querystring: ZDraftExportQuery },
    },
    async (request, reply) => {
      const { lang, ...draft } = request.query;
      const run = await runEvaluation(
        deps.database,
        draftRequest(actorOfRequest(request), draft, request.ip),
      );
      return send(request, reply, run.result, lang, undefined);
    },
  );
}
