import { describe, expect, it } from 'vitest';
import { kurtosis, logTransform, shapeCheck, skewness, treatValues, winsorise } from './outliers';

// Excel's SKEW and KURT, written from their documented formulas with the sample standard deviation
// s (n − 1): an independent route to the values COINr's skew() and kurt() give.
function excelSkew(x: number[]): number {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  return (n / ((n - 1) * (n - 2))) * x.reduce((a, v) => a + ((v - mean) / s) ** 3, 0);
}
function excelKurt(x: number[]): number {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(x.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const sum4 = x.reduce((a, v) => a + ((v - mean) / s) ** 4, 0);
  return ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * sum4 - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
}

describe('skewness and kurtosis', () => {
  it('match the hand computation and the Excel definitions', () => {
    // [1, 2, 3, 4, 10]: mean 4, m2 = 10, m3 = 36 → g1 = 36/10^1.5, G1 = g1·√20/3 ≈ 1.697056.
    expect(skewness([1, 2, 3, 4, 10])).toBeCloseTo(1.697056, 6);
    // Σd⁴ = 1394, s⁴ = 156.25 → 30/24 · 8.9216 − 8 = 3.152.
    expect(kurtosis([1, 2, 3, 4, 10])).toBeCloseTo(3.152, 10);
    const x = [3.1, 0.2, 7, 7, 12.5, 1, 0, 44, 2.2, 5];
    expect(skewness(x)).toBeCloseTo(excelSkew(x), 12);
    expect(kurtosis(x)).toBeCloseTo(excelKurt(x), 12);
  });

  it('are null, not NaN, for constant values or too few of them', () => {
    expect(skewness([2, 2, 2, 2])).toBeNull();
    expect(kurtosis([2, 2, 2, 2])).toBeNull();
    expect(skewness([1, 2])).toBeNull();
    expect(kurtosis([1, 2, 3])).toBeNull();
    expect(shapeCheck([5, 5, 5, 5, 5]).outlying).toBe(false);
  });

  it('flags only |skewness| > 2 together with kurtosis > 3.5', () => {
    expect(shapeCheck([1, 1, 1, 1, 1, 1, 1, 1, 1, 100]).outlying).toBe(true);
    expect(shapeCheck([1, 2, 3, 4, 10]).outlying).toBe(false); // kurtosis 3.15, skewness 1.7
    const low = shapeCheck([100, 100, 100, 100, 100, 100, 100, 100, 100, 1]);
    expect(low.skewness).toBeLessThan(-2);
    expect(low.outlying).toBe(true);
  });
});

describe('winsorise', () => {
  it('clips the extreme point on the side of the skew to the next value', () => {
    const w = winsorise([1, 1, 2, 1, 1, 1, 1, 2, 1, 100]);
    expect(w.passed).toBe(true);
    expect(w.changed).toEqual([9]);
    expect(w.values[9]).toBe(2);
    const low = winsorise([100, 99, 100, 100, 98, 100, 100, 100, 100, -50]);
    expect(low.changed).toEqual([9]);
    expect(low.values[9]).toBe(98);
  });

  it('stops at winmax and says the rule still fails', () => {
    const x = [...new Array(20).fill(0), 10, 100];
    const w = winsorise(x, 1);
    expect(w.passed).toBe(false);
    expect(shapeCheck(w.values).outlying).toBe(true);
  });
});

describe('treatValues', () => {
  it('leaves values that pass alone, whatever the treatment', () => {
    const x = [1, 2, 3, 4, 10];
    for (const t of ['none', 'winsorise', 'log'] as const) {
      const out = treatValues(x, t);
      expect(out.applied).toBe('none');
      expect(out.values).toEqual(x);
    }
  });

  it('winsorises, and falls back to the log transform when winmax is not enough', () => {
    const x = [1, 1, 2, 1, 1, 1, 1, 2, 1, 100];
    expect(treatValues(x, 'winsorise').applied).toBe('winsorised');
    expect(treatValues(x, 'none').applied).toBe('none');
    const hard = [...new Array(20).fill(0), 10, 100];
    const out = treatValues(hard, 'winsorise', 1);
    expect(out.applied).toBe('log');
    expect(out.values).toEqual(logTransform(hard));
  });

  it('log-transforms keeping the order: ln(x − min + a), a = (max − min)/100', () => {
    const x = [0, 1, 1, 2, 1, 0, 1, 1, 1, 50];
    const out = treatValues(x, 'log');
    expect(out.applied).toBe('log');
    expect(out.values[9]).toBeCloseTo(Math.log(50 + 0.5), 14);
    expect(out.values[0]).toBeCloseTo(Math.log(0.5), 14);
    const order = (v: number[]) => v.map((_, i) => i).sort((a, b) => v[a]! - v[b]! || a - b);
    expect(order(out.values)).toEqual(order(x));
    expect(Math.abs(out.after.skewness!)).toBeLessThan(Math.abs(out.before.skewness!));
  });
});
