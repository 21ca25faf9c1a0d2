// The shape of a column spec: one definition per column, used by both the reader and the writer.

import type { ImportKind } from '../../domain/records';
import {
  type CellContext,
  type CellData,
  type CellOut,
  fail,
  ok,
  type Parsed,
  type ValueType,
} from '../cells';

/** How one column reads a cell (already known not to be an error) and writes a value. */
export interface ColumnType<V> {
  /** The file must have this column and every row a value in it. */
  required: boolean;
  /** The header may declare a money unit (万元 / 亿元 / 元). */
  money: boolean;
  /** Missing or blank reads as the import's year option when one is given. */
  yearOption?: boolean;
  parse(value: CellData | null, ctx: CellContext): Parsed<V>;
  format(value: V): CellOut;
}

const REQUIRED_REASON = '必填项为空';

/** A column every row must fill. */
export function required<V>(type: ValueType<V>): ColumnType<V> {
  return {
    required: true,
    money: type.money === true,
    parse: (value, ctx) => (value === null ? fail(REQUIRED_REASON) : type.parse(value, ctx)),
    format: (value) => type.format(value),
  };
}

/** A column that may be missing or blank: blank reads as null. */
export function optional<V>(type: ValueType<V>): ColumnType<V | null> {
  return {
    required: false,
    money: type.money === true,
    parse: (value, ctx) => (value === null ? ok(null) : type.parse(value, ctx)),
    format: (value) => (value === null ? null : type.format(value)),
  };
}

/** A column that may be missing or blank: blank reads as `fallback` (false for 是/否, 0 for amounts). */
export function withDefault<V>(type: ValueType<V>, fallback: V): ColumnType<V> {
  return {
    required: false,
    money: type.money === true,
    parse: (value, ctx) => (value === null ? ok(fallback) : type.parse(value, ctx)),
    format: (value) => type.format(value),
  };
}

/** A year column that may be left out when the import is given a year. */
export function requiredOrYearOption(type: ValueType<number>): ColumnType<number> {
  return {
    required: true,
    money: false,
    yearOption: true,
    parse(value, ctx) {
      if (value !== null) return type.parse(value, ctx);
      return ctx.year === undefined ? fail(REQUIRED_REASON) : ok(ctx.year);
    },
    format: (value) => type.format(value),
  };
}

/** Names in a header that select a column: exact texts, or patterns tested on the normalised header. */
export type Alias = string | RegExp;

interface FieldColumn<T, F extends keyof T> {
  field: F;
  /** Canonical header, written on export. */
  header: string;
  aliases: readonly Alias[];
  type: ColumnType<T[F]>;
}

export type ColumnSpec<T> = { [F in keyof T & string]: FieldColumn<T, F> }[keyof T & string];

export interface KindSpec<T> {
  /** An import kind, or another table read with the same machinery (honours lists). */
  kind: ImportKind | 'honours' | 'events' | 'adjustments' | 'self-scores';
  /** Worksheet name on export. */
  title: string;
  columns: readonly ColumnSpec<T>[];
  /** Fields that identify a row; two rows with the same key in one file are a problem. */
  key: readonly (keyof T & string)[];
  /**
   * A row with nothing but its key is a pre-listed row of a form left unfilled (the monthly report
   * form lists the projects): skipped and counted in a warning, not an error. Only for kinds where
   * such a row could never be a valid record.
   */
  skipKeyOnlyRows?: boolean;
}

/** Column builder bound to one record type, so field names and value types are checked together. */
export function columnsOf<T>() {
  return <F extends keyof T & string>(
    field: F,
    header: string,
    type: ColumnType<T[F]>,
    aliases: readonly Alias[] = [],
  ): ColumnSpec<T> => ({ field, header, aliases, type }) as FieldColumn<T, F> as ColumnSpec<T>;
}
