import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageRanks, correlationMatrices, pearson, spearman } from './correlation';

describe('pearson', () => {
  it('matches the hand computation', () => {
    // x̄ = 3, ȳ = 4; Σdxdy = 4 + 0 + 0 + 0 + 2 = 6, Σdx² = 10, Σdy² = 6 → r = 6/√60.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 14);
    expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 14);
  });

  it('leaves out pairs with a missing side', () => {
    expect(pearson([1, 2, null, 4, 5, 9], [2, 4, 7, 4, 5, null])).toBeCloseTo((6 / Math.sqrt(60)) * 1, 0);
    expect(pearson([1, 2, null, 3], [1, 2, 5, 3])).toBeCloseTo(1, 14);
  });

  it('is null, not NaN, for a constant column or fewer than two pairs', () => {
    expect(pearson([3, 3, 3], [1, 2, 3])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
    expect(pearson([1, null], [null, 2])).toBeNull();
  });
});

describe('spearman', () => {
  it('gives tied values their average rank', () => {
    expect(averageRanks([2, 4, 5, 4, 5])).toEqual([1, 2.5, 4.5, 2.5, 4.5]);
    // ranks of y = [1, 2.5, 4.5, 2.5, 4.5], mean 3: Σdxdy = 4 + 0.5 + 0 − 0.5 + 3 = 7, Σdy² = 9 → 7/√90.
    expect(spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(7 / Math.sqrt(90), 14);
  });

  it('is 1 for a monotone transform and −1 for a decreasing one', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 30 }),
        (x) => {
          expect(
            spearman(
              x,
              x.map((v) => v ** 3 + Math.exp(v / 1000)),
            ),
          ).toBeCloseTo(1, 12);
          expect(
            spearman(
              x,
              x.map((v) => -Math.atan(v) - v),
            ),
          ).toBeCloseTo(-1, 12);
        },
      ),
    );
  });
});

describe('correlationMatrices', () => {
  it('is symmetric with 1 on the diagonal, and null for a constant column', () => {
    const cols = [
      [1, 2, 3, 4],
      [4, 1, 3, 2],
      [5, 5, 5, 5],
      [1, 3, 2, 10],
    ];
    const m = correlationMatrices(cols);
    for (const matrix of [m.pearson, m.spearman]) {
      for (let i = 0; i < 4; i++) {
        expect(matrix[i]![i]).toBe(i === 2 ? null : 1);
        expect(matrix[2]![i]).toBeNull();
        for (let j = 0; j < 4; j++) expect(matrix[i]![j]).toBe(matrix[j]![i]);
      }
    }
    expect(m.pearson[0]![1]).toBeCloseTo(pearson(cols[0]!, cols[1]!)!, 15);
    expect(m.spearman[0]![3]).toBeCloseTo(0.8, 14);
  });
});
