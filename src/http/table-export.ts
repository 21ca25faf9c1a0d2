// The Excel export of a list (issue 16 item 5), for every list route: its query is the list's less
// the paging, plus the language of the headers; the rows are the list's, read through the list's own
// service with the same filters, sort and scope, all pages (src/services/table-export.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type TableSpec, tableTitle } from '../domain/tables/columns';
import { exportTable, type TableExport } from '../services/table-export';
import { type AppDeps, auditContext } from './request-auth';
import { sendGeneratedFile } from './send-file';

export const ZTableLang = z.enum(['zh-CN', 'en']).default('zh-CN').describe('表头的语言（与界面一致）');

/** A list's query for its export: the same filters and sort, no paging, the headers' language. */
export function zExportQuery<Shape extends z.ZodRawShape>(list: z.ZodObject<Shape>) {
  const { page: _page, pageSize: _pageSize, after: _after, ...filters } = list.shape;
  return z
    .object(filters as Omit<Shape, 'page' | 'pageSize' | 'after'>)
    .extend({ lang: ZTableLang })
    .strict();
}

/** The summary of an export route, after its list's. */
export const exportSummary = (list: string) =>
  `导出${list}为 Excel（筛选与排序同列表，全部页；表头、单位与界面一致；最多 1 万行；导出记入审计）`;

export function sendTableExport<Row>(
  reply: FastifyReply,
  request: FastifyRequest,
  deps: AppDeps,
  table: TableExport<Row> & { spec: TableSpec<Row> },
): Promise<FastifyReply> {
  const ctx = auditContext(request, deps);
  return sendGeneratedFile(reply, `${tableTitle(table.spec, table.lang)}.xlsx`, 'xlsx', (path) =>
    exportTable(deps.database, ctx, table, path),
  );
}
