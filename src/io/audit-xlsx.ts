// The audit log as .xlsx (issue #16 item 7): each entry in words — time in Beijing, user, the action
// and object labelled, the outcome, what changed field by field — and the raw JSON beside it. Written
// row by row (exceljs's streaming writer), so an export of any size holds one batch in memory. Text
// that could run as a formula is neutralised (security.md: exports).
import ExcelJS from 'exceljs';
import { beijingTime } from '../domain/audit-labels';
import { neutraliseFormula } from './text';

/** One entry as the sheet shows it (already labelled by the caller). */
export interface AuditSheetRow {
  id: number;
  at: Date;
  actor: string;
  ip: string | null;
  actionLabel: string;
  action: string;
  targetTypeLabel: string | null;
  targetLabel: string | null;
  outcomeLabel: string;
  /** "字段：前 → 后；…". */
  changes: string;
  before: string;
  after: string;
  details: string;
}

export const AUDIT_SHEET_HEADER = [
  '编号',
  '时间（北京时间）',
  '用户',
  'IP',
  '操作',
  '操作代码',
  '对象类型',
  '对象',
  '结果',
  '变更（字段：变更前 → 变更后）',
  '变更前（原始数据）',
  '变更后（原始数据）',
  '详情（原始数据）',
];

const WIDTHS = [8, 20, 14, 16, 22, 24, 14, 22, 8, 60, 40, 40, 40];

const text = (value: string | null) => neutraliseFormula(value ?? '');

export async function writeAuditXlsx(path: string, rows: AsyncIterable<AuditSheetRow[]>): Promise<number> {
  // Shared strings: exceljs's reader decodes inline strings twice ("&amp;lt;" would come back as "<").
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const header = sheet.addRow(AUDIT_SHEET_HEADER);
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const batch of rows) {
    for (const row of batch) {
      sheet
        .addRow([
          row.id,
          beijingTime(row.at),
          text(row.actor),
          text(row.ip),
          text(row.actionLabel),
          text(row.action),
          text(row.targetTypeLabel),
          text(row.targetLabel),
          text(row.outcomeLabel),
          text(row.changes),
          text(row.before),
          text(row.after),
          text(row.details),
        ])
        .commit();
      count++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
