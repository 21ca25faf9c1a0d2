// A table's antd columns from its column specification (src/domain/tables), the one its Excel
// export is written from: the same columns in the same order, the headers with their units, the
// same text in each cell; a page only dresses a cell (a link, a tag) around that text.
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import {
  type ColumnKind,
  cellText,
  columnHeader,
  EMPTY,
  type TableColumn,
  type TableContext,
  type TableSpec,
} from '../../../src/domain/tables/columns';
import type { Locale } from '../i18n';

export { EMPTY };

/** Kinds of column whose numbers line up on the right. */
const NUMERIC = new Set<ColumnKind>(['amount', 'percent', 'points', 'count', 'score']);

/** The context a specification's cells are read in, on screen. */
export function screenContext(
  lang: Locale,
  regionName: (code: string | null | undefined) => string,
): TableContext {
  return { lang, regionName, today: new Date().toISOString().slice(0, 10) };
}

export interface Dressing<T> {
  /** The cell around its text ("—" when empty). */
  render?(text: string, row: T): ReactNode;
  /** Other column options (ellipsis…). */
  extra?: Partial<ColumnType<T>>;
}

/** The columns of `spec` (its rows typed as `T`, or as plain records read from the API's answer). */
export function specColumns<T extends object>(
  spec: TableSpec<T> | TableSpec<Record<string, unknown>>,
  ctx: TableContext,
  dressing: Record<string, Dressing<T>> = {},
): ColumnType<T>[] {
  return (spec.columns as readonly TableColumn<T>[]).map((column) => {
    const dress = dressing[column.key] ?? {};
    const text = (row: T) => cellText(column, row, ctx);
    return {
      key: column.key,
      dataIndex: column.key,
      title: columnHeader(column, ctx.lang),
      width: column.width,
      ...(NUMERIC.has(column.kind) ? { align: 'right' as const } : {}),
      render: (_: unknown, row: T) => (dress.render ? dress.render(text(row), row) : text(row)),
      ...dress.extra,
    };
  });
}
