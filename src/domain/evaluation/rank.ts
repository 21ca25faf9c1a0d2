// Competition ranking (1, 2, 2, 4) on unrounded totals, with an optional tie-break key list.

// Totals are sums of floats: quantising at 1e-9 keeps 7.6 + 2.4 and 5 + 5 tied.
export function rankKey(x: number): number {
  return Math.round(x * 1e9);
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
