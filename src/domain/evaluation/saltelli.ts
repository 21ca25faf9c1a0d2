// Saltelli sampling design and the Saltelli (2010) first-order / Jansen (1999) total-effect
// estimators, for factors that may span several columns of the unit hypercube.
import type { Random } from './prng';

export interface FactorSpan {
  /** First column of the factor in a sample row. */
  start: number;
  columns: number;
}

export interface Design {
  A: Float64Array[];
  B: Float64Array[];
}

export function saltelliDesign(rows: number, columns: number, random: Random): Design {
  const draw = () => Float64Array.from({ length: columns }, () => random());
  const A = Array.from({ length: rows }, draw);
  const B = Array.from({ length: rows }, draw);
  return { A, B };
}

/** Row of A with factor i's columns taken from the matching row of B. */
export function mixRow(a: Float64Array, b: Float64Array, span: FactorSpan): Float64Array {
  const out = Float64Array.from(a);
  for (let c = span.start; c < span.start + span.columns; c++) out[c] = b[c]!;
  return out;
}

function variance(values: number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
}

export interface Indices {
  first: number;
  total: number;
}

/**
 * S_i = mean(f(B)·(f(AB_i) − f(A))) / V,  ST_i = mean((f(A) − f(AB_i))²) / (2V),
 * V the variance of f over A and B together. Zero variance gives zeros (nothing to explain).
 */
export function sobolIndices(yA: number[], yB: number[], yAB: number[][]): Indices[] {
  const V = variance([...yA, ...yB]);
  const N = yA.length;
  return yAB.map((yi) => {
    if (V <= 1e-15 || N === 0) return { first: 0, total: 0 };
    let s = 0;
    let st = 0;
    for (let j = 0; j < N; j++) {
      s += yB[j]! * (yi[j]! - yA[j]!);
      st += (yA[j]! - yi[j]!) ** 2;
    }
    return { first: s / N / V, total: st / N / (2 * V) };
  });
}

export interface IndexInterval {
  first: [number, number];
  total: [number, number];
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

/**
 * Bootstrap percentile intervals of the indices: `samples` times, N rows of the design are drawn
 * with replacement (the same rows for A, B and every AB_i) and the indices recomputed; the interval
 * is the (1 − level)/2 and (1 + level)/2 nearest-rank percentiles of the resampled indices.
 */
export function bootstrapIntervals(
  yA: number[],
  yB: number[],
  yAB: number[][],
  samples: number,
  random: Random,
  level = 0.95,
): IndexInterval[] {
  const N = yA.length;
  const firsts = yAB.map(() => [] as number[]);
  const totals = yAB.map(() => [] as number[]);
  for (let b = 0; b < samples && N > 0; b++) {
    const rows = Array.from({ length: N }, () => Math.min(N - 1, Math.floor(random() * N)));
    const pick = (y: number[]) => rows.map((j) => y[j]!);
    sobolIndices(pick(yA), pick(yB), yAB.map(pick)).forEach((ix, i) => {
      firsts[i]!.push(ix.first);
      totals[i]!.push(ix.total);
    });
  }
  const lo = (1 - level) / 2;
  const hi = (1 + level) / 2;
  const interval = (xs: number[]): [number, number] => {
    const sorted = [...xs].sort((a, b) => a - b);
    return [percentile(sorted, lo), percentile(sorted, hi)];
  };
  return yAB.map((_, i) => ({ first: interval(firsts[i]!), total: interval(totals[i]!) }));
}
