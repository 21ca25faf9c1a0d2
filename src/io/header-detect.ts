// Finds the header among the first rows of a sheet and maps its columns to a kind's fields.
// Government templates put title rows above the header and use two-row headers with merged cells;
// the streaming reader shows a merged value only in its top-left cell, so parents are filled rightwards.

import { type CellValue, cellText, MONEY_UNITS, type MoneyUnit } from './cells';
import type { ColumnSpec, KindSpec } from './columns/types';
import type { TableRow } from './read-table';
import { columnLetter, halfWidth, normaliseHeader, splitUnit } from './text';

/** The header's last row must be among these first rows. */
export const HEADER_SEARCH_ROWS = 10;

export interface Binding<T> {
  column: ColumnSpec<T>;
  /** 0-based column index in the file. */
  index: number;
  /** The header as written in the file (parent and child joined for two-row headers). */
  header: string;
  unit: MoneyUnit;
}

export interface HeaderProblem {
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface HeaderResult<T> {
  /** Last header row; data starts below it. Null when no header was found. */
  headerRow: number | null;
  bindings: Binding<T>[];
  problems: HeaderProblem[];
  warnings: string[];
}

interface Match<T> {
  column: ColumnSpec<T>;
  /** Unit written in the matched header text, e.g. 亿元 in "总投资（亿元）". */
  unit: string | null;
}

interface Resolved<T> {
  index: number;
  header: string;
  match: Match<T> | null;
  /** Money unit declared by the parent header above this column. */
  parentUnit: string | null;
  /** Matched by the parent's own cell while the child cell holds unrelated text (typical of a data row). */
  conflict?: boolean;
}

interface Candidate<T> {
  row: number;
  columns: Resolved<T>[];
  score: number;
  /** Columns matched by their parent although the child cell below holds something else. */
  conflicts: number;
  /** Read together with the row above. */
  paired: boolean;
}

export function detectHeader<T>(
  spec: KindSpec<T>,
  rows: TableRow[],
  opts: { yearGiven: boolean },
): HeaderResult<T> {
  const index = new NameIndex(spec);
  const best = bestCandidate(index, rows);
  if (!best) return noHeader(spec);
  return bind(spec, best, defaultUnit(rows, best.row), opts);
}

// ---------------------------------------------------------------- matching names

/** Canonical headers and aliases, normalised, with and without their unit. */
class NameIndex<T> {
  private readonly byName = new Map<string, ColumnSpec<T>>();
  private readonly patterns: [RegExp, ColumnSpec<T>][] = [];

  constructor(spec: KindSpec<T>) {
    for (const column of spec.columns) {
      for (const name of [column.header, ...column.aliases]) {
        if (name instanceof RegExp) {
          this.patterns.push([name, column]);
          continue;
        }
        const normalised = normaliseHeader(name);
        this.byName.set(normalised, column);
        this.byName.set(splitUnit(normalised).base, column);
      }
    }
  }

  /** Exact name first; then, as a fallback, the name without its trailing "(unit)". */
  lookup(text: string): Match<T> | null {
    const normalised = normaliseHeader(text);
    if (normalised === '') return null;
    const direct = this.find(normalised);
    if (direct) return { column: direct, unit: splitUnit(normalised).unit };
    const { base, unit } = splitUnit(normalised);
    const column = unit === null ? null : this.find(base);
    return column ? { column, unit } : null;
  }

  private find(normalised: string): ColumnSpec<T> | null {
    return this.byName.get(normalised) ?? this.patterns.find(([re]) => re.test(normalised))?.[1] ?? null;
  }
}

// ---------------------------------------------------------------- choosing the header row(s)

/**
 * The row (with the row above as parent, when that helps) matching the most fields. On equal scores the
 * fewer conflicts win (a data row under the header reads as a "child" whose cells match nothing), then the
 * earlier row, unless the later one just completes it; between a row alone and with its parent, the pair
 * wins ties since the parent may declare units.
 */
function bestCandidate<T>(index: NameIndex<T>, rows: TableRow[]): Candidate<T> | null {
  const byNumber = new Map(rows.map((r) => [r.row, texts(r.cells)]));
  let best: Candidate<T> | null = null;
  for (const [row, child] of byNumber) {
    if (row > HEADER_SEARCH_ROWS || child.every((t) => t === '')) continue;
    const single = candidate(index, row, child, null);
    const parent = byNumber.get(row - 1);
    const pair = parent?.some((t) => t !== '') ? candidate(index, row, child, parent) : null;
    const chosen = pair && !better(single, pair) ? pair : single;
    if (chosen.score > 0 && (!best || better(chosen, best))) best = chosen;
  }
  return best;
}

function better<T>(a: Candidate<T>, b: Candidate<T>): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.conflicts !== b.conflicts) return a.conflicts < b.conflicts;
  // A row that extends b as its second header row (a units row) completes b rather than competing with it.
  return a.paired && a.row === b.row + 1;
}

/** Cell texts as shown in messages: line breaks inside a header cell ("建设\n性质") are dropped. */
function texts(cells: CellValue[]): string[] {
  return cells.map((cell) =>
    cellText(cell)
      .replace(/\s*[\r\n]+\s*/g, '')
      .trim(),
  );
}

function candidate<T>(
  index: NameIndex<T>,
  row: number,
  child: string[],
  parent: string[] | null,
): Candidate<T> {
  const filled = parent ? fillRight(parent) : [];
  const width = Math.max(child.length, parent?.length ?? 0);
  const columns: Resolved<T>[] = [];
  for (let i = 0; i < width; i++) {
    const resolved = resolveColumn(index, i, child[i] ?? '', parent?.[i] ?? '', filled[i] ?? '');
    if (resolved) columns.push(resolved);
  }
  const score = new Set(columns.flatMap((c) => (c.match ? [c.match.column.field] : []))).size;
  const conflicts = columns.filter((c) => c.conflict).length;
  return { row, columns, score, conflicts, paired: parent !== null };
}

/** A merged parent shows only in its first cell: carry it right over the empty cells after it. */
function fillRight(parent: string[]): string[] {
  let last = '';
  return parent.map((t) => {
    last = t === '' ? last : t;
    return last;
  });
}

/**
 * Tries a units row under the header ("总投资" over "万元"), parent+child ("实际"+"开工日期"), the child
 * alone, then the parent's own cell alone.
 */
function resolveColumn<T>(
  index: NameIndex<T>,
  i: number,
  child: string,
  ownParent: string,
  parent: string,
): Resolved<T> | null {
  if (child === '') {
    if (ownParent === '') return null;
    return { index: i, header: ownParent, match: index.lookup(ownParent), parentUnit: null };
  }
  const unitRow = ownParent === '' ? null : unitsRowMatch(index, ownParent, child);
  if (unitRow) return { index: i, header: ownParent, match: unitRow, parentUnit: null };
  const parentUnit = parent === '' ? null : moneyUnitIn(parent);
  const combined = parent === '' ? null : index.lookup(parent + child);
  if (combined) return { index: i, header: parent + child, match: combined, parentUnit };
  const alone = index.lookup(child);
  if (alone || ownParent === '') return { index: i, header: child, match: alone, parentUnit };
  const own = index.lookup(ownParent);
  return own
    ? { index: i, header: ownParent, match: own, parentUnit: null, conflict: true }
    : { index: i, header: child, match: null, parentUnit };
}

/** A child cell that only names a money unit ("万元", "（亿元）") gives the parent header its unit. */
function unitsRowMatch<T>(index: NameIndex<T>, parent: string, child: string): Match<T> | null {
  const token = /^\(?(?:单位:?)?(万元|亿元|元)\)?$/.exec(normaliseHeader(child));
  const match = token ? index.lookup(parent) : null;
  return match && token ? { column: match.column, unit: match.unit ?? token[1]! } : null;
}

/** A money unit a parent or title declares: "投资情况（亿元）", "（单位：万元）". */
function moneyUnitIn(text: string): string | null {
  const declared = /单位[:：]?(万元|亿元|元)/.exec(normaliseHeader(text));
  if (declared) return declared[1]!;
  const unit = splitUnit(normaliseHeader(text)).unit;
  return unit?.includes('元') ? unit : null;
}

/** "单位：亿元" written anywhere above the header applies to amount columns that declare no unit. */
function defaultUnit(rows: TableRow[], headerRow: number): string | null {
  let unit: string | null = null;
  for (const row of rows) {
    if (row.row >= headerRow) continue;
    for (const t of texts(row.cells)) {
      const m = /单位[:：]\s*(万元|亿元|元)/.exec(halfWidth(t));
      if (m) unit = m[1]!;
    }
  }
  return unit;
}

// ---------------------------------------------------------------- binding and checking

function bind<T>(
  spec: KindSpec<T>,
  best: Candidate<T>,
  fallbackUnit: string | null,
  opts: { yearGiven: boolean },
): HeaderResult<T> {
  const result: HeaderResult<T> = { headerRow: best.row, bindings: [], problems: [], warnings: [] };
  const problem = (column: string | null, value: string | null, reason: string) =>
    result.problems.push({ row: best.row, column, value, reason });
  const extras: string[] = [];
  for (const col of best.columns) {
    if (!col.match) {
      extras.push(`${col.header}（${columnLetter(col.index)} 列）`);
      continue;
    }
    const unitText = col.match.unit ?? col.parentUnit ?? fallbackUnit ?? '万元';
    const unit = MONEY_UNITS.find((u) => u === unitText);
    if (col.match.column.type.money && !unit) {
      problem(
        col.header,
        col.header,
        `金额单位「${unitText}」无法识别：应为万元（也接受亿元、元，按单位换算）`,
      );
      continue;
    }
    result.bindings.push({
      column: col.match.column,
      index: col.index,
      header: col.header,
      unit: unit ?? '万元',
    });
  }
  if (extras.length > 0) result.warnings.push(`已忽略未识别的列：${extras.join('、')}`);
  checkDuplicates(result.bindings, problem);
  const found = new Set(best.columns.flatMap((c) => (c.match ? [c.match.column.field] : [])));
  checkMissing(spec, found, opts, problem);
  noteUnits(result);
  return result;
}

type Report = (column: string | null, value: string | null, reason: string) => void;

function checkDuplicates<T>(bindings: Binding<T>[], problem: Report): void {
  const byField = new Map<string, Binding<T>[]>();
  for (const b of bindings) byField.set(b.column.field, [...(byField.get(b.column.field) ?? []), b]);
  for (const group of byField.values()) {
    if (group.length < 2) continue;
    const letters = group.map((b) => `${columnLetter(b.index)} 列`).join('、');
    for (const b of group.slice(1)) {
      problem(b.header, b.header, `表头重复：「${b.column.header}」出现在 ${letters}，只能有一列`);
    }
  }
}

function checkMissing<T>(
  spec: KindSpec<T>,
  present: Set<string>,
  opts: { yearGiven: boolean },
  problem: Report,
): void {
  for (const column of spec.columns) {
    if (present.has(column.field) || !column.type.required) continue;
    if (column.type.yearOption && opts.yearGiven) continue;
    problem(column.header, null, `缺少必填列「${column.header}」`);
  }
}

function noteUnits<T>(result: HeaderResult<T>): void {
  for (const b of result.bindings) {
    if (b.column.type.money && b.unit !== '万元') {
      result.warnings.push(
        `「${b.header}」（${columnLetter(b.index)} 列）的金额单位为${b.unit}，已按${b.unit}换算`,
      );
    }
  }
}

function noHeader<T>(spec: KindSpec<T>): HeaderResult<T> {
  const expected = spec.columns
    .filter((c) => c.type.required)
    .map((c) => c.header)
    .join('、');
  const reason = `前 ${HEADER_SEARCH_ROWS} 行中找不到表头：应有一行中文列名，包括 ${expected}`;
  return {
    headerRow: null,
    bindings: [],
    problems: [{ row: null, column: null, value: null, reason }],
    warnings: [],
  };
}
