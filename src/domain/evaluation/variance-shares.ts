// Nominal and effective weights. The nominal weight of an indicator is its share of the points;
// its effective weight on a period's data is its share of the variance of the total score:
//
//   e_k = cov(s_k, T) / var(T),   T = Σ_k s_k  (the base score, before bonus and penalty),
//
// population moments over the units ranked together. Since Σ_k cov(s_k, T) = var(T), the e_k sum
// to 1. An indicator on which every unit scores alike has e_k = 0 however many points it carries;
// a negative e_k means the indicator works against the ranking the others make
// (docs/methodology.md → 有效权重).
import type { EvaluationResult } from './types';

/**
 * scores[k][u]: indicator k's score for unit u. Returns e_k per indicator, or null when the totals
 * do not vary (fewer than two units, or all totals equal).
 */
export function varianceShares(scores: readonly (readonly number[])[]): number[] | null {
  const K = scores.length;
  const n = scores[0]?.length ?? 0;
  if (K === 0 || n < 2) return null;
  const total = new Float64Array(n);
  for (const col of scores) for (let u = 0; u < n; u++) total[u] = total[u]! + (col[u] ?? 0);
  const mean = (xs: ArrayLike<number>) => {
    let s = 0;
    for (let u = 0; u < n; u++) s += xs[u]!;
    return s / n;
  };
  const mT = mean(total);
  let varT = 0;
  for (let u = 0; u < n; u++) varT += (total[u]! - mT) ** 2;
  varT /= n;
  if (!(varT > 1e-18 * Math.max(1, mT * mT))) return null;
  return scores.map((col) => {
    const m = mean(col);
    let cov = 0;
    for (let u = 0; u < n; u++) cov += ((col[u] ?? 0) - m) * (total[u]! - mT);
    return cov / n / varT;
  });
}

export interface WeightRow {
  dimension: string;
  indicator: string;
  name: string;
  /** Points in the scheme, and their share of the scheme total. */
  points: number;
  nominal: number;
  /** Share of the variance of the group's totals; null when the totals do not vary. */
  effective: number | null;
}

export interface GroupWeights {
  group: string;
  units: number;
  rows: WeightRow[];
}

/** Nominal against effective weight per indicator, for every ranked group of a result. */
export function weightReport(result: EvaluationResult): GroupWeights[] {
  return result.groups
    .filter((g) => g.ranking.length > 0)
    .map((g) => {
      const units = g.ranking.map((code) => result.units.find((u) => u.code === code)!);
      const first = units[0]!;
      const total = first.indicators.reduce((s, i) => s + i.points, 0);
      const shares = varianceShares(first.indicators.map((_, k) => units.map((u) => u.indicators[k]!.score)));
      return {
        group: g.id,
        units: units.length,
        rows: first.indicators.map((ind, k) => ({
          dimension: ind.dimension,
          indicator: ind.id,
          name: ind.name,
          points: ind.points,
          nominal: total > 0 ? ind.points / total : 0,
          effective: shares ? shares[k]! : null,
        })),
      };
    });
}
