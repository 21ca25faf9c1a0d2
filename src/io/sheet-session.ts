// Consumes a sheet's rows one by one: buffers the first rows until the header is known, then parses
// each data row as it arrives, so only the records (not the file) are held in memory.

import type { InputProblem } from '../domain/records';
import type { KindSpec } from './columns/types';
import { detectHeader, HEADER_SEARCH_ROWS, type HeaderResult } from './header-detect';
import type { ParseResult } from './parse-result';
import type { TableMeta, TableRow } from './read-table';
import { parseRow, type RowPlan, rowPlan } from './row-parse';
import { columnLetter } from './text';

export const PROGRESS_EVERY = 1000;

const REPLACEMENT_CHARACTER = '\uFFFD';
const CORRUPTED_TEXT = (letter: string) =>
  `${letter} 列的文字含有无法识别的字符（�，U+FFFD）：文件中的文字已损坏（如编码错误），请核对原文件后重新导入`;

export interface SessionOptions {
  year?: number;
  /** Stop after this many rows (a problem for the whole file); default no limit. */
  maxRows?: number;
  onProgress?: (rowsRead: number) => void;
}

export class SheetSession<T> {
  readonly result: ParseResult<T> = { records: [], problems: [], warnings: [], columns: [] };
  private buffer: TableRow[] = [];
  private header: HeaderResult<T> | null = null;
  private rowsRead = 0;
  private readonly keys = new Map<string, number>();
  private formulaCells = 0;
  /** Rows with nothing but their key (KindSpec.skipKeyOnlyRows), skipped. */
  private readonly unfilledRows: number[] = [];
  private firstFormula = '';
  private failed = false;
  private plan: RowPlan<T> = { fields: [], bindings: [], skippedKey: null };
  private boundColumns = new Set<number>();

  constructor(
    private readonly spec: KindSpec<T>,
    private readonly file: string,
    private readonly meta: TableMeta,
    private readonly opts: SessionOptions = {},
  ) {}

  /** The row limit was passed: the reader should stop. */
  get overLimit(): boolean {
    return this.opts.maxRows !== undefined && this.rowsRead > this.opts.maxRows;
  }

  push(row: TableRow): void {
    this.rowsRead++;
    if (this.overLimit) {
      this.fail(`文件超过 ${this.opts.maxRows} 行的上限，请拆分后分批导入`);
      this.result.records = [];
      return;
    }
    if (this.rowsRead % PROGRESS_EVERY === 0) this.opts.onProgress?.(this.rowsRead);
    if (!this.header) {
      if (row.row <= HEADER_SEARCH_ROWS) {
        this.buffer.push(row);
        return;
      }
      this.decideHeader();
    }
    this.dataRow(row);
  }

  /** A problem with the file as a whole (it could not be read to the end). */
  fail(reason: string): void {
    this.failed = true;
    this.problem(null, null, null, reason);
  }

  finish(): ParseResult<T> {
    // After a read failure a missing header is a consequence, not a second problem.
    if (!this.header && !this.failed) this.decideHeader();
    if (this.formulaCells > 0) {
      this.result.warnings.push(
        `${this.formulaCells} 个公式单元格按 Excel 保存的计算结果读取（首个：${this.firstFormula}）`,
      );
    }
    if (this.unfilledRows.length > 0) {
      const rows = this.unfilledRows;
      const shown = rows.slice(0, 10).join('、') + (rows.length > 10 ? ' 等' : '');
      const key = this.spec.key.map((f) => this.spec.columns.find((c) => c.field === f)?.header ?? f);
      this.result.warnings.push(
        `${rows.length} 行只有${key.join('、')}，没有填报数据，未导入（第 ${shown} 行）`,
      );
    }
    if (this.rowsRead % PROGRESS_EVERY !== 0) this.opts.onProgress?.(this.rowsRead);
    return this.result;
  }

  private decideHeader(): void {
    const header = detectHeader(this.spec, this.buffer, { yearGiven: this.opts.year !== undefined });
    this.header = header;
    this.result.warnings.push(...header.warnings);
    for (const p of header.problems) this.problem(p.row, p.column, p.value, p.reason);
    this.plan = rowPlan(this.spec, header.bindings, { date1904: this.meta.date1904, year: this.opts.year });
    this.boundColumns = new Set(header.bindings.map((b) => b.index));
    if (header.headerRow !== null) this.result.headerRow = header.headerRow;
    this.result.columns = header.bindings.map((b) => ({
      header: b.header,
      field: b.column.field,
      column: columnLetter(b.index),
    }));
    const buffered = this.buffer;
    this.buffer = [];
    for (const row of buffered) this.dataRow(row);
  }

  private dataRow(row: TableRow): void {
    const header = this.header;
    // Without a usable header no row can be read; the header's problems say why.
    if (!header || header.headerRow === null || header.problems.length > 0 || row.row <= header.headerRow)
      return;
    if (row.problem) this.problem(row.row, null, null, row.problem);
    const outcome = parseRow(this.plan, row);
    if (outcome.kind === 'blank') return;
    if (outcome.kind === 'unfilled') {
      this.unfilledRows.push(row.row);
      return;
    }
    this.countFormulas(row);
    const corrupted = this.corruptedCells(row);
    if (outcome.kind === 'invalid' || corrupted) {
      if (outcome.kind === 'invalid')
        for (const p of outcome.problems) this.problem(row.row, p.column, p.value, p.reason);
      return;
    }
    if (this.isDuplicate(row.row, outcome.record)) return;
    this.result.records.push({ row: row.row, record: outcome.record });
  }

  /**
   * A bound cell holding U+FFFD is text that was damaged before it reached us (a file saved with the
   * wrong encoding, or a reader that split a character): it is refused, never stored.
   */
  private corruptedCells(row: TableRow): boolean {
    let found = false;
    for (const binding of this.plan.bindings) {
      const cell = row.cells[binding.index];
      if (typeof cell !== 'string' || !cell.includes(REPLACEMENT_CHARACTER)) continue;
      found = true;
      this.problem(row.row, binding.header, cell.slice(0, 100), CORRUPTED_TEXT(columnLetter(binding.index)));
    }
    return found;
  }

  private countFormulas(row: TableRow): void {
    for (const index of row.formulas) {
      if (!this.boundColumns.has(index)) continue;
      if (this.formulaCells === 0) this.firstFormula = `第 ${row.row} 行 ${columnLetter(index)} 列`;
      this.formulaCells++;
    }
  }

  /** Two rows with the same key in one file: the later one is a problem. */
  private isDuplicate(row: number, record: T): boolean {
    const values = this.spec.key.map((field) => String(record[field]));
    const key = values.join('\u0000');
    const first = this.keys.get(key);
    if (first === undefined) {
      this.keys.set(key, row);
      return false;
    }
    const headers = this.spec.key.map((field) => this.headerOf(field)).join('+');
    this.problem(row, headers, values.join('+'), `与第 ${first} 行重复（${headers}相同）`);
    return true;
  }

  private headerOf(field: string): string {
    const bound = this.header?.bindings.find((b) => b.column.field === field);
    return bound?.header ?? this.spec.columns.find((c) => c.field === field)?.header ?? field;
  }

  private problem(row: number | null, column: string | null, value: string | null, reason: string): void {
    const problem: InputProblem = { file: this.file, row, column, value, reason };
    this.result.problems.push(problem);
  }
}
