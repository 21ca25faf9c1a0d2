// XLSX rows from the first worksheet, through exceljs's streaming reader (the workbook is never loaded whole).

import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from './cells';
import { decodeOoxmlEscapes } from './ooxml-text';
import type { TableMeta, TableRow } from './read-table';

const READER_OPTIONS = {
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  // Styles tell date-formatted numbers apart from plain numbers.
  styles: 'cache',
  worksheets: 'emit',
} as const;

/** The parts of the reader's state exceljs does not type. */
interface ReaderState {
  model?: { sheets?: { id?: unknown }[] };
  properties?: { model?: { date1904?: boolean } };
}

interface SheetState {
  id?: unknown;
  iterator?: { destroy?: () => void; on?: (event: 'error', listener: () => void) => void };
}

export async function* readXlsx(input: Readable, meta: TableMeta): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, READER_OPTIONS);
  const state = reader as unknown as ReaderState;
  let done = false;
  // The whole zip is walked even after the first sheet so exceljs removes its temporary files.
  for await (const sheet of reader) {
    if (done || !isFirstSheet(state, sheet as unknown as SheetState)) {
      skip(sheet as unknown as SheetState);
      continue;
    }
    meta.date1904 = state.properties?.model?.date1904 === true;
    for await (const row of sheet) yield toTableRow(row);
    done = true;
  }
}

/**
 * Drops a sheet we do not read. exceljs may have spooled it to a temporary file whose stream is still
 * opening: destroying it then raises an error (ENOENT) that nobody awaits, which would end the process.
 */
function skip(sheet: SheetState): void {
  sheet.iterator?.on?.('error', () => {});
  sheet.iterator?.destroy?.();
}

/** The first sheet in the workbook's tab order (zip order can differ); any sheet if the order is unknown. */
function isFirstSheet(state: ReaderState, sheet: SheetState): boolean {
  const first = state.model?.sheets?.[0]?.id;
  return first === undefined || String(first) === String(sheet.id);
}

function toTableRow(row: ExcelJS.Row): TableRow {
  const values = row.values as ExcelJS.CellValue[];
  const cells: CellValue[] = [];
  const formulas: number[] = [];
  values.forEach((value, col) => {
    if (col < 1) return;
    if (isFormula(value)) {
      // row.values leaves out a cached result that is falsy (0, "", FALSE); the cell keeps it.
      cells[col - 1] = formulaResult(row.getCell(col).result);
      formulas.push(col - 1);
    } else cells[col - 1] = toCell(value);
  });
  return { row: row.number, cells: Array.from(cells, (c) => c ?? null), formulas };
}

function isFormula(value: ExcelJS.CellValue): boolean {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

/** exceljs cell values → plain values; formulas by their cached result, rich text joined. */
function toCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  // Text may carry Excel's _xHHHH_ escapes (a carriage return is written _x000D_).
  if (typeof value === 'string') return decodeOoxmlEscapes(value);
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return decodeOoxmlEscapes(value.richText.map((run) => run.text ?? '').join(''));
  if ('error' in value) return { error: value.error, reason: `单元格为错误值 ${value.error}` };
  if ('formula' in value || 'sharedFormula' in value) return formulaResult(value.result);
  if ('text' in value) return String(value.text ?? '');
  return { error: '?', reason: '无法读取的单元格内容' };
}

function formulaResult(result: ExcelJS.CellFormulaValue['result']): CellValue {
  if (result === undefined) {
    return { error: '公式', reason: '公式单元格没有计算结果：请在 Excel 中打开、保存后再导入，或改为数值' };
  }
  if (typeof result === 'number' && Number.isNaN(result))
    return { error: '#VALUE!', reason: '公式结果为错误值' };
  return toCell(result);
}
