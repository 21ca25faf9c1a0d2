// Outliers by COINr's rule (after the JRC-OECD handbook): an indicator's values are flagged when
// |skewness| > 2 AND excess kurtosis > 3.5, with COINr's sample moments (e1071 type 2, the
// definitions of Excel's SKEW and KURT). Treatment (COINr's Treat with its defaults): winsorise
// the most extreme point on the skewed side, one at a time, until the rule passes, at most
// `winmax` points; if that is not enough, the original values are log-transformed instead
// (COINr's log_CT_plus). docs/methodology.md → 统计审计 gives the formulas.

export const SKEW_THRESHOLD = 2;
export const KURT_THRESHOLD = 3.5;
export const DEFAULT_WINMAX = 5;

export type OutlierTreatment = 'none' | 'winsorise' | 'log';

/** Sample skewness G1 = g1·√(n(n−1))/(n−2), g1 = m3/m2^1.5; null for n < 3 or no spread. */
export function skewness(x: readonly number[]): number | null {
  const n = x.length;
  const m = moments(x);
  if (n < 3 || !m) return null;
  const g1 = m.m3 / m.m2 ** 1.5;
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}

/** Sample excess kurtosis G2 = ((n+1)·g2 + 6)·(n−1)/((n−2)(n−3)), g2 = m4/m2² − 3; null for n < 4 or no spread. */
export function kurtosis(x: readonly number[]): number | null {
  const n = x.length;
  const m = moments(x);
  if (n < 4 || !m) return null;
  const g2 = m.m4 / (m.m2 * m.m2) - 3;
  return (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/** Central moments m_r = Σ(x−x̄)^r / n; null when the values do not vary. */
function moments(x: readonly number[]): { m2: number; m3: number; m4: number } | null {
  const n = x.length;
  if (n === 0) return null;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const v of x) {
    const d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  if (!(m2 > 1e-24 * Math.max(1, mean * mean))) return null;
  return { m2, m3: m3 / n, m4: m4 / n };
}

export interface ShapeCheck {
  n: number;
  skewness: number | null;
  kurtosis: number | null;
  /** |skewness| > 2 and kurtosis > 3.5. */
  outlying: boolean;
}

export function shapeCheck(x: readonly number[]): ShapeCheck {
  const s = skewness(x);
  const k = kurtosis(x);
  const outlying = s !== null && k !== null && Math.abs(s) > SKEW_THRESHOLD && k > KURT_THRESHOLD;
  return { n: x.length, skewness: s, kurtosis: k, outlying };
}

export interface Treated {
  /** The values after treatment, in input order. */
  values: number[];
  /** What was done: nothing (the rule passes or no treatment asked), winsorised, or log-transformed. */
  applied: 'none' | 'winsorised' | 'log';
  /** Positions whose value changed (for winsorisation: the points clipped, most extreme first). */
  changed: number[];
  before: ShapeCheck;
  after: ShapeCheck;
}

/**
 * COINr's winsorisation: while the rule fails and fewer than winmax points are clipped, the
 * extreme value(s) on the side of the skew take the next value inwards. `passed` is false when
 * the rule still fails after winmax points (`changed` then lists the points clipped so far).
 */
export function winsorise(
  x: readonly number[],
  winmax = DEFAULT_WINMAX,
): { values: number[]; changed: number[]; passed: boolean } {
  const values = [...x];
  const changed: number[] = [];
  while (shapeCheck(values).outlying) {
    const high = (skewness(values) ?? 0) >= 0;
    const extreme = high ? Math.max(...values) : Math.min(...values);
    const rest = values.filter((v) => v !== extreme);
    const ties = values.filter((v) => v === extreme).length;
    if (rest.length === 0 || changed.length + ties > winmax) return { values, changed, passed: false };
    const next = high ? Math.max(...rest) : Math.min(...rest);
    values.forEach((v, i) => {
      if (v === extreme) {
        values[i] = next;
        if (!changed.includes(i)) changed.push(i);
      }
    });
  }
  return { values, changed, passed: true };
}

/** COINr log_CT_plus: ln(x − min + a) for a positive skew, −ln(max + a − x) for a negative one, a = (max − min)/100. */
export function logTransform(x: readonly number[]): number[] {
  if (x.length === 0) return [];
  const min = Math.min(...x);
  const max = Math.max(...x);
  const a = 0.01 * (max - min);
  if (a === 0) return [...x];
  return (skewness(x) ?? 0) >= 0 ? x.map((v) => Math.log(v - min + a)) : x.map((v) => -Math.log(max + a - v));
}

/**
 * The scheme's declared treatment of one comparison set's values. `winsorise` falls back to the
 * log transform when winmax points are not enough (as COINr does; without `logFallback` the set
 * is then left as it is); `log` transforms only a set that fails the rule. A set that passes is
 * left as it is.
 */
export function treatValues(
  x: readonly number[],
  treatment: OutlierTreatment,
  winmax = DEFAULT_WINMAX,
  logFallback = true,
): Treated {
  const before = shapeCheck(x);
  const same = { values: [...x], applied: 'none' as const, changed: [], before, after: before };
  if (treatment === 'none' || !before.outlying) return same;
  if (treatment === 'winsorise') {
    const w = winsorise(x, winmax);
    if (w.passed)
      return {
        values: w.values,
        applied: 'winsorised',
        changed: w.changed,
        before,
        after: shapeCheck(w.values),
      };
    if (!logFallback) return same;
  }
  const values = logTransform(x);
  return {
    values,
    applied: 'log',
    changed: values.flatMap((v, i) => (v === x[i] ? [] : [i])),
    before,
    after: shapeCheck(values),
  };
}
