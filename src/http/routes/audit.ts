// The audit log: the auditor reads it in words (labelled actions, objects and outcomes, each change
// field by field) and exports exactly the filtered list as CSV or .xlsx; nobody changes it (the
// database refuses).
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorizeRole } from '../../policies/authorize';
import {
  type AuditEntry,
  type AuditFilter,
  auditFilterChoices,
  exportAuditLog,
  exportAuditSheet,
  readAuditLog,
} from '../../services/audit-log';
import { auditCsvLines } from '../audit-csv';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { sendGeneratedFile } from '../send-file';
import { ZAuditChoices, ZAuditExportQuery, ZAuditList, ZAuditQuery } from './audit.types';

type FilterQuery = { from?: string; to?: string } & Omit<AuditFilter, 'from' | 'to'>;

function filterOf(query: FilterQuery): AuditFilter {
  const { from, to, ...rest } = query;
  return { ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
}

const presentEntry = (entry: AuditEntry) => ({ ...entry, at: entry.at.toISOString() });

export function auditRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  app.get(
    '/api/audit',
    {
      schema: {
        summary: '审计日志（仅审计管理员）：每条的操作、对象、结果为中文，变更逐字段列出变更前 → 变更后',
        tags,
        querystring: ZAuditQuery,
        response: { 200: ZAuditList },
      },
    },
    async (request) => {
      authorizeRole(actorOfRequest(request), 'audit.read');
      const { page, pageSize, sort: _sort, ...filter } = request.query;
      const result = await readAuditLog(deps.database, filterOf(filter), { page, pageSize });
      return { ...result, items: result.items.map(presentEntry) };
    },
  );

  app.get(
    '/api/audit/choices',
    {
      schema: {
        summary: '审计日志的筛选项：操作、对象类型、结果（中英文）与日志中出现过的用户',
        tags,
        response: { 200: ZAuditChoices },
      },
    },
    async (request) => {
      authorizeRole(actorOfRequest(request), 'audit.read');
      return auditFilterChoices(deps.database);
    },
  );

  app.get(
    '/api/audit/export',
    {
      schema: {
        summary: '导出审计日志（筛选条件同 GET /api/audit，导出恰为筛选出的各条；导出本身也记入审计）',
        tags,
        querystring: ZAuditExportQuery,
      },
    },
    async (request, reply) => {
      if (request.query.format === 'xlsx')
        return sendGeneratedFile(reply, '审计日志.xlsx', 'xlsx', auditLogSheet(deps, request, request.query));
      const lines = await auditLogExport(deps, request, request.query)();
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log.csv"`)
        .send(Readable.from(lines));
    },
  );
}

/** An export's context and filter, once the caller may read the log (403 otherwise, checked now). */
function exportOf(deps: AppDeps, request: FastifyRequest, query: { format: string } & FilterQuery) {
  authorizeRole(actorOfRequest(request), 'audit.read');
  const { format: _format, ...filter } = query;
  return { ctx: auditContext(request, deps), filter: filterOf(filter) };
}

/**
 * A CSV export of the audit log, as the function that records the export and gives the CSV's
 * lines (the caller's right checked now). The download and the export job share it.
 */
export function auditLogExport(
  deps: AppDeps,
  request: FastifyRequest,
  query: { format: string } & FilterQuery,
) {
  const { ctx, filter } = exportOf(deps, request, query);
  return (onRows?: (rows: number) => void) =>
    auditCsvLines(exportAuditLog(deps.database, ctx, filter, 'csv'), onRows);
}

/** The .xlsx export of the audit log (in words), as the function that records it and writes the file. */
export function auditLogSheet(
  deps: AppDeps,
  request: FastifyRequest,
  query: { format: string } & FilterQuery,
) {
  const { ctx, filter } = exportOf(deps, request, query);
  return (path: string) => exportAuditSheet(deps.database, ctx, filter, path);
}
