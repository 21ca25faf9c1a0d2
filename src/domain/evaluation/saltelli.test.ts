import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng';
import { mixRow, saltelliDesign, sobolIndices } from './saltelli';

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
});

describe('Sobol indices on a Saltelli design', () => {
  it('recovers the analytic indices of Y = X1 + 2·X2 + 0·X3', () => {
    // Var(X1) = 1/12, Var(2·X2) = 4/12: S1 = ST1 = 0.2, S2 = ST2 = 0.8, S3 = ST3 = 0
    const N = 20000;
    const { A, B } = saltelliDesign(N, 3, mulberry32(1));
    const f = (x: Float64Array) => x[0]! + 2 * x[1]!;
    const spans = [0, 1, 2].map((start) => ({ start, columns: 1 }));
    const ix = sobolIndices(
      A.map(f),
      B.map(f),
      spans.map((span) => A.map((a, j) => f(mixRow(a, B[j]!, span)))),
    );
    expect(ix[0]!.first).toBeCloseTo(0.2, 1);
    expect(ix[0]!.total).toBeCloseTo(0.2, 1);
    expect(ix[1]!.first).toBeCloseTo(0.8, 1);
    expect(ix[1]!.total).toBeCloseTo(0.8, 1);
    expect(ix[2]!.total).toBe(0);
  });

  it('sees interactions only in the total index: Y = X1 · X2 centred', () => {
    // Y = (X1 − ½)(X2 − ½): no first-order effect, all variance from the interaction
    const N = 20000;
    const { A, B } = saltelliDesign(N, 2, mulberry32(2));
    const f = (x: Float64Array) => (x[0]! - 0.5) * (x[1]! - 0.5);
    const ix = sobolIndices(
      A.map(f),
      B.map(f),
      [0, 1].map((start) => A.map((a, j) => f(mixRow(a, B[j]!, { start, columns: 1 })))),
    );
    for (const i of ix) {
      expect(Math.abs(i.first)).toBeLessThan(0.1);
      expect(i.total).toBeCloseTo(1, 1);
    }
  });

  it('returns zeros when the output never varies', () => {
    expect(sobolIndices([1, 1], [1, 1], [[1, 1]])).toEqual([{ first: 0, total: 0 }]);
  });
});
