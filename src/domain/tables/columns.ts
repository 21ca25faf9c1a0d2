// A table as the web shows it and the server exports it to Excel (issue 16 item 5): one column
// specification per table — key, the Chinese and English header, the kind (which says the unit),
// the width, and how a row's value is read — so the screen and the .xlsx have the same columns in
// the same order with the same headers, and the same text in every cell. Pure: the web imports it
// as a value (web/src/pages/spec-columns.tsx), the server's writer (src/io/table-xlsx.ts) too.
import { scoreText } from '../evaluation/rank';
import { roundedString } from '../money';
import { roundHalfAway } from '../rounding';

export type TableLang = 'zh-CN' | 'en';

/**
 * text: as it reads; amount: 元 (integer or decimal string) shown in 万元 with two decimals, exact;
 * percent: a rate (0.969) shown as 96.9, the header saying %; date: a calendar date ("2020-09-05");
 * count: an integer; points: a difference of rates (−0.051) in signed percentage points ("−5.1"), the
 * header saying 百分点; score: an evaluation score or total as published (two decimals, half away
 * from zero on the decimals the ranks are decided on: src/domain/evaluation/rank.ts).
 */
export type ColumnKind = 'text' | 'amount' | 'percent' | 'date' | 'count' | 'points' | 'score';

export interface TableContext {
  lang: TableLang;
  /** A region's name from its code (the code itself when unknown). */
  regionName(code: string | null | undefined): string;
  /** Today's calendar date ("2026-12-07"), for statuses such as overdue. */
  today: string;
  /** The moment the table is read (ISO 8601), for states that end at a time such as a lock. */
  now?: string;
}

export type RawValue = string | number | bigint | boolean | null | undefined;

export interface TableColumn<Row> {
  key: string;
  zh: string;
  en: string;
  kind: ColumnKind;
  /** Width on screen in pixels (the sheet's column width follows it). */
  width: number;
  /** The row's value: the field `key` unless given. */
  value?(row: Row, ctx: TableContext): RawValue;
}

export interface TableSpec<Row> {
  id: string;
  /** The sheet's name and the download's name. */
  zh: string;
  en: string;
  columns: readonly TableColumn<Row>[];
}

/** What the screen shows for a value that is absent. */
export const EMPTY = '—';

const UNIT: Partial<Record<ColumnKind, { zh: string; en: string }>> = {
  amount: { zh: '万元', en: 'CNY 10k' },
  percent: { zh: '%', en: '%' },
  points: { zh: '百分点', en: 'points' },
};

/** The header with its unit: "总投资（万元）", "Total investment (CNY 10k)". */
export function columnHeader(
  column: Pick<TableColumn<unknown>, 'zh' | 'en' | 'kind'>,
  lang: TableLang,
): string {
  const unit = UNIT[column.kind];
  if (lang === 'en') return unit ? `${column.en} (${unit.en})` : column.en;
  return unit ? `${column.zh}（${unit.zh}）` : column.zh;
}

export const tableTitle = (spec: Pick<TableSpec<unknown>, 'zh' | 'en'>, lang: TableLang) =>
  lang === 'en' ? spec.en : spec.zh;

function rawOf<Row>(column: TableColumn<Row>, row: Row, ctx: TableContext): RawValue {
  return column.value ? column.value(row, ctx) : ((row as Record<string, unknown>)[column.key] as RawValue);
}

/** An amount in 元 as bigint; null when absent or not an integer. */
export function yuanOf(value: RawValue): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  return null;
}

/** The cell's text without the unit, or null when the value is absent. */
function textOf(kind: ColumnKind, value: RawValue, lang: TableLang): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'amount': {
      const yuan = yuanOf(value);
      return yuan === null ? null : roundedString(yuan, 10_000n, 2);
    }
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? roundHalfAway(value * 100, 1) : null;
    case 'points':
      return typeof value === 'number' && Number.isFinite(value) ? signedPoints(value) : null;
    case 'score':
      return typeof value === 'number' && Number.isFinite(value) ? scoreText(value) : null;
    case 'date':
      return dateText(String(value), lang);
    default:
      return String(value);
  }
}

/** What the screen shows in the cell: the text, or "—". */
export function cellText<Row>(column: TableColumn<Row>, row: Row, ctx: TableContext): string {
  return textOf(column.kind, rawOf(column, row, ctx), ctx.lang) ?? EMPTY;
}

/**
 * What the sheet holds in the cell: a number for amounts (万元, from the exact two-decimal text),
 * percentages and counts; text otherwise; null (an empty cell) when the value is absent.
 */
export function cellValue<Row>(
  column: TableColumn<Row>,
  row: Row,
  ctx: TableContext,
): string | number | null {
  const text = textOf(column.kind, rawOf(column, row, ctx), ctx.lang);
  if (text === null) return null;
  if (column.kind === 'points') return Number(text.replace('\u2212', '-'));
  return NUMBERS.has(column.kind) ? Number(text) : text;
}

/** Decimals a numeric column shows (the sheet's number format). */
export const DIGITS: Partial<Record<ColumnKind, number>> = {
  amount: 2,
  percent: 1,
  count: 0,
  points: 1,
  score: 2,
};
const NUMBERS = new Set<ColumnKind>(['amount', 'percent', 'count', 'score']);

/** A difference of rates in unsigned percentage points, one decimal: 0.0512 → "5.1". */
export const pointsOf = (gap: number): string => roundHalfAway(Math.abs(gap) * 100, 1);

/** A difference of rates in signed points: "+2.3", "−5.1" (a minus sign, not a hyphen), "0.0". */
export function signedPoints(gap: number): string {
  const points = pointsOf(gap);
  if (points === '0.0') return points;
  return `${gap > 0 ? '+' : '\u2212'}${points}`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar date ("2020-09-05") as "2020年9月5日" / "2020-09-05". */
export function dateText(date: string, lang: TableLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return lang === 'en' ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A month of a calendar date ("2020-09-05") as "2020年9月" / "Sep 2020"; "?" when absent. */
export function monthText(date: string | null | undefined, lang: TableLang): string {
  const m = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  if (!m) return '?';
  return lang === 'en' ? `${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}` : `${m[1]}年${Number(m[2])}月`;
}

/** A timestamp in Beijing time to the minute: "2020-09-05 14:03" (the same wherever it is read). */
export function beijingMinute(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 16);
}

/** A label in the table's language. */
export const say = (lang: TableLang, zh: string, en: string) => (lang === 'en' ? en : zh);
