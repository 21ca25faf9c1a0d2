// Cell values as read from a file, and the value types that turn one cell into one field.

import { parseWanToYuan, yuanToWanString } from '../domain/money';
import { halfWidth, numberText } from './text';

/** An error cell (#N/A, #REF!) or a formula without a cached result. */
export interface CellError {
  error: string;
  /** Why the cell can't be read, in Chinese. */
  reason: string;
}

/** One cell as the readers deliver it: CSV gives only strings, XLSX any of these. */
export type CellValue = string | number | boolean | Date | CellError | null;

/** A non-blank, non-error cell value. */
export type CellData = string | number | boolean | Date;

/** What a writer puts in a cell: text, a number, or nothing. */
export type CellOut = string | number | null;

export type MoneyUnit = '万元' | '亿元' | '元';
export const MONEY_UNITS: readonly MoneyUnit[] = ['万元', '亿元', '元'];

export interface CellContext {
  /** Unit declared by the column's header; amounts are converted from it. */
  unit: MoneyUnit;
  /** Workbook uses the 1904 date system (old Mac Excel). */
  date1904: boolean;
  /** The year given on the command line, used where a year column is missing or blank. */
  year?: number;
}

export type Parsed<V> = { ok: true; value: V } | { ok: false; reason: string };

export interface ValueType<V> {
  /** Reads amounts, so the header may declare a money unit. */
  money?: boolean;
  parse(value: CellData, ctx: CellContext): Parsed<V>;
  format(value: V): CellOut;
}

export const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
export const fail = <V>(reason: string): Parsed<V> => ({ ok: false, reason });

export function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** A cell as text for problem reports and for text fields. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return value.error;
}

// ---------------------------------------------------------------- text and codes

/**
 * The longest text any imported field takes (issue #14: a 21-million-character project name was
 * stored): the free-text fields (建设规模及内容, 形象进度, 存在问题 …), as the API's entry forms. Names and
 * codes take less (`textUpTo`, in their column specs); docs/security.md lists the limits.
 */
export const MAX_TEXT_LENGTH = 4000;

/**
 * Trimmed text of at most `max` characters (code points); line breaks become \n, as Excel stores
 * them (XML would turn \r\n into \n anyway). A NUL character is refused: PostgreSQL cannot store it.
 */
export function textUpTo(max: number): ValueType<string> {
  return {
    parse(value) {
      const t = cellText(value).replace(/\r\n?/g, '\n').trim();
      if (t.includes('\u0000')) return fail('含有空字符（NUL），请删除后重试');
      const length = [...t].length;
      return length > max ? fail(`文字过长：${length} 字，最多 ${max} 字`) : ok(t);
    },
    format: (value) => value,
  };
}

export const text: ValueType<string> = textUpTo(MAX_TEXT_LENGTH);

const REGION_CODE_REASON = '地区代码应为 6 位数字，如 410300';

export const regionCode: ValueType<string> = {
  parse(value) {
    const t = typeof value === 'number' ? numberText(value) : halfWidth(cellText(value));
    return /^\d{6}$/.test(t) ? ok(t) : fail(REGION_CODE_REASON);
  },
  format: (value) => value,
};

// ---------------------------------------------------------------- amounts

const UNIT_DIGITS: Record<MoneyUnit, number> = { 万元: 4, 亿元: 8, 元: 0 };
const AMOUNT_PATTERN = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

/** Amounts in the header's unit → integer 元; exact, never through binary floating point. */
export const amount: ValueType<bigint> = {
  money: true,
  parse(value, ctx) {
    const textValue = typeof value === 'number' ? amountNumberText(value, ctx.unit) : amountText(value);
    if (textValue === null) return fail(`金额应为数字（单位${ctx.unit}），如 1234.5`);
    const m = AMOUNT_PATTERN.exec(textValue);
    if (!m) return fail(`金额应为数字（单位${ctx.unit}），如 1234.5`);
    const sign = m[1] ?? m[4] ?? '';
    const whole = m[2] ?? '0';
    const frac = (m[3] ?? m[5] ?? '').replace(/0+$/, '');
    if (sign === '-' && /[1-9]/.test(whole + frac)) return fail('金额不能为负数');
    const digits = UNIT_DIGITS[ctx.unit];
    if (frac.length > digits) return fail(`金额最多 ${digits} 位小数（单位${ctx.unit}）`);
    const yuan = parseWanToYuan(shiftPoint(whole, frac, digits - 4));
    return yuan === null ? fail(`金额应为数字（单位${ctx.unit}）`) : ok(yuan);
  },
  format: (yuan) => wanCell(yuan),
};

function amountText(value: CellData): string | null {
  if (typeof value !== 'string') return null;
  return halfWidth(value).replace(/[,\s]/g, '');
}

/** Shortest decimal text of a cell number; falls back to Excel's 15 significant digits to drop formula noise. */
function amountNumberText(value: number, unit: MoneyUnit): string | null {
  if (!Number.isFinite(value)) return null;
  const exact = numberText(value);
  if (decimals(exact) <= UNIT_DIGITS[unit]) return exact;
  return numberText(Number(value.toPrecision(15)));
}

function decimals(textValue: string): number {
  const point = textValue.indexOf('.');
  return point < 0 ? 0 : textValue.length - point - 1;
}

/** Moves the decimal point `places` to the right (negative: left) in whole.frac, as plain text. */
function shiftPoint(whole: string, frac: string, places: number): string {
  const digits = `${whole}${frac}`;
  const point = whole.length + places;
  if (point >= digits.length) return digits.padEnd(point, '0');
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** 万元 as a number when the number reads back exactly, else as text (which also reads back exactly). */
export function wanCell(yuan: bigint): CellOut {
  const wan = yuanToWanString(yuan);
  const n = Number(wan);
  return Number.isFinite(n) && numberText(n) === wan ? n : wan;
}

// ---------------------------------------------------------------- dates

const DATE_REASON = '日期格式无法识别，应为 2020-09-30';
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Dates → ISO "YYYY-MM-DD"; Date cells are read in UTC so the server's time zone never shifts the day. */
export const date: ValueType<string> = {
  parse(value, ctx) {
    if (value instanceof Date) return fromUtcDate(value);
    if (typeof value === 'number') return fromNumber(value, ctx.date1904);
    if (typeof value === 'string') return fromText(value);
    return fail(DATE_REASON);
  },
  format: (value) => value,
};

function fromUtcDate(value: Date): Parsed<string> {
  if (Number.isNaN(value.getTime())) return fail(DATE_REASON);
  return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

function fromNumber(value: number, date1904: boolean): Parsed<string> {
  if (!Number.isFinite(value)) return fail(DATE_REASON);
  // 20200930 typed as a number is a compact date, far above any Excel serial (max 2958465).
  if (Number.isInteger(value) && value >= 10_000_000) return fromText(String(value));
  const serial = Math.floor(value) + (date1904 ? 1462 : 0);
  // Serials below 61 fall in Excel's fictitious 1900-02-29 zone.
  if (serial < 61) return fail('日期超出范围（1900–2100 年）');
  return fromUtcDate(new Date(EXCEL_EPOCH_MS + serial * DAY_MS));
}

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})(年)(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})()(\d{2})(\d{2})$/,
];

function fromText(value: string): Parsed<string> {
  const t = halfWidth(value);
  const compact = t.includes('年') ? t.replace(/\s/g, '') : t;
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(compact);
    if (m) return isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
  }
  return fail(DATE_REASON);
}

function isoDate(year: number, month: number, day: number): Parsed<string> {
  if (year < 1900 || year > 2100) return fail('日期超出范围（1900–2100 年）');
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) return fail('日期不存在（月份或日期超出范围）');
  return ok(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

// ---------------------------------------------------------------- booleans and enums

const TRUE_WORDS = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔']);
const FALSE_WORDS = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '✘']);

export const bool: ValueType<boolean> = {
  parse(value) {
    if (typeof value === 'boolean') return ok(value);
    const t = typeof value === 'number' ? String(value) : halfWidth(cellText(value)).toLowerCase();
    if (TRUE_WORDS.has(t)) return ok(true);
    if (FALSE_WORDS.has(t)) return ok(false);
    return fail('应为 是 或 否');
  },
  format: (value) => (value ? '是' : '否'),
};

/** An enum read by its Chinese label (or its code name); labels[0] of each entry is written on export. */
export function enumOf<V>(
  entries: readonly (readonly [V, string, ...string[]])[],
  what: string,
): ValueType<V> {
  const byLabel = new Map<string, V>();
  for (const [value, ...labels] of entries) {
    for (const label of labels) byLabel.set(enumKey(label), value);
    if (typeof value === 'string') byLabel.set(enumKey(value), value);
  }
  const allowed = entries.map(([, label]) => label).join(' / ');
  return {
    parse(value) {
      const found = byLabel.get(enumKey(cellText(value)));
      return found === undefined ? fail(`${what}应为 ${allowed}`) : ok(found);
    },
    format(value) {
      const entry = entries.find(([v]) => v === value);
      return entry ? entry[1] : null;
    },
  };
}

function enumKey(label: string): string {
  return halfWidth(label).replace(/\s/g, '').toLowerCase();
}

// ---------------------------------------------------------------- numbers

function integerOf(value: CellData, suffix: string): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = new RegExp(`^(\\d+)${suffix}?$`).exec(halfWidth(value));
  return m ? Number(m[1]) : null;
}

export const year: ValueType<number> = {
  parse(value) {
    const n = integerOf(value, '年');
    return n !== null && n >= 1990 && n <= 2100 ? ok(n) : fail('年度应为 4 位年份（1990–2100），如 2020');
  },
  format: (value) => value,
};

export const month: ValueType<number> = {
  parse(value) {
    const n = integerOf(value, '月');
    return n !== null && n >= 1 && n <= 12 ? ok(n) : fail('月份应为 1–12 的整数');
  },
  format: (value) => value,
};

/** A decimal number within [min, max] (longitude, latitude). */
export function boundedNumber(what: string, min: number, max: number): ValueType<number> {
  const reason = `${what}应为 ${min}–${max} 之间的数字（中国境内）`;
  return {
    parse(value) {
      const n = typeof value === 'number' ? value : numberFromText(value);
      return n !== null && n >= min && n <= max ? ok(n) : fail(reason);
    },
    format: (value) => value,
  };
}

function numberFromText(value: CellData): number | null {
  if (typeof value !== 'string') return null;
  const t = halfWidth(value);
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : null;
}
