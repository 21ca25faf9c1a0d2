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
