// What parseFile returns.

import type { InputProblem } from '../domain/records';

export interface ParsedRow<T> {
  /** The file's own 1-based row number. */
  row: number;
  record: T;
}

export interface ParseResult<T> {
  records: ParsedRow<T>[];
  /** Every problem found; the file should be rejected whole if there is any. */
  problems: InputProblem[];
  /** Things read but worth knowing: ignored columns, formula cells, converted units. */
  warnings: string[];
  /** How the file's columns were mapped; `column` is the Excel letter ("C"). */
  columns: { header: string; field: string; column: string }[];
  /** The file's 1-based row number of the header, when one was found. */
  headerRow?: number;
  /** The file's format, once it passed the file checks. */
  format?: 'xlsx' | 'csv';
}
