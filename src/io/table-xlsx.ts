// One writer for "a table" as .xlsx (issue 16 item 5): the header row of the table's column
// specification (src/domain/tables) in the asked language with the units, then the rows as the
// screen shows them — amounts, percentages and counts as numbers with their decimals as the number
// format, text neutralised against formulas (security.md: exports). Written row by row (exceljs's
// streaming writer), so a list of any length holds one batch in memory.
import ExcelJS from 'exceljs';
import {
  cellValue,
  columnHeader,
  DIGITS,
  type TableContext,
  type TableSpec,
  tableTitle,
} from '../domain/tables/columns';
import { neutraliseFormula } from './text';

const numberFormat = (digits: number) => (digits > 0 ? `0.${'0'.repeat(digits)}` : '0');

/** Excel's sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export async function writeTableXlsx<Row>(
  path: string,
  spec: TableSpec<Row>,
  ctx: TableContext,
  batches: AsyncIterable<readonly Row[]>,
): Promise<number> {
  // Shared strings: exceljs's reader decodes inline strings twice ("&amp;lt;" would come back as "<").
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(sheetName(tableTitle(spec, ctx.lang)), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = spec.columns.map((column) => {
    const digits = DIGITS[column.kind];
    return {
      width: Math.max(10, Math.round(column.width / 7)),
      ...(digits === undefined ? {} : { style: { numFmt: numberFormat(digits) } }),
    };
  });
  const header = sheet.addRow(spec.columns.map((column) => columnHeader(column, ctx.lang)));
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      const cells = spec.columns.map((column) => {
        const value = cellValue(column, row, ctx);
        return typeof value === 'string' ? neutraliseFormula(value) : value;
      });
      sheet.addRow(cells).commit();
      count++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
