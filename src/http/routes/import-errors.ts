// What helps a clerk get a file in: 错误标注工作簿 (POST /api/import/:kind/errors) — the same checks as
// an import (format, references, scope, states, every problem at once), nothing written; the uploaded
// rows back as .xlsx with a 错误说明 column and the offending cells in red, or 204 when the file has
// no problem — and 月报填报表 (GET /api/templates/reports/form): the caller's projects pre-listed.
import { basename, extname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { writeErrorWorkbook } from '../../io/error-workbook';
import { writeReportForm } from '../../io/report-form';
import { authorize, authorizeRole } from '../../policies/authorize';
import { UsageError } from '../../services/errors';
import { checkImportFile, importScopeOf } from '../../services/import-file';
import { reportFormRows } from '../../services/report-form';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { sendGeneratedFile } from '../send-file';
import { withUploadedFile } from '../upload-file';
import { ZImportQuery, ZKindParams, ZReportFormQuery } from './data-files.types';

export function importErrorRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/import/:kind/errors',
    {
      schema: {
        summary:
          '错误标注工作簿：按导入的规则一次检查文件（格式、引用、管辖范围、月报状态），不写入；有问题时返回标注了错误说明列与出错单元格的 .xlsx，没有问题时返回 204',
        tags: ['data files'],
        consumes: ['multipart/form-data'],
        params: ZKindParams,
        querystring: ZImportQuery.omit({ dryRun: true }),
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { kind } = request.params;
      authorizeRole(actor, kind === 'regions' ? 'regions.import' : 'data.import');
      if (kind === 'projects' && !request.query.year)
        throw new UsageError('导入项目需要指定年度：?year=2020');
      const ctx = auditContext(request, deps);
      return withUploadedFile(request, async (path, file) => {
        const { parsed, problems } = await checkImportFile(deps.database, {
          kind,
          path,
          file,
          year: request.query.year,
          list: request.query.list,
          actor: ctx.actor,
          ip: ctx.ip,
          userId: ctx.userId,
          scope: importScopeOf(actor),
        });
        if (problems.length === 0) return reply.status(204).send();
        const name = `${basename(file, extname(file))}-错误标注.xlsx`;
        return sendGeneratedFile(reply, name, 'xlsx', (out) =>
          writeErrorWorkbook({ kind, source: path, format: parsed.format, parsed, problems, out }),
        );
      });
    },
  );

  app.get(
    '/api/templates/reports/form',
    {
      schema: {
        summary:
          '月报填报表：本人地区（或其下级 region）某年名单上的项目已列好（项目代码、年度、月份），附项目名称与本月月报状态，可离线填写后原样导入（未填的行跳过）',
        tags: ['data files'],
        querystring: ZReportFormQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'data.import');
      const region = request.query.region ?? actor.regionCode ?? '';
      authorize(actor, 'data.export', { regionCode: region });
      const { year, month, list } = request.query;
      const ctx = auditContext(request, deps);
      const rows = await reportFormRows(deps.database, {
        region,
        year,
        month,
        list,
        actor: ctx.actor,
        ip: ctx.ip,
      });
      const name = `月报填报表-${region}-${year}年${month}月.xlsx`;
      return sendGeneratedFile(reply, name, 'xlsx', (out) => writeReportForm(rows, { year, month }, out));
    },
  );
}
