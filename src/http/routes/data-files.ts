// Spreadsheet import (multipart upload, one transaction or nothing) and export (download), and
// blank templates. The rows of an import must all lie in the importer's scope; an export only
// ever contains the scope.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ImportKind } from '../../domain/records';
import { writeFile, writeTemplate } from '../../io/write-file';
import type { Actor } from '../../policies/actor';
import { authorize, authorizeRole } from '../../policies/authorize';
import { UsageError } from '../../services/errors';
import { exportRecords } from '../../services/export-records';
import { importFile } from '../../services/import-file';
import type { ImportScope } from '../../services/import-records';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { CONTENT_TYPES, sendGeneratedFile } from '../send-file';
import { withUploadedFile } from '../upload-file';
import { ZExportQuery, ZImportQuery, ZImportSummary, ZKindParams, ZTemplateQuery } from './data-files.types';

function importScope(actor: Actor): ImportScope {
  return {
    writes: (code) => actor.scope.has(code),
    vouchesFor: (code) => actor.scope.has(code) && actor.regionCode !== code,
  };
}

export function dataFileRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['data files'];

  app.post(
    '/api/import/:kind',
    {
      schema: {
        summary:
          '导入 .xlsx / .csv（multipart 字段 file，≤ 50 MB；任何一行有误则整批拒绝；dryRun=true 只检查并统计将新增/更新的行数，不写入）',
        tags,
        consumes: ['multipart/form-data'],
        params: ZKindParams,
        querystring: ZImportQuery,
        response: { 200: ZImportSummary },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { kind } = request.params;
      authorizeRole(actor, kind === 'regions' ? 'regions.import' : 'data.import');
      if (kind === 'projects' && !request.query.year)
        throw new UsageError('导入项目需要指定年度：?year=2020');
      const ctx = auditContext(request, deps);
      const summary = await withUploadedFile(request, (path, file) =>
        importFile(database, {
          kind,
          path,
          file,
          year: request.query.year,
          list: request.query.list,
          actor: ctx.actor,
          ip: ctx.ip,
          userId: ctx.userId,
          scope: importScope(actor),
          dryRun: request.query.dryRun,
        }),
      );
      return { ...summary, dryRun: request.query.dryRun ?? false };
    },
  );

  app.get(
    '/api/export/:kind',
    {
      schema: {
        summary: '按导入格式导出本人范围内的数据（下载）',
        tags,
        params: ZKindParams,
        querystring: ZExportQuery,
      },
    },
    async (request, reply) => {
      const { name, format, write } = recordsExport(deps, request, request.params.kind, request.query);
      return sendGeneratedFile(reply, name, format, write);
    },
  );

  app.get(
    '/api/templates/:kind',
    {
      schema: { summary: '空白导入模板（只有表头）', tags, params: ZKindParams, querystring: ZTemplateQuery },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const kind: ImportKind = request.params.kind;
      authorizeRole(actor, kind === 'regions' ? 'regions.import' : 'data.import');
      const { format } = request.query;
      return sendGeneratedFile(reply, `${kind}-模板.${format}`, format, (path) => writeTemplate(kind, path));
    },
  );
}

/**
 * An export the caller may make (403/404 otherwise, checked now): its file name, and the function
 * that reads the records (recording the export in the audit log) and writes the file. The download
 * and the export job (jobs-start.ts) share it.
 */
export function recordsExport(
  deps: AppDeps,
  request: FastifyRequest,
  kind: ImportKind,
  query: { region?: string; year?: number; list: string; format: 'xlsx' | 'csv' },
) {
  const actor = actorOfRequest(request);
  authorizeRole(actor, 'data.export');
  const region = query.region ?? actor.regionCode ?? '';
  authorize(actor, 'data.export', { regionCode: region });
  const ctx = auditContext(request, deps);
  const { format, year, list } = query;
  return {
    name: `${kind}-${region}.${format}`,
    format,
    contentType: CONTENT_TYPES[format],
    write: async (path: string) => {
      const request = { kind, region, year, list, actor: ctx.actor, ip: ctx.ip };
      await writeFile(kind, await exportRecords(deps.database, request), path);
    },
  };
}
