// One data row → one record, or the problems of each of its cells.

import { type CellContext, type CellData, cellText, isBlank, isCellError } from './cells';
import type { ColumnSpec, ColumnType, KindSpec } from './columns/types';
import type { Binding } from './header-detect';
import type { TableRow } from './read-table';
import { restoreFormula } from './text';

export interface RowProblem {
  column: string;
  value: string | null;
  reason: string;
}

export type RowOutcome<T> =
  | { kind: 'blank' }
  | { kind: 'unfilled' }
  | { kind: 'record'; record: T }
  | { kind: 'invalid'; problems: RowProblem[] };

export interface RowContext {
  date1904: boolean;
  year?: number;
}

/** Each column of the kind with the file column it is read from (none: optional and absent). */
export interface RowPlan<T> {
  fields: FieldPlan<T>[];
  bindings: Binding<T>[];
  /** The key fields, when a row with only them filled is skipped (KindSpec.skipKeyOnlyRows). */
  skippedKey: ReadonlySet<string> | null;
}

interface FieldPlan<T> {
  column: ColumnSpec<T>;
  binding: Binding<T> | undefined;
  ctx: CellContext;
}

export function rowPlan<T>(spec: KindSpec<T>, bindings: Binding<T>[], ctx: RowContext): RowPlan<T> {
  const byField = new Map(bindings.map((b) => [b.column.field as string, b]));
  const fields = spec.columns.map((column) => {
    const binding = byField.get(column.field);
    return {
      column,
      binding,
      ctx: { unit: binding?.unit ?? '万元', date1904: ctx.date1904, year: ctx.year },
    };
  });
  return { fields, bindings, skippedKey: spec.skipKeyOnlyRows ? new Set<string>(spec.key) : null };
}

export function parseRow<T>(plan: RowPlan<T>, row: TableRow): RowOutcome<T> {
  if (plan.bindings.every((b) => isBlank(row.cells[b.index] ?? null))) return { kind: 'blank' };
  const key = plan.skippedKey;
  if (key && plan.bindings.every((b) => key.has(b.column.field) || isBlank(row.cells[b.index] ?? null)))
    return { kind: 'unfilled' };
  const record: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  for (const field of plan.fields) {
    const outcome = parseCell(field, row);
    if ('problem' in outcome) problems.push(outcome.problem);
    else record[field.column.field] = outcome.value;
  }
  // Every field of T is set from its column spec, so the record is complete.
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'record', record: record as T };
}

type CellOutcome = { value: unknown } | { problem: RowProblem };

function parseCell<T>({ column, binding, ctx }: FieldPlan<T>, row: TableRow): CellOutcome {
  const header = binding?.header ?? column.header;
  const raw = binding ? (row.cells[binding.index] ?? null) : null;
  if (isCellError(raw)) return { problem: { column: header, value: raw.error, reason: raw.reason } };
  const value = isBlank(raw) ? null : unescapeText(raw as CellData);
  const parsed = (column.type as ColumnType<unknown>).parse(value, ctx);
  if (parsed.ok) return { value: parsed.value };
  return {
    problem: { column: header, value: value === null ? null : cellText(value), reason: parsed.reason },
  };
}

/** Text our exports prefixed with an apostrophe (formula-injection defence) reads back without it. */
function unescapeText(value: CellData): CellData {
  return typeof value === 'string' ? restoreFormula(value) : value;
}
