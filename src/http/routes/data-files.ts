// Spreadsheet import (multipart upload, one transaction or nothing) and export (download), and
// blank templates. The rows of an import must all lie in the importer's scope; an export only
// ever contains the scope.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ImportKind } from '../../domain/records';
import { parseFile } from '../../io/parse-file';
import { writeFile, writeTemplate } from '../../io/write-file';
import type { Actor } from '../../policies/actor';
import { authorize, authorizeRole } from '../../policies/authorize';
import { InputRejectedError, UsageError } from '../../services/errors';
import { exportRecords } from '../../services/export-records';
import { auditRejectedImport, type ImportScope, importRecords } from '../../services/import-records';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { UPLOAD_LIMIT_BYTES, UploadTooLargeError } from '../upload-limit';
import { ZExportQuery, ZImportQuery, ZImportSummary, ZKindParams, ZTemplateQuery } from './data-files.types';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

function importScope(actor: Actor): ImportScope {
  return {
    writes: (code) => actor.scope.has(code),
    vouchesFor: (code) => actor.scope.has(code) && actor.regionCode !== code,
  };
}

/** The name users see in messages: the file's own name, without any path, bounded. */
const displayName = (name: string) => basename(name.replace(/\\/g, '/')).slice(-100) || 'upload';

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
      const part = await request.file({ limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1 } });
      if (!part) throw new UsageError('请以 multipart/form-data 上传文件（字段 file）');
      const file = displayName(part.filename);
      const dir = await mkdtemp(join(tmpdir(), 'sibi-upload-'));
      try {
        // The saved name keeps only the extension: the user's name never becomes a path.
        const path = join(
          dir,
          `upload${extname(file)
            .toLowerCase()
            .replace(/[^.a-z]/g, '')}`,
        );
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated) throw new UploadTooLargeError();
        const ctx = auditContext(request, deps);
        const parsed = await parseFile(kind, path, { year: request.query.year });
        const problems = parsed.problems.map((p) => ({ ...p, file }));
        if (problems.length > 0) {
          await auditRejectedImport(
            database,
            { kind, file, actor: ctx.actor, ip: ctx.ip, rows: parsed.records },
            problems,
          );
          throw new InputRejectedError(`${file}：${problems.length} 处问题，未写入任何数据`, problems);
        }
        const summary = await importRecords(database, {
          kind,
          file,
          rows: parsed.records,
          fields: parsed.columns.map((c) => c.field),
          year: request.query.year,
          list: request.query.list,
          actor: ctx.actor,
          ip: ctx.ip,
          userId: ctx.userId,
          scope: importScope(actor),
          dryRun: request.query.dryRun,
        });
        return {
          ...summary,
          dryRun: request.query.dryRun ?? false,
          columns: parsed.columns,
          warnings: parsed.warnings,
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
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
      const actor = actorOfRequest(request);
      const { kind } = request.params;
      authorizeRole(actor, 'data.export');
      const region = request.query.region ?? actor.regionCode ?? '';
      authorize(actor, 'data.export', { regionCode: region });
      const ctx = auditContext(request, deps);
      const records = await exportRecords(database, {
        kind,
        region,
        year: request.query.year,
        list: request.query.list,
        actor: ctx.actor,
        ip: ctx.ip,
      });
      const { format } = request.query;
      return sendFile(reply, `${kind}-${region}.${format}`, format, (path) => writeFile(kind, records, path));
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
      return sendFile(reply, `${kind}-模板.${format}`, format, (path) => writeTemplate(kind, path));
    },
  );
}

/** Writes the file to a private temp folder, streams it, and removes it once sent. */
async function sendFile(
  reply: FastifyReply,
  name: string,
  format: 'xlsx' | 'csv',
  write: (path: string) => Promise<void>,
): Promise<FastifyReply> {
  const dir = await mkdtemp(join(tmpdir(), 'sibi-export-'));
  const path = join(dir, `export.${format}`);
  try {
    await write(path);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const stream = createReadStream(path);
  stream.on('close', () => void rm(dir, { recursive: true, force: true }));
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header(
      'content-disposition',
      `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(stream);
}
