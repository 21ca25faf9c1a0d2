// Records → .xlsx or .csv in the import layout, so that parseFile reads back exactly the same records.

import { createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { ImportKind, KindRecords } from '../domain/records';
import type { CellOut } from './cells';
import { specOf } from './columns';
import type { ColumnSpec, ColumnType, KindSpec } from './columns/types';
import { CSV_BOM, csvLine } from './csv-encode';
import { neutraliseFormula } from './text';

export async function writeFile<K extends ImportKind>(
  kind: K,
  records: KindRecords[K][],
  path: string,
): Promise<void> {
  const spec = specOf(kind);
  const format = extname(path).toLowerCase();
  if (format === '.xlsx') return writeXlsx(spec, records, path);
  if (format === '.csv') return writeCsv(spec, records, path);
  throw new Error(`不支持的导出格式 ${format || '（无扩展名）'}：只支持 .xlsx 或 .csv`);
}

/** An empty sheet with the header row only, for users to fill in. */
export async function writeTemplate(kind: ImportKind, path: string): Promise<void> {
  return writeFile(kind, [], path);
}

/** A record's cells in spec order; text that could run as a formula gets a leading apostrophe. */
export function recordCells<T>(spec: KindSpec<T>, record: T): CellOut[] {
  return spec.columns.map((column) => safeCell(formatCell(column, record)));
}

function formatCell<T>(column: ColumnSpec<T>, record: T): CellOut {
  // The union of field columns is checked where it is built; here any field's formatter takes its own value.
  return (column.type as ColumnType<T[keyof T]>).format(record[column.field]);
}

function safeCell(value: CellOut): CellOut {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

async function writeXlsx<T>(spec: KindSpec<T>, records: T[], path: string): Promise<void> {
  // Shared strings: exceljs's reader decodes inline strings twice ("&amp;lt;" would come back as "<").
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ width: Math.max(12, c.header.length * 2 + 2) }));
  sheet.addRow(spec.columns.map((c) => c.header)).commit();
  for (const record of records) sheet.addRow(recordCells(spec, record)).commit();
  sheet.commit();
  await workbook.commit();
}

const CSV_BATCH_ROWS = 500;

async function writeCsv<T>(spec: KindSpec<T>, records: T[], path: string): Promise<void> {
  await pipeline(Readable.from(csvChunks(spec, records)), createWriteStream(path));
}

/** BOM and header, then rows in batches: few, large writes. */
function* csvChunks<T>(spec: KindSpec<T>, records: T[]): Generator<string> {
  yield CSV_BOM + csvLine(spec.columns.map((c) => c.header));
  let batch = '';
  for (const [i, record] of records.entries()) {
    batch += csvLine(recordCells(spec, record));
    if ((i + 1) % CSV_BATCH_ROWS === 0) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}
