// 错误标注工作簿 (POST /api/import/:kind/errors): the same checks as an import (format, references,
// scope, states, every problem at once), nothing written; answers the uploaded rows back as .xlsx
// with a 错误说明 column and the offending cells in red, or 204 when the file has no problem.
import { basename, extname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { writeErrorWorkbook } from '../../io/error-workbook';
import { authorizeRole } from '../../policies/authorize';
import { UsageError } from '../../services/errors';
import { checkImportFile, importScopeOf } from '../../services/import-file';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { sendGeneratedFile } from '../send-file';
import { withUploadedFile } from '../upload-file';
import { ZImportQuery, ZKindParams } from './data-files.types';

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
}
