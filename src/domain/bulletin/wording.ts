// Numbers as Chinese bulletins and newspapers write them ("1532亿元", "1771.5亿元", "96.9%", "99.18%",
// "102%"), Chinese numerals for ranks, and list joining. Rules are documented in docs/bulletin.md.
import { roundedString, YUAN_PER_WAN, YUAN_PER_YI } from '../money';

const NUDGE = 1 + 2 ** -40;

/** Rounds half away from zero at `digits` decimals; the nudge absorbs binary noise (99.175 → 99.18). */
export function roundText(x: number, digits: number): string {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f * NUDGE) / f;
  const s = r.toFixed(digits);
  return x < 0 && r !== 0 ? `-${s}` : s;
}

/** Drops a fractional part made only of zeros: "1532.0" → "1532", "1771.5" stays. */
function dropZeroFraction(text: string): string {
  return text.replace(/\.0+$/, '');
}

/** 亿元 to one decimal, a whole number without ".0": 153,200,000,000 元 → "1532亿元"; 177,150,000,000 元 → "1771.5亿元". */
export function yiWording(yuan: bigint): string {
  return `${dropZeroFraction(roundedString(yuan, YUAN_PER_YI, 1))}亿元`;
}

/**
 * An amount as a bulletin writes it: 亿元 (see yiWording) from 1 亿 up; below that whole 万元
 * ("3500万元"), and below 1 万 one decimal of 万元 ("0.8万元").
 */
export function amountWording(yuan: bigint): string {
  const abs = yuan < 0n ? -yuan : yuan;
  const wanWhole = roundedString(abs, YUAN_PER_WAN, 0);
  if (abs >= YUAN_PER_YI || BigInt(wanWhole) >= 10_000n) return yiWording(yuan);
  if (abs >= YUAN_PER_WAN) return `${roundedString(yuan, YUAN_PER_WAN, 0)}万元`;
  return `${dropZeroFraction(roundedString(yuan, YUAN_PER_WAN, 1))}万元`;
}

/** Amount given as a JS number of 元 (engine values); exact enough for display. */
export function amountWordingOf(yuan: number): string {
  return amountWording(BigInt(Math.round(yuan)));
}

/**
 * A rate (0.969 = 96.9%) as a bulletin writes it:
 * - 100% or more: whole percent ("102%"), since decimals above the plan add nothing;
 * - from 99% up to 100%: two decimals ("99.18%"), so that a near-complete rate is not rounded
 *   to "99.2%" or up to "100%"; a value that would round to 100.00% is shown as "99.99%";
 * - below 99%: one decimal ("96.9%", "98.8%").
 * null (a share whose denominator is 0) → "—".
 */
export function rateWording(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  const pct = rate * 100;
  if (pct >= 100) return `${roundText(pct, 0)}%`;
  if (pct >= 99) {
    const two = roundText(pct, 2);
    return `${two === '100.00' ? '99.99' : two}%`;
  }
  return `${roundText(pct, 1)}%`;
}

/** Exact rate of two counts or amounts, then worded: 605/610 → "99.18%"; 0 denominator → "—". */
export function rateOf(numerator: number | bigint, denominator: number | bigint): string {
  return rateWording(exactRatio(numerator, denominator));
}

export function exactRatio(numerator: number | bigint, denominator: number | bigint): number | null {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) return null;
  const scale = 10n ** 12n;
  return Number((n * scale) / d) / 1e12;
}

/** Difference of two rates in 个百分点, one decimal: 0.969 − 0.75 → "21.9个百分点". */
export function pointsDiffWording(a: number, b: number): string {
  return `${roundText(Math.abs(a - b) * 100, 1)}个百分点`;
}

/** Scores in running text: two decimals with trailing zeros dropped ("13.5分", "92.35分", "15分"). */
export function scoreWording(score: number): string {
  return `${roundText(score, 2).replace(/\.?0+$/, '')}分`;
}

/** Scores in tables: always two decimals ("13.50"). */
export function scoreCell(score: number): string {
  return roundText(score, 2);
}

export function countWording(n: number, unit = '个'): string {
  return `${n}${unit}`;
}

/** Days, one decimal without ".0": "17.5天", "12天". */
export function daysWording(days: number): string {
  return `${dropZeroFraction(roundText(days, 1))}天`;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 21 → 二十一, 100 → 100 (ranks and counts in words). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 2 → 两 where Chinese counts say so ("两季度", "两位"), otherwise chineseNumeral. */
export function chineseCount(n: number): string {
  return n === 2 ? '两' : chineseNumeral(n);
}

/** "第一", "第十八". */
export function ordinalWording(rank: number): string {
  return `第${chineseNumeral(rank)}`;
}

/** Joins with "、": ["a", "b", "c"] → "a、b、c". */
export function joinList(items: readonly string[]): string {
  return items.join('、');
}

/** Joins with "、" and "和" before the last: "a、b和c". */
export function joinListAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/** Quarters in the shorthand newspapers use: [1, 2] → "第一、二季度"; [3] → "第三季度". */
export function quartersWording(quarters: readonly number[]): string {
  if (quarters.length === 0) return '';
  const [first, ...rest] = quarters;
  return `第${[chineseNumeral(first!), ...rest.map(chineseNumeral)].join('、')}季度`;
}

/**
 * A round amount just below `yuan`, for "超过200亿元的有…": the largest of 1, 2, 3, 5 × 10^k 亿元
 * strictly below the value; null below 1 亿元.
 */
export function roundThresholdBelow(yuan: number): number | null {
  const yi = yuan / 1e8;
  if (!(yi > 1)) return null;
  let best: number | null = null;
  for (let k = 0; k <= 6; k++) {
    for (const m of [1, 2, 3, 5]) {
      const candidate = m * 10 ** k;
      if (candidate < yi) best = candidate;
    }
  }
  return best === null ? null : best * 1e8;
}

/** "截至9月底"; for December "截至年底". */
export function asOfWording(month: number): string {
  return month === 12 ? '截至年底' : `截至${month}月底`;
}

/** "今年前9个月"; January alone is "今年1月"; the whole year "今年以来". */
export function sinceJanuaryWording(month: number): string {
  if (month === 1) return '今年1月';
  if (month === 12) return '今年以来';
  return `今年前${month}个月`;
}

/** ISO date → "2020年10月15日" (GB/T 9704 writes the date in Arabic numerals). */
export function dateWording(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
