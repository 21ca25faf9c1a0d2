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
