// Weights and aggregation: base = Σ indicator points (a weighted arithmetic mean with
// weights = points); geometric aggregation is offered for analysis only.

import { schemeIndicators } from './scheme';
import type { Scheme } from './scheme-schema';
import type { EvaluationOptions } from './types';

/**
 * Points possible per indicator in scheme order. Without weight changes or drops these are
 * the scheme's points exactly; otherwise relative weights renormalised to the scheme total,
 * with dropped indicators at 0.
 */
export function effectiveWeights(scheme: Scheme, options: EvaluationOptions): number[] {
  const list = schemeIndicators(scheme);
  const dropInd = new Set(options.dropIndicators ?? []);
  const dropDim = new Set(options.dropDimensions ?? []);
  const changed = options.weights !== undefined || dropInd.size > 0 || dropDim.size > 0;
  if (!changed) return list.map(({ indicator }) => indicator.points);
  const raw = list.map(({ dimension, indicator }) =>
    dropInd.has(indicator.id) || dropDim.has(dimension.id)
      ? 0
      : (options.weights?.[indicator.id] ?? indicator.points),
  );
  if (raw.some((w) => !Number.isFinite(w) || w < 0)) throw new Error('指标权重必须是非负有限数字');
  const sum = raw.reduce((s, w) => s + w, 0);
  if (sum <= 0) throw new Error('去掉指标后没有可用的权重');
  return raw.map((w) => (w * scheme.total) / sum);
}

/** Score of an indicator in its effective points (identity when the weight is unchanged). */
export function scaled(score: number, schemePoints: number, weight: number): number {
  return weight === schemePoints ? score : (score * weight) / schemePoints;
}

/** Σ of the weighted scores. */
export function arithmeticBase(scores: number[]): number {
  let sum = 0;
  for (const s of scores) sum += s;
  return sum;
}

/**
 * total · Π (s_i / w_i)^(w_i / Σw): rewards balance across indicators; a single 0 makes it 0,
 * which is why it is not the default.
 */
export function geometricBase(scores: number[], weights: number[], total: number): number {
  let logSum = 0;
  let wSum = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weights[i] ?? 0;
    if (w <= 0) continue;
    const f = (scores[i] ?? 0) / w;
    if (f <= 0) return 0;
    logSum += w * Math.log(f);
    wSum += w;
  }
  return wSum > 0 ? total * Math.exp(logSum / wSum) : 0;
}

/**
 * `zero_denominator: neutral`: the unit's left-out indicators give their points to the unit's other
 * indicators of the same dimension, in proportion to those indicators' points, so the dimension
 * keeps its points: factor W_d / R_d, where W_d is the dimension's points and R_d the points of its
 * indicators still scored for the unit. A dimension with no indicator left gives its points to the
 * unit's other dimensions the same way (every remaining factor × ΣW / ΣW of the dimensions kept).
 * Returns the factor on each indicator's points (0 for a left-out one), or null when none is left out.
 */
export function neutralFactors(
  dimOf: readonly number[],
  weights: readonly number[],
  left: (k: number) => boolean,
): Float64Array | null {
  const K = weights.length;
  let any = false;
  for (let k = 0; k < K; k++) if ((weights[k] ?? 0) > 0 && left(k)) any = true;
  if (!any) return null;
  const whole = new Map<number, number>();
  const kept = new Map<number, number>();
  for (let k = 0; k < K; k++) {
    const d = dimOf[k]!;
    const w = weights[k] ?? 0;
    whole.set(d, (whole.get(d) ?? 0) + w);
    if (!left(k)) kept.set(d, (kept.get(d) ?? 0) + w);
  }
  let all = 0;
  let alive = 0;
  for (const [d, w] of whole) {
    all += w;
    if ((kept.get(d) ?? 0) > 0) alive += w;
  }
  const global = alive > 0 ? all / alive : 0;
  const f = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    if (left(k)) continue;
    const d = dimOf[k]!;
    const r = kept.get(d) ?? 0;
    f[k] = r > 0 ? ((whole.get(d) ?? 0) / r) * global : 0;
  }
  return f;
}
