// The 通报's spreadsheet 附件: every red and yellow project (the document lists only the red ones, capped
// per unit). Sheet 1 "预警名单": a title row, Chinese headers on row 2 (frozen, with a filter), one
// row per project; amounts in 万元 as exact decimals (up to 4 places). Sheet 2 "各地汇总": the counts.
import ExcelJS from 'exceljs';
import { LEVEL_LABELS } from '../../domain/alerts';
import type { WarningUnit } from '../../domain/bulletin/snapshot';
import { type BulletinWarning, warningCounts } from '../../domain/bulletin/warnings';
import { type Period, periodLabel } from '../../domain/period';
import { wanCell } from '../cells';
import { neutraliseFormula } from '../text';

export interface AnnexInput {
  title: string;
  period: Period;
  units: readonly WarningUnit[];
  rows: readonly BulletinWarning[];
  /** Lines under the title: 依据 (published result or draft), 模拟数据. */
  notes: readonly string[];
}

export const ANNEX_HEADERS = [
  '序号',
  '预警等级',
  '所属地区',
  '所在县（市、区）',
  '项目代码',
  '项目名称',
  '年度计划投资（万元）',
  '累计完成投资（万元）',
  '投资完成率',
  '预警情况及要求',
] as const;

const WIDTHS = [6, 9, 14, 16, 16, 36, 16, 16, 11, 80];
const WAN_FORMAT = '#,##0.####';
const RED = 'FFFFC7CE';
const YELLOW = 'FFFFEB9C';

const text = (value: string) => neutraliseFormula(value);

export async function renderAnnexXlsx(input: AnnexInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sibi';
  workbook.title = input.title;
  workbook.subject = periodLabel(input.period);
  // Fixed times: the same data give the same file.
  workbook.created = new Date(Date.UTC(input.period.year, input.period.month - 1, 1));
  workbook.modified = workbook.created;

  const sheet = workbook.addWorksheet('预警名单', {
    views: [{ state: 'frozen', ySplit: 2 + input.notes.length }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const title = sheet.addRow([text(input.title)]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, ANNEX_HEADERS.length);
  for (const note of input.notes) {
    const row = sheet.addRow([text(note)]);
    sheet.mergeCells(row.number, 1, row.number, ANNEX_HEADERS.length);
  }
  const header = sheet.addRow([...ANNEX_HEADERS]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.autoFilter = {
    from: { row: header.number, column: 1 },
    to: { row: header.number, column: ANNEX_HEADERS.length },
  };
  input.rows.forEach((w, i) => {
    const rate =
      w.annualTarget !== null && w.investYtd !== null && w.annualTarget > 0n
        ? Number(w.investYtd) / Number(w.annualTarget)
        : null;
    const row = sheet.addRow([
      i + 1,
      LEVEL_LABELS[w.level],
      text(w.unitName),
      text(w.regionName),
      text(w.code),
      text(w.name),
      w.annualTarget === null ? null : wanCell(w.annualTarget),
      w.investYtd === null ? null : wanCell(w.investYtd),
      rate,
      text(w.alerts.map((a) => a.message).join('；')),
    ]);
    row.getCell(7).numFmt = WAN_FORMAT;
    row.getCell(8).numFmt = WAN_FORMAT;
    row.getCell(9).numFmt = '0.0%';
    row.getCell(10).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(2).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: w.level === 'red' ? RED : YELLOW },
    };
  });

  const counts = workbook.addWorksheet('各地汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  counts.columns = [{ width: 18 }, { width: 10 }, { width: 10 }, { width: 10 }];
  const head = counts.addRow(['地区', '红灯', '黄灯', '合计']);
  head.font = { bold: true };
  let red = 0;
  let yellow = 0;
  for (const c of warningCounts(input.units, input.rows)) {
    counts.addRow([text(c.unit.name), c.red, c.yellow, c.red + c.yellow]);
    red += c.red;
    yellow += c.yellow;
  }
  counts.addRow(['合计', red, yellow, red + yellow]).font = { bold: true };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
