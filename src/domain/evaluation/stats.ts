// Statistics of the reported values in a comparison set (a group or all units). Filled
// values never enter them, so a missing report cannot move anyone else's score.
import type { Direction } from './scheme-schema';

export interface ScopeStats {
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Smallest value above 0: the "best" of a lower-is-better set, where 0 means nothing to compare. */
  minPositive: number | null;
  /** Reported values, ascending. */
  sorted: Float64Array;
}

export function scopeStats(values: Iterable<number>): ScopeStats {
  const sorted = Float64Array.from(values).sort();
  const count = sorted.length;
  if (count === 0) return { count, mean: null, min: null, max: null, minPositive: null, sorted };
  // Summing in sorted order makes the mean independent of the order units arrive in.
  let sum = 0;
  for (const v of sorted) sum += v;
  const firstPositive = sorted.find((v) => v > 0);
  return {
    count,
    mean: sum / count,
    min: sorted[0]!,
    max: sorted[count - 1]!,
    minPositive: firstPositive ?? null,
    sorted,
  };
}

/** Index of the first element ≥ x (strict=false) or > x (strict=true). */
function bound(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < x || (strict && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Competition rank of x among the reported values: 1 + the number strictly better. */
export function rankAmong(stats: ScopeStats, x: number, direction: Direction): number {
  const better =
    direction === 'higher_better'
      ? stats.count - bound(stats.sorted, x, true)
      : bound(stats.sorted, x, false);
  return better + 1;
}
