// Competition ranking (1, 2, 2, 4) on the totals as published, with an optional tie-break key list.
//
// The tie tolerance is the scheme's rounding, exactly: a total is rounded half away from zero to
// `score_decimals` decimals (default 2, as the 通报 prints it) and the resulting decimals are compared
// as integers. Two totals shown alike share the rank; two totals that differ in the last shown
// decimal never do (89.995 → 90.00 ranks above 89.994999 → 89.99; 89.994 and 89.99 tie). Before
// rounding, float noise below 1e-9 is dropped (7.6 + 2.4 is 10, and 89.995, held as
// 89.99499999999999…, is 89.995): totals are sums of floats, decimals are what people read.

/** Decimals totals are shown and ranked on when the scheme does not declare `score_decimals`. */
export const DEFAULT_SCORE_DECIMALS = 2;

const NOISE = 1e9;

/**
 * x rounded half away from zero to `decimals` decimals, as an integer number of 10^-decimals (exact
 * integer arithmetic after dropping float noise below 1e-9). Totals up to about 9 million are exact.
 */
export function scaledScore(x: number, decimals: number = DEFAULT_SCORE_DECIMALS): number {
  const nano = Math.round(Math.abs(x) * NOISE);
  const unit = 10 ** (9 - decimals);
  let q = Math.floor(nano / unit);
  let r = nano - q * unit;
  // The division is a float: put the quotient right so that 0 ≤ r < unit.
  if (r < 0) {
    q -= 1;
    r += unit;
  } else if (r >= unit) {
    q += 1;
    r -= unit;
  }
  const k = 2 * r >= unit ? q + 1 : q;
  return x < 0 && k !== 0 ? -k : k;
}

/** The total as published: "90.00" for 89.995 at 2 decimals. */
export function scoreText(x: number, decimals: number = DEFAULT_SCORE_DECIMALS): string {
  const k = scaledScore(x, decimals);
  const digits = String(Math.abs(k)).padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return k < 0 ? `-${text}` : text;
}

/** The rank key of a total or a tie-break score: its published decimals. */
export function rankKey(x: number, decimals: number = DEFAULT_SCORE_DECIMALS): number {
  return scaledScore(x, decimals);
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Ranks items by their keys, higher first, compared lexicographically (total, then tie-breaks).
 * Items with equal keys share the rank; the next rank skips (1, 2, 2, 4).
 */
export function competitionRanks(keys: number[][]): number[] {
  const order = keys.map((_, i) => i).sort((i, j) => compareKeys(keys[i]!, keys[j]!) || i - j);
  const ranks = new Array<number>(keys.length);
  order.forEach((idx, pos) => {
    const prev = order[pos - 1];
    ranks[idx] = prev !== undefined && compareKeys(keys[prev]!, keys[idx]!) === 0 ? ranks[prev]! : pos + 1;
  });
  return ranks;
}
