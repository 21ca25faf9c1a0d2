// What an import changed in the stored data, told in the file's own terms: per column, how many rows
// changed it, and the first changed rows with each changed cell before → after, written as the export
// writes them (amounts in 万元, dates, 是/否, labels).

import type { UpsertCounts, UpsertResult, ValueChange } from '../db/upsert';
import type { ImportKind } from '../domain/records';
import { specOf } from '../io/columns';
import type { ColumnSpec } from '../io/columns/types';

/** How many changed rows an import lists in full (all are counted per column). */
export const CHANGED_ROWS_LISTED = 50;

export interface ChangedCell {
  field: string;
  header: string;
  before: string | null;
  after: string | null;
}

export interface ChangedRow {
  /** The file's own row number. */
  row: number;
  /** The row's key as the file writes it (e.g. the project code). */
  key: string;
  cells: ChangedCell[];
}

export interface ImportChanges {
  /** Rows whose stored values changed (updated rows, and new list entries of changed projects). */
  changedRows: number;
  /** Each column that changed in at least one row, with how many rows, in the file's column order. */
  columns: { field: string; header: string; rows: number }[];
  /** The first CHANGED_ROWS_LISTED changed rows by file row. */
  rows: ChangedRow[];
}

/** Stored columns that no file column names: derived from one, or set by the import itself. */
const DERIVED_HEADERS: Record<string, string> = {
  provinceCode: '所属省份（由地区代码推出）',
  plannedStartMonth: '计划开工月份（由计划开工日期推出）',
  completionPlanned: '年度计划竣工（由建设性质、计划竣工日期推出）',
  late: '逾期报送（由报送日期推出）',
  state: '审核状态',
};

type StoreResult = Pick<UpsertResult, 'insertedRows' | 'changedRows'>;

/**
 * One file row written to several tables (a project and its year-list entry): a row is new when the
 * first table's write inserted it, changed when any table's write changed it, else unchanged.
 */
export function mergeResults(
  total: number,
  primary: StoreResult,
  ...others: StoreResult[]
): Pick<UpsertResult, 'insertedRows' | 'changedRows'> & UpsertCounts {
  const inserted = new Set(primary.insertedRows);
  const changed = new Map<number, Record<string, ValueChange>>();
  for (const result of [primary, ...others]) {
    for (const { index, columns } of result.changedRows)
      changed.set(index, { ...changed.get(index), ...columns });
  }
  const changedRows = [...changed]
    .map(([index, columns]) => ({ index, columns }))
    .sort((a, b) => a.index - b.index);
  const updated = changedRows.filter((r) => !inserted.has(r.index)).length;
  return {
    inserted: inserted.size,
    updated,
    unchanged: total - inserted.size - updated,
    insertedRows: primary.insertedRows,
    changedRows,
  };
}

export function describeChanges<T>(
  kind: ImportKind,
  rows: readonly { row: number; record: T }[],
  changedRows: UpsertResult['changedRows'],
): ImportChanges {
  const spec = specOf(kind) as unknown as { key: readonly (keyof T)[]; columns: ColumnSpec<T>[] };
  const byField = new Map(spec.columns.map((c) => [c.field as string, c]));
  const order = (field: string) => {
    const i = spec.columns.findIndex((c) => c.field === field);
    return i < 0 ? spec.columns.length : i;
  };
  const headerOf = (field: string) => byField.get(field)?.header ?? DERIVED_HEADERS[field] ?? field;
  const counts = new Map<string, number>();
  for (const { columns } of changedRows)
    for (const field of Object.keys(columns)) counts.set(field, (counts.get(field) ?? 0) + 1);
  const keyText = (record: T) =>
    spec.key
      .map((f) => show(byField.get(f as string), (record as Record<string, unknown>)[f as string]))
      .join(' / ');
  return {
    changedRows: changedRows.length,
    columns: [...counts]
      .sort(([a], [b]) => order(a) - order(b))
      .map(([field, n]) => ({ field, header: headerOf(field), rows: n })),
    rows: changedRows.slice(0, CHANGED_ROWS_LISTED).map(({ index, columns }) => {
      const { row, record } = rows[index]!;
      return {
        row,
        key: keyText(record),
        cells: Object.entries(columns)
          .sort(([a], [b]) => order(a) - order(b))
          .map(([field, [before, after]]) => ({
            field,
            header: headerOf(field),
            before: show(byField.get(field), before),
            after: show(byField.get(field), after),
          })),
      };
    }),
  };
}

/** A value as the file writes it: through its column's formatter, else as plain text. */
function show<T>(column: ColumnSpec<T> | undefined, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (column) {
    const cell = (column.type as { format(v: unknown): string | number | null }).format(value);
    return cell === null ? null : String(cell);
  }
  return typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
}
