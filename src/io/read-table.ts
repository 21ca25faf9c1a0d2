// One interface over both file formats: rows of cells, in file order, streamed.

import { createReadStream } from 'node:fs';
import type { CellValue } from './cells';
import type { FileFormat } from './file-check';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

export interface TableRow {
  /** The file's own 1-based row number. */
  row: number;
  /** Cells by 0-based column index; missing cells are null. */
  cells: CellValue[];
  /** 0-based columns whose value is a formula's cached result. */
  formulas: number[];
  /** A problem with the row as a whole (e.g. an unclosed quote in CSV). */
  problem?: string;
}

export interface TableMeta {
  /** The workbook counts dates from 1904 (old Mac Excel); known once the first row arrives. */
  date1904: boolean;
}

export interface Table {
  rows: AsyncIterable<TableRow>;
  meta: TableMeta;
  /** Closes the file under a reader that stopped answering. */
  abort(): void;
}

export function openTable(path: string, format: FileFormat): Table {
  const meta: TableMeta = { date1904: false };
  // The CSV reader only waits on the file itself, so it cannot stall.
  if (format === 'csv') return { rows: readCsv(path), meta, abort: () => {} };
  const input = createReadStream(path);
  return { rows: readXlsx(input, meta), meta, abort: () => input.destroy() };
}
