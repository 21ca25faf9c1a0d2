import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine';
import type { RuleOf } from '../scheme-schema';
import { envOf, oneIndicatorScheme, unitsOf } from '../testing/builders';
import { scoreCountPoints, tallyCounts } from './count-points';

// "每提请1个企业加0.5分，最高不超过3分"
const firms: RuleOf<'count_points'> = {
  type: 'count_points',
  items: [{ id: 'firm', name: '提请企业', points_per_event: 0.5, cap: 3 }],
};

describe('count_points', () => {
  it('gives points per event up to the item cap', () => {
    // 4 · 0.5 = 2
    expect(scoreCountPoints(firms, envOf([], { points: 3, counts: [4] })).score).toBe(2);
    // 10 · 0.5 = 5 → item cap 3
    expect(scoreCountPoints(firms, envOf([], { points: 3, counts: [10] }))).toMatchObject({
      score: 3,
      reference: { count: 10 },
    });
  });

  it('caps the category (the indicator points) after the item caps', () => {
    const two: RuleOf<'count_points'> = {
      type: 'count_points',
      items: [
        { id: 'x', name: 'X', points_per_event: 1, cap: 3 },
        { id: 'y', name: 'Y', points_per_event: 0.5 },
      ],
    };
    // min(5 · 1, 3) + 4 · 0.5 = 3 + 2 = 5 → category cap 4
    const out = scoreCountPoints(two, envOf([], { points: 4, counts: [5, 4] }));
    expect(out).toMatchObject({ score: 4, flags: ['capped'] });
    expect(tallyCounts(two.items, [5, 4], null)).toEqual({
      perItem: [3, 2],
      raw: 5,
      total: 5,
      capped: false,
    });
  });

  it('deducts from full points for lower-is-better (扣完为止)', () => {
    const incidents: RuleOf<'count_points'> = {
      type: 'count_points',
      items: [{ id: 'z', name: '事故', points_per_event: 1 }],
    };
    // 5 − 2 · 1 = 3
    expect(
      scoreCountPoints(incidents, envOf([], { points: 5, direction: 'lower_better', counts: [2] })).score,
    ).toBe(3);
    // 5 − min(9, 5) = 0
    expect(
      scoreCountPoints(incidents, envOf([], { points: 5, direction: 'lower_better', counts: [9] })).score,
    ).toBe(0);
  });

  it('feeds an indicator from events in the engine, summing repeated events of a unit', () => {
    const scheme = oneIndicatorScheme({ rule: firms, points: 3 });
    const res = evaluate({
      scheme,
      units: unitsOf(['a', 'b']),
      values: {},
      events: [
        { unit: 'a', item: 'firm', count: 1 },
        { unit: 'a', item: 'firm', count: 2 },
        { unit: 'b', item: 'other', count: 1 },
      ],
    });
    const a = res.units.find((u) => u.code === 'a')!;
    // (1 + 2) · 0.5 = 1.5
    expect(a.base).toBe(1.5);
    expect(a.indicators[0]!.explanation).toBe(
      '指标：提请企业 3 次（每次 0.5 分，上限 3 分），得 1.50 分（满分 3 分）',
    );
    expect(res.flags.map((f) => f.code)).toEqual(['unknown_item']);
  });
});
