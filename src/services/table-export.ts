// A list exported to Excel as the screen shows it (issue 16 item 5): the list's own service read
// page after page with the list's filters and sort (so the rows and their order are the list's),
// every page, written by the one table writer (src/io/table-xlsx.ts). Capped at the depth a list
// can be paged to; the export is recorded in the audit log like every export.
import { writeAudit } from '../db/audit';
import { MAX_PAGE_DEPTH, type Page } from '../db/paging';
import type { TableContext, TableLang, TableSpec } from '../domain/tables/columns';
import { writeTableXlsx } from '../io/table-xlsx';
import type { AuditContext } from './context';
import type { Database } from './database';
import { RuleViolationError } from './errors';
import { regionTree } from './region-tree';

/** The most rows one export holds: the depth a list can be paged to. */
export const EXPORT_ROW_CAP = MAX_PAGE_DEPTH;
/** Rows read per page (divides the cap, so the last page stays within the paging depth). */
export const EXPORT_BATCH = 500;

export interface TableExport<Row> {
  /** The audit's object kind: `export.<kind>` (projects, deals, reserve, approvals, issues, reports). */
  kind: string;
  spec: TableSpec<Row>;
  lang: TableLang;
  /** The list's filter and sort as asked, for the audit entry. */
  query: Record<string, unknown>;
  /** One page of the list, as the list endpoint presents its items. */
  readPage(page: number, pageSize: number): Promise<Page<Row>>;
}

/** A computed table (not paged: the whole of it at once) read as the pages of a list. */
export function pagesOf<Row>(rows: readonly Row[]): TableExport<Row>['readPage'] {
  return async (page, pageSize) => ({
    items: rows.slice((page - 1) * pageSize, page * pageSize),
    total: rows.length,
    page,
    pageSize,
  });
}

/** The names and date a table's cells need: region names from the tree, today's date. */
export async function tableContext(
  database: Database,
  lang: TableLang,
  now = new Date(),
): Promise<TableContext> {
  const names = new Map((await regionTree(database)).map((region) => [region.code, region.name]));
  return {
    lang,
    regionName: (code) => (code ? (names.get(code) ?? code) : ''),
    today: now.toISOString().slice(0, 10),
    now: now.toISOString(),
  };
}

/**
 * Writes the whole list to `path` as .xlsx; refused (422, nothing written) when it holds more than
 * EXPORT_ROW_CAP rows. Returns the number of rows.
 */
export async function exportTable<Row>(
  database: Database,
  ctx: AuditContext,
  request: TableExport<Row>,
  path: string,
): Promise<number> {
  const first = await request.readPage(1, EXPORT_BATCH);
  if (first.total > EXPORT_ROW_CAP)
    throw new RuleViolationError(
      `导出行数过多：共 ${first.total} 条，超出一次导出 ${EXPORT_ROW_CAP} 条的上限；请用筛选条件缩小范围后再导出`,
      { total: first.total, cap: EXPORT_ROW_CAP },
    );
  await writeAudit(database.db, {
    actor: ctx.actor,
    ip: ctx.ip,
    action: `export.${request.kind}`,
    targetType: request.kind,
    targetId: null,
    outcome: 'ok',
    details: { format: 'xlsx', lang: request.lang, rows: first.total, query: request.query },
  });
  const pages = Math.ceil(first.total / EXPORT_BATCH);
  async function* batches() {
    yield first.items;
    for (let page = 2; page <= pages; page++) yield (await request.readPage(page, EXPORT_BATCH)).items;
  }
  return writeTableXlsx(path, request.spec, await tableContext(database, request.lang, ctx.now), batches());
}
