// Ties are decided on the decimals the totals are published with (the scheme's score_decimals,
// default 2), rounded half away from zero as exact decimals: two units shown with the same total share
// the rank, two shown with different totals never do (docs/methodology.md §六).
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine';
import { competitionRanks, rankKey, scaledScore, scoreText } from './rank';
import { parseScheme } from './scheme';

const ranks = (totals: number[], decimals?: number) =>
  competitionRanks(totals.map((t) => [rankKey(t, decimals)]));

describe('rounding a total the way it is published', () => {
  it('rounds half away from zero on the decimal the reader sees, whatever the binary float holds', () => {
    // 89.995 is 89.99499999999999744… as a double; people (and the 通报) round it to 90.00.
    expect(scoreText(89.995)).toBe('90.00');
    expect(scoreText(89.994999)).toBe('89.99');
    expect(scoreText(1.005)).toBe('1.01');
    expect(scoreText(-1.005)).toBe('-1.01');
    expect(scoreText(-0.004)).toBe('0.00');
    expect(scoreText(7.6 + 2.4)).toBe('10.00');
    expect(scoreText(0.1 + 0.2, 1)).toBe('0.3');
    expect(scoreText(12.345, 0)).toBe('12');
    expect(scoreText(99.5, 0)).toBe('100');
    expect(scaledScore(89.995)).toBe(9000);
    expect(scaledScore(89.994999)).toBe(8999);
    expect(scaledScore(89.995, 3)).toBe(89995);
  });
});

describe('ties', () => {
  it('ranks 89.995 above 89.994999 at 2 decimals: 90.00 and 89.99 are different totals', () => {
    expect(ranks([89.994999, 89.995])).toEqual([2, 1]);
  });

  it('ties totals equal after rounding: 89.994 and 89.99 are both 89.99', () => {
    expect(ranks([89.994, 89.99, 89.985])).toEqual([1, 1, 1]);
    expect(ranks([90.004999, 89.995, 88])).toEqual([1, 1, 3]);
  });

  it('never ties totals that differ in the last kept decimal', () => {
    expect(ranks([89.99, 90.0, 89.98])).toEqual([2, 1, 3]);
    expect(ranks([89.984999, 89.985])).toEqual([2, 1]);
  });

  it('follows the declared decimals', () => {
    expect(ranks([89.994, 89.99], 3)).toEqual([1, 2]);
    expect(ranks([89.6, 90.4], 0)).toEqual([1, 1]);
    expect(ranks([89.4, 89.5], 0)).toEqual([2, 1]);
  });

  it('absorbs float noise: 7.6 + 2.4 ties 5 + 5', () => {
    expect(ranks([7.6 + 2.4, 5 + 5])).toEqual([1, 1]);
  });

  it('ranks a whole evaluation on the published totals, tie-breaks included', () => {
    const scheme = parseScheme({
      id: 'near-ties',
      version: '1',
      name: '并列',
      total: 100,
      groups: ['city'],
      dimensions: [
        {
          id: 'd',
          name: '维度',
          points: 100,
          indicators: [
            {
              id: 'x',
              name: '指标',
              metric: 'key.projectCount',
              direction: 'higher_better',
              points: 100,
              rule: { type: 'goalposts', lower: 0, upper: 100 },
            },
          ],
        },
      ],
    });
    const units = ['A', 'B', 'C', 'D'].map((code) => ({ code, name: code, group: 'city' }));
    const values = {
      A: { 'key.projectCount': 89.995 },
      B: { 'key.projectCount': 89.994999 },
      C: { 'key.projectCount': 89.994 },
      D: { 'key.projectCount': 89.99 },
    };
    const result = evaluate({ scheme, units, values });
    const rankOf = Object.fromEntries(result.units.map((u) => [u.code, u.rank]));
    // A shows 90.00; B, C and D all show 89.99 and share second place.
    expect(rankOf).toEqual({ A: 1, B: 2, C: 2, D: 2 });
    const three = evaluate({ scheme: { ...scheme, score_decimals: 3 }, units, values });
    expect(Object.fromEntries(three.units.map((u) => [u.code, u.rank]))).toEqual({ A: 1, B: 1, C: 3, D: 4 });
  });
});
