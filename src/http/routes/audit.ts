// The audit log: the auditor reads and exports it; nobody changes it (the database refuses).
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AuditFilter, AuditRow } from '../../db/audit-read';
import { CSV_BOM, csvLine } from '../../io/csv-encode';
import { neutraliseFormula } from '../../io/text';
import { authorizeRole } from '../../policies/authorize';
import { exportAuditLog, readAuditLog } from '../../services/audit-log';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { toJson } from '../schema/zod-provider';
import { ZAuditExportQuery, ZAuditList, ZAuditQuery } from './audit.types';

const HEADER = ['编号', '时间', '用户', 'IP', '操作', '对象类型', '对象', '结果', '变更前', '变更后', '详情'];

function filterOf(query: { from?: string; to?: string } & Omit<AuditFilter, 'from' | 'to'>): AuditFilter {
  const { from, to, ...rest } = query;
  return { ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
}

const presentRow = (row: AuditRow) => ({ ...row, at: row.at.toISOString() });

/** Cells that could run as formulas in a spreadsheet are neutralised (security.md: exports). */
const csvRow = (row: AuditRow) =>
  csvLine(
    [
      String(row.id),
      row.at.toISOString(),
      row.actor,
      row.ip ?? '',
      row.action,
      row.targetType ?? '',
      row.targetId ?? '',
      row.outcome,
      row.before === null ? '' : toJson(row.before),
      row.after === null ? '' : toJson(row.after),
      row.details === null ? '' : toJson(row.details),
    ].map(neutraliseFormula),
  );

export function auditRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  app.get(
    '/api/audit',
    {
      schema: {
        summary: '审计日志（仅审计管理员）',
        tags,
        querystring: ZAuditQuery,
        response: { 200: ZAuditList },
      },
    },
    async (request) => {
      authorizeRole(actorOfRequest(request), 'audit.read');
      const { page, pageSize, sort: _sort, ...filter } = request.query;
      const result = await readAuditLog(deps.database, filterOf(filter), { page, pageSize });
      return { ...result, items: result.items.map(presentRow) };
    },
  );

  app.get(
    '/api/audit/export',
    { schema: { summary: '导出审计日志 CSV（导出本身也记入审计）', tags, querystring: ZAuditExportQuery } },
    async (request, reply) => {
      authorizeRole(actorOfRequest(request), 'audit.read');
      const { format, ...filter } = request.query;
      const batches = exportAuditLog(deps.database, auditContext(request, deps), filterOf(filter), format);
      const first = await batches.next();
      async function* lines() {
        yield CSV_BOM + csvLine(HEADER);
        if (first.done) return;
        for (const row of first.value) yield csvRow(row);
        for await (const batch of batches) for (const row of batch) yield csvRow(row);
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log.csv"`)
        .send(Readable.from(lines()));
    },
  );
}
