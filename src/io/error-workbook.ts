// 错误标注工作簿: the file a user uploaded, given back as .xlsx with a 错误说明 column after its last
// column, the offending cells filled red, and a second sheet 错误清单 listing every problem (those of
// the file as a whole too). The user fixes the cells in Excel and uploads again; the extra column is
// ignored by the importer (an unknown header). Streamed in and out: memory does not grow with rows.
import ExcelJS from 'exceljs';
import type { ImportKind, InputProblem } from '../domain/records';
import type { CellValue } from './cells';
import { specOf } from './columns';
import type { FileFormat } from './file-check';
import type { ParseResult } from './parse-result';
import { openTable } from './read-table';
import { neutraliseFormula } from './text';

export const ERROR_COLUMN = '错误说明';
const RED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const RED_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

export interface ErrorWorkbookInput {
  kind: ImportKind;
  /** The uploaded file and its format as parseFile found it; none when it is not a readable table. */
  source: string;
  format: FileFormat | undefined;
  parsed: Pick<ParseResult<unknown>, 'columns' | 'headerRow'>;
  problems: readonly InputProblem[];
  out: string;
}

/** 0-based column of a problem: by the file's own header, or by the column's name in the spec. */
function columnIndexer(kind: ImportKind, columns: ParseResult<unknown>['columns']) {
  const letterToIndex = (letters: string) =>
    [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const byHeader = new Map(columns.map((c) => [c.header, letterToIndex(c.column)]));
  const byField = new Map(columns.map((c) => [c.field, letterToIndex(c.column)]));
  const spec = specOf(kind).columns as readonly { header: string; field: unknown }[];
  const fieldOf = new Map(spec.map((c) => [c.header, String(c.field)]));
  return (name: string | null): number | undefined => {
    if (name === null) return undefined;
    return byHeader.get(name) ?? byField.get(fieldOf.get(name) ?? '');
  };
}

function cellOut(value: CellValue): ExcelJS.CellValue {
  if (value === null || value instanceof Date || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (typeof value === 'string') return neutraliseFormula(value);
  return value.error;
}

type RowProblems = Map<number, { reasons: string[]; cells: Set<number> }>;

export async function writeErrorWorkbook(input: ErrorWorkbookInput): Promise<void> {
  const columnOf = columnIndexer(input.kind, input.parsed.columns);
  const byRow: RowProblems = new Map();
  for (const p of input.problems) {
    if (p.row === null) continue;
    const entry = byRow.get(p.row) ?? { reasons: [], cells: new Set<number>() };
    const index = columnOf(p.column);
    entry.reasons.push(p.column ? `${p.column}：${p.reason}` : p.reason);
    if (index !== undefined) entry.cells.add(index);
    byRow.set(p.row, entry);
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: input.out,
    useSharedStrings: true,
    useStyles: true,
  });
  if (input.format)
    await writeRows(workbook, input.source, input.format, input.parsed.headerRow ?? null, byRow);
  const list = workbook.addWorksheet('错误清单');
  list.addRow(['行号', '列', '值', '问题']).commit();
  for (const p of input.problems) {
    const value = p.value === null ? '' : neutraliseFormula(p.value);
    list.addRow([p.row ?? '（整个文件）', p.column ?? '', value, p.reason]).commit();
  }
  list.commit();
  await workbook.commit();
}

async function writeRows(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  source: string,
  format: FileFormat,
  headerRow: number | null,
  byRow: RowProblems,
): Promise<void> {
  // First pass: the widest row, so that the error column comes after every column of the file.
  let width = 0;
  for await (const row of openTable(source, format).rows) width = Math.max(width, row.cells.length);
  const sheet = workbook.addWorksheet('导入数据');
  for await (const row of openTable(source, format).rows) {
    // At the file's own row number: the rows the reader skipped (blank) stay blank here too.
    // Dense from column A (a hole at index 0 would make exceljs shift the row by one column).
    const values: ExcelJS.CellValue[] = Array.from({ length: width + 1 }, (_, i) =>
      cellOut(row.cells[i] ?? null),
    );
    const problems = byRow.get(row.row);
    if (row.row === headerRow) values[width] = ERROR_COLUMN;
    else if (problems) values[width] = problems.reasons.join('；');
    const added = sheet.getRow(row.row);
    added.values = values;
    if (row.row === headerRow) added.getCell(width + 1).font = { bold: true };
    for (const index of problems?.cells ?? []) {
      const cell = added.getCell(index + 1);
      cell.fill = RED_FILL;
      cell.font = RED_FONT;
    }
    if (problems) added.getCell(width + 1).font = RED_FONT;
    added.commit();
  }
  sheet.commit();
}
