// Money is held as integer 元 in bigint: 万元 with up to 4 decimals converts exactly.

const WAN = 10_000n;
const YI = 100_000_000n;

/** Parses a decimal amount in 万元 ("1,234.5", "12", "-3.25") into integer 元; null if not a valid amount. */
export function parseWanToYuan(text: string): bigint | null {
  const cleaned = text.trim().replace(/[,，\s]/g, '');
  const m = /^([+-]?)(\d+)(?:\.(\d{0,4}))?$/.exec(cleaned);
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  const yuan = BigInt(whole!) * WAN + BigInt(frac.padEnd(4, '0') || '0');
  return sign === '-' ? -yuan : yuan;
}

/** Converts a JS number of 万元 read from a spreadsheet cell; rejects more than 4 decimals. */
export function wanNumberToYuan(value: number): bigint | null {
  if (!Number.isFinite(value)) return null;
  // Spreadsheet numbers are binary; go through the shortest decimal text to stay exact.
  return parseWanToYuan(numberToPlainString(value));
}

function numberToPlainString(value: number): string {
  const s = String(value);
  if (!/e/i.test(s)) return s;
  return value.toFixed(10).replace(/\.?0+$/, '');
}

/** 元 → 万元 as a decimal string with 4 decimals trimmed ("12.5"). */
export function yuanToWanString(yuan: bigint): string {
  return scaledString(yuan, WAN, 4);
}

/** Rounds half away from zero: 元 amount divided by `unit` to `digits` decimals, as text. */
export function roundedString(yuan: bigint, unit: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const neg = yuan < 0n;
  const abs = neg ? -yuan : yuan;
  const q = (abs * scale * 2n + unit) / (unit * 2n);
  const whole = q / scale;
  const frac = (q % scale).toString().padStart(digits, '0');
  const body = digits > 0 ? `${whole}.${frac}` : `${whole}`;
  return neg && q !== 0n ? `-${body}` : body;
}

function scaledString(yuan: bigint, unit: bigint, maxDigits: number): string {
  const full = roundedString(yuan, unit, maxDigits);
  return full.includes('.') ? full.replace(/\.?0+$/, '') : full;
}

/** "1532.0亿元" style: 亿元 with the given decimals. */
export function formatYi(yuan: bigint, digits = 1): string {
  return `${roundedString(yuan, YI, digits)}亿元`;
}

/** "12345.67万元" style. */
export function formatWan(yuan: bigint, digits = 2): string {
  return `${roundedString(yuan, WAN, digits)}万元`;
}

/** Picks 亿元 for amounts of at least 1 亿, otherwise 万元. */
export function formatAmount(yuan: bigint): string {
  const abs = yuan < 0n ? -yuan : yuan;
  return abs >= YI ? formatYi(yuan, abs >= 100n * YI ? 1 : 2) : formatWan(yuan, abs >= WAN * 100n ? 0 : 2);
}

/** Exact ratio of two amounts as a JS number (only for rates, which are rounded for display). */
export function ratio(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  // Keep 12 significant decimals before leaving integer arithmetic.
  const scale = 10n ** 12n;
  return Number((numerator * scale) / denominator) / 1e12;
}

/** JSON form of an amount in 元: a number while safe, else a decimal string. */
export function yuanToJson(yuan: bigint): number | string {
  const n = Number(yuan);
  return Number.isSafeInteger(n) ? n : yuan.toString();
}

export const YUAN_PER_WAN = WAN;
export const YUAN_PER_YI = YI;
