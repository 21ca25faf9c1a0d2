import { describe, expect, it } from 'vitest';
import type { RuleOf } from '../scheme-schema';
import { envOf } from '../testing/builders';
import { scoreRankBands } from './rank-bands';

// "半年度投资计划完成率排名：1-3名7分；4-6名5分；7-10名3分"
const bands: RuleOf<'rank_bands'> = {
  type: 'rank_bands',
  min: 0,
  bands: [
    { from: 1, to: 3, points: 7 },
    { from: 4, to: 6, points: 5 },
    { from: 7, to: 10, points: 3 },
  ],
};

describe('rank_bands', () => {
  it('gives points by rank band', () => {
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    const env = envOf(values, { points: 7 });
    expect(values.map((x) => scoreRankBands(bands, x, env).score)).toEqual([7, 7, 7, 5, 5, 5, 3, 3, 3, 3, 0]);
    expect(scoreRankBands(bands, 0, env).flags).toEqual(['outside_bands']);
    expect(scoreRankBands(bands, 7, env).reference.rank).toBe(4);
  });

  it('lets tied units share the band of their shared rank', () => {
    // ranks 1, 2, 4, 4, 4: the three tied at rank 4 all take band 4–6
    const values = [10, 9, 8, 8, 8];
    const env = envOf(values, { points: 7 });
    expect(values.map((x) => scoreRankBands(bands, x, env).reference.rank)).toEqual([1, 2, 3, 3, 3]);
    const tied = [10, 9, 9, 9, 5];
    // ranks 1, 2, 2, 2, 5 → 7, 7, 7, 7, 5
    const env2 = envOf(tied, { points: 7 });
    expect(tied.map((x) => scoreRankBands(bands, x, env2).score)).toEqual([7, 7, 7, 7, 5]);
    const atEdge = [10, 9, 8, 7, 7];
    // ranks 1, 2, 3, 4, 4 → the pair tied at 4 both get band 4–6
    const env3 = envOf(atEdge, { points: 7 });
    expect(atEdge.map((x) => scoreRankBands(bands, x, env3).score)).toEqual([7, 7, 7, 5, 5]);
  });

  it('gives the first P and takes d per rank below, not below min', () => {
    const rule: RuleOf<'rank_bands'> = { type: 'rank_bands', decrement: 1.5, min: 1 };
    const values = [50, 40, 40, 30, 20, 10];
    const env = envOf(values, { points: 6 });
    // ranks 1, 2, 2, 4, 5, 6 → 6, 6 − 1.5 = 4.5, 4.5, 6 − 4.5 = 1.5, max(1, 0) = 1, 1
    expect(values.map((x) => scoreRankBands(rule, x, env).score)).toEqual([6, 4.5, 4.5, 1.5, 1, 1]);
  });

  it('ranks the lowest first for lower-is-better', () => {
    const env = envOf([3, 5, 9], { points: 7, direction: 'lower_better' });
    expect([3, 5, 9].map((x) => scoreRankBands(bands, x, env).reference.rank)).toEqual([1, 2, 3]);
  });
});
