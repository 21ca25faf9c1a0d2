import { describe, expect, it } from 'vitest';
import { evaluate } from './engine';
import { parseScheme } from './scheme';
import { ANY_METRIC } from './testing/builders';
import { varianceShares, weightReport } from './variance-shares';

describe('varianceShares', () => {
  it('matches the hand computation and sums to 1', () => {
    // s1 = [0, 1, 2], s2 = [0, 0, 3]; T = [0, 1, 5], mean 2, var(T) = (4 + 1 + 9) / 3 = 14/3.
    // cov(s1, T) = (2 + 0 + 3) / 3 = 5/3 → 5/14; cov(s2, T) = (2 + 1 + 6) / 3 = 3 → 9/14.
    const e = varianceShares([
      [0, 1, 2],
      [0, 0, 3],
    ])!;
    expect(e[0]).toBeCloseTo(5 / 14, 14);
    expect(e[1]).toBeCloseTo(9 / 14, 14);
    expect(e[0]! + e[1]!).toBeCloseTo(1, 14);
  });

  it('gives 0 to an indicator every unit scores alike, and can be negative', () => {
    const e = varianceShares([
      [5, 5, 5],
      [1, 2, 3],
      [1, 0, 0],
    ])!;
    expect(e[0]).toBe(0);
    // T = [7, 7, 8]: s3 falls as T rises among the first two → a negative share.
    expect(e[2]).toBeLessThan(0);
    expect(e.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('is null when the totals do not vary', () => {
    expect(
      varianceShares([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
    expect(varianceShares([[1]])).toBeNull();
  });
});

describe('weightReport', () => {
  it('sets nominal (points share) against effective weight per group', () => {
    const scheme = parseScheme(
      {
        id: 'w',
        version: '1',
        name: 'w',
        total: 10,
        groups: ['city'],
        dimensions: [
          {
            id: 'd',
            name: 'D',
            points: 10,
            indicators: [
              {
                id: 'a',
                name: 'A',
                metric: 'a',
                direction: 'higher_better',
                points: 4,
                rule: { type: 'min_max' },
              },
              {
                id: 'b',
                name: 'B',
                metric: 'b',
                direction: 'higher_better',
                points: 6,
                rule: { type: 'min_max' },
              },
            ],
          },
        ],
      },
      undefined,
      { metrics: ANY_METRIC },
    );
    // a's scores 0, 2, 4 (min_max of 0, 1, 2 on 4 points); b's 0, 0, 6.
    const result = evaluate({
      scheme,
      units: ['x', 'y', 'z'].map((code) => ({ code, name: code, group: 'city' })),
      values: { x: { a: 0, b: 0 }, y: { a: 1, b: 0 }, z: { a: 2, b: 1 } },
    });
    const [city] = weightReport(result);
    expect(city!.units).toBe(3);
    expect(city!.rows.map((r) => [r.indicator, r.nominal])).toEqual([
      ['a', 0.4],
      ['b', 0.6],
    ]);
    // T = [0, 2, 10], mean 4, var = (16 + 4 + 36) / 3 = 56/3; cov(a, T) = (8 + 0 + 12) / 3 = 20/3
    // → 5/14; cov(b, T) = (8 + 4 + 24) / 3 = 12 → 9/14: 40% of the points, 36% of the spread.
    expect(city!.rows[0]!.effective).toBeCloseTo(5 / 14, 14);
    expect(city!.rows[1]!.effective).toBeCloseTo(9 / 14, 14);
  });
});
