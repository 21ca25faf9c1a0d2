// Display formats. Money arrives in 元 as an integer or a decimal string and is shown in 万元/亿元
// with exact BigInt arithmetic: the server's own functions (src/domain/money.ts, rounding.ts:
// pure, imported as values), so both sides round alike (half away from zero); never a binary
// float on an amount. Dates in Chinese forms: 2020年9月, 2020年第三季度.
import { formatWan, formatYi, formatAmount as formatYuan, roundedString } from '../../src/domain/money';
import type { Locale } from './i18n/locale';

export { formatPercent, roundHalfAway } from '../../src/domain/rounding';
export { formatWan, formatYi, roundedString };

const MILLION = 1_000_000n;
const BILLION = 1_000_000_000n;

/** An API amount in 元 (number or decimal string) as bigint; null when absent or not an integer. */
export function toYuan(value: number | string | bigint | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  return /^-?\d+$/.test(value.trim()) ? BigInt(value.trim()) : null;
}

/**
 * An amount for reading: 亿元 from 1 亿 up, otherwise 万元 (as the bulletins do); in English,
 * CNY in billions or millions.
 */
export function formatAmount(value: number | string | bigint | null | undefined, locale: Locale = 'zh-CN') {
  const yuan = toYuan(value);
  if (yuan === null) return '—';
  const abs = yuan < 0n ? -yuan : yuan;
  if (locale === 'en') {
    return abs >= BILLION
      ? `CNY ${roundedString(yuan, BILLION, 2)} bn`
      : `CNY ${roundedString(yuan, MILLION, 2)} m`;
  }
  return formatYuan(yuan);
}

/**
 * An amount in a table column whose header states the unit (万元): exact, two decimals, no unit in
 * the cell, so a column reads alike from row to row and its cells add up to its total.
 */
export function formatWanCell(value: number | string | bigint | null | undefined): string {
  const yuan = toYuan(value);
  return yuan === null ? '—' : roundedString(yuan, 10_000n, 2);
}

export function formatCount(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(value);
}

const QUARTERS = '一二三四';
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2020年9月" / "Sep 2020". */
export function formatMonth(year: number, month: number, locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? `${MONTHS_EN[month - 1]} ${year}` : `${year}年${month}月`;
}

/** "2020年第三季度" / "Q3 2020". */
export function formatQuarter(year: number, quarter: number, locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? `Q${quarter} ${year}` : `${year}年第${QUARTERS[quarter - 1]}季度`;
}

/**
 * A statistics period id ("2020-09", "2020Q3", "2020"); months are cumulative within the year,
 * as the statistics are: "2020年1-9月" / "Jan–Sep 2020".
 */
export function formatPeriod(id: string, locale: Locale = 'zh-CN'): string {
  const month = /^(\d{4})-(\d{1,2})$/.exec(id);
  if (month) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    if (locale === 'en') return m === 1 ? `Jan ${year}` : `Jan–${MONTHS_EN[m - 1]} ${year}`;
    return m === 1 ? `${year}年1月` : `${year}年1-${m}月`;
  }
  const quarter = /^(\d{4})[Qq]([1-4])$/.exec(id);
  if (quarter) return formatQuarter(Number(quarter[1]), Number(quarter[2]), locale);
  if (/^\d{4}$/.test(id)) return locale === 'en' ? id : `${id}年`;
  return id;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A timestamp in the browser's time zone: "2020年9月5日 14:03" / "2020-09-05 14:03". */
export function formatDateTime(
  iso: string | null | undefined,
  locale: Locale = 'zh-CN',
  options: { seconds?: boolean } = {},
): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${options.seconds ? `:${pad(d.getSeconds())}` : ''}`;
  return locale === 'en'
    ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`
    : `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
}

/** A calendar date ("2020-09-05") as "2020年9月5日" / "2020-09-05". */
export function formatDate(date: string | null | undefined, locale: Locale = 'zh-CN'): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return locale === 'en' ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
