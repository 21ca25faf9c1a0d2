// The audit log as CSV (UTF-8 with BOM, for Excel): the download (routes/audit.ts) and the audit-log
// export job (routes/jobs-start.ts) write the same lines. Cells that could run as formulas in a
// spreadsheet are neutralised (security.md: exports).

import { CSV_BOM, csvLine } from '../io/csv-encode';
import { neutraliseFormula } from '../io/text';
import type { AuditRow } from '../services/audit-log';
import { toJson } from './schema/zod-provider';

const HEADER = ['编号', '时间', '用户', 'IP', '操作', '对象类型', '对象', '结果', '变更前', '变更后', '详情'];

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

async function* prepend<T>(head: T, rest: AsyncGenerator<T>): AsyncGenerator<T> {
  yield head;
  yield* rest;
}

/**
 * The CSV's lines from the export's batches. The first batch is read before the first line, so the
 * export is recorded (and a database error answered) before anything is sent.
 */
export async function auditCsvLines(
  batches: AsyncGenerator<AuditRow[]>,
  onRows?: (rows: number) => void,
): Promise<AsyncGenerator<string>> {
  const first = await batches.next();
  let rows = 0;
  async function* lines() {
    yield CSV_BOM + csvLine(HEADER);
    if (first.done) return;
    for await (const batch of prepend(first.value, batches)) {
      for (const row of batch) yield csvRow(row);
      rows += batch.length;
      onRows?.(rows);
    }
  }
  return lines();
}
