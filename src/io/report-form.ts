// 月报填报表: the monthly report import layout with the caller's projects pre-listed (项目代码, 年度
// and 月份 filled in), the project's name and the month's report state beside them for reading
// (columns the importer ignores), the figures left to fill. Filled in offline and uploaded as it is:
// a row left unfilled is skipped with a warning (reportsSpec.skipKeyOnlyRows).
import ExcelJS from 'exceljs';
import { reportsSpec } from './columns/reports';
import { neutraliseFormula } from './text';

export interface ReportFormRow {
  code: string;
  name: string;
  /** The month's report state in words (已审核, 已提交, 草稿, 已退回), or null when none is stored. */
  state: string | null;
}

export const FORM_INFO_COLUMNS = ['项目名称', '本月状态'] as const;

export async function writeReportForm(
  rows: readonly ReportFormRow[],
  period: { year: number; month: number },
  path: string,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(`${period.year}年${period.month}月月报`, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }],
  });
  const [code, ...rest] = reportsSpec.columns.map((c) => c.header);
  const headers = [code!, ...FORM_INFO_COLUMNS, ...rest];
  sheet.columns = headers.map((h) => ({ width: Math.max(10, h.length * 2 + 2) }));
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) {
    sheet
      .addRow([
        neutraliseFormula(row.code),
        neutraliseFormula(row.name),
        row.state ?? '未填报',
        period.year,
        period.month,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}
