import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { evaluate } from './engine';
import { parseScheme } from './scheme';
import { ANY_METRIC, oneIndicatorScheme, schemeWith, unitsOf, valuesOf } from './testing/builders';
import type { EvaluationInput } from './types';

const ratio = { type: 'ratio_to_target', target: 1 } as const;

function ranks(input: EvaluationInput): Record<string, number> {
  return Object.fromEntries(evaluate(input).units.map((u) => [u.code, u.rank]));
}

describe('ranking', () => {
  it('uses competition ranking for ties: 1, 2, 2, 4', () => {
    const scheme = oneIndicatorScheme({ rule: ratio });
    // totals 10 · 0.9 = 9, 8, 8, 5
    const values = valuesOf('m', { a: 0.9, b: 0.8, c: 0.8, d: 0.5 });
    const res = evaluate({ scheme, units: unitsOf(['a', 'b', 'c', 'd']), values });
    expect(res.units.map((u) => [u.code, u.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
    expect(res.groups).toEqual([
      { id: 'city', ranking: ['a', 'b', 'c', 'd'] },
      { id: 'direct_county', ranking: [] },
    ]);
  });

  it('treats totals equal up to float noise as tied (7.6 + 2.4 and 5 + 5)', () => {
    const scheme = schemeWith([
      { id: 'x', name: 'X', metric: 'x', direction: 'higher_better', points: 10, rule: ratio },
      { id: 'y', name: 'Y', metric: 'y', direction: 'higher_better', points: 10, rule: ratio },
    ]);
    const values = { a: { x: 0.76, y: 0.24 }, b: { x: 0.5, y: 0.5 } };
    const res = evaluate({ scheme, units: unitsOf(['a', 'b']), values });
    expect(res.units.map((u) => u.rank)).toEqual([1, 1]);
  });

  it('breaks ties by the named dimension, and ties again when that is equal too', () => {
    const scheme = parseScheme(
      {
        id: 't',
        version: '1',
        name: 't',
        total: 20,
        groups: ['city'],
        tie_break: ['d2'],
        dimensions: [
          {
            id: 'd1',
            name: '一',
            points: 10,
            indicators: [
              { id: 'x', name: 'X', metric: 'x', direction: 'higher_better', points: 10, rule: ratio },
            ],
          },
          {
            id: 'd2',
            name: '二',
            points: 10,
            indicators: [
              { id: 'y', name: 'Y', metric: 'y', direction: 'higher_better', points: 10, rule: ratio },
            ],
          },
        ],
      },
      undefined,
      { metrics: ANY_METRIC },
    );
    // a: 8 + 4 = 12, b: 6 + 6 = 12, c: 6 + 6 = 12, d: 3 + 3 = 6 → b and c lead on d2
    const values = {
      a: { x: 0.8, y: 0.4 },
      b: { x: 0.6, y: 0.6 },
      c: { x: 0.6, y: 0.6 },
      d: { x: 0.3, y: 0.3 },
    };
    expect(ranks({ scheme, units: unitsOf(['a', 'b', 'c', 'd']), values })).toEqual({
      a: 3,
      b: 1,
      c: 1,
      d: 4,
    });
  });

  it('ranks cities and direct counties separately', () => {
    const scheme = oneIndicatorScheme({ rule: ratio });
    const units = [...unitsOf(['a', 'b']), ...unitsOf(['k1', 'k2'], 'direct_county')];
    const values = valuesOf('m', { a: 0.9, b: 0.95, k1: 0.5, k2: 0.4 });
    const res = evaluate({ scheme, units, values });
    expect(res.units.map((u) => [u.group, u.code, u.rank, u.groupSize])).toEqual([
      ['city', 'b', 1, 2],
      ['city', 'a', 2, 2],
      ['direct_county', 'k1', 1, 2],
      ['direct_county', 'k2', 2, 2],
    ]);
  });

  it('skips units of groups the scheme does not rank, with a flag', () => {
    const scheme = oneIndicatorScheme({ rule: ratio });
    const res = evaluate({
      scheme,
      units: [...unitsOf(['a']), ...unitsOf(['x'], 'district')],
      values: valuesOf('m', { a: 1, x: 1 }),
    });
    expect(res.units.map((u) => u.code)).toEqual(['a']);
    expect(res.flags).toEqual([
      {
        code: 'group_not_ranked',
        group: 'district',
        message: '组别 "district" 不在本方案的考评组别中，其单位未参评',
      },
    ]);
    const own = evaluate({
      scheme,
      units: unitsOf(['x', 'y'], 'district'),
      values: valuesOf('m', { x: 1, y: 0.5 }),
      options: { groups: ['district'] },
    });
    expect(own.units.map((u) => [u.code, u.rank])).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });

  it('refuses duplicate unit codes', () => {
    const scheme = oneIndicatorScheme({ rule: ratio });
    expect(() => evaluate({ scheme, units: [...unitsOf(['a']), ...unitsOf(['a'])], values: {} })).toThrow(
      '参评单位代码重复：a',
    );
  });
});

describe('normalisation over the group or all units', () => {
  const units = [...unitsOf(['a', 'b']), ...unitsOf(['k'], 'direct_county')];
  const values = valuesOf('m', { a: 100, b: 50, k: 200 });
  const score = (input: EvaluationInput, code: string) =>
    evaluate(input).units.find((u) => u.code === code)!.base;

  it('compares within the group by default', () => {
    const scheme = oneIndicatorScheme({ rule: { type: 'relative_to_best' } });
    expect(score({ scheme, units, values }, 'a')).toBe(10);
    // 10 · 50 / 100 = 5
    expect(score({ scheme, units, values }, 'b')).toBe(5);
  });

  it('compares with all units when the scheme says so', () => {
    const scheme = oneIndicatorScheme({ rule: { type: 'relative_to_best' } }, { normalise_over: 'all' });
    // 10 · 100 / 200 = 5; 10 · 50 / 200 = 2.5
    expect(score({ scheme, units, values }, 'a')).toBe(5);
    expect(score({ scheme, units, values }, 'b')).toBe(2.5);
    expect(evaluate({ scheme, units, values }).units[0]!.indicators[0]!.scope).toBe('all');
  });

  it('lets a rule override the scheme, and options override both', () => {
    const perRule = oneIndicatorScheme({ rule: { type: 'relative_to_best', over: 'all' } });
    expect(score({ scheme: perRule, units, values }, 'a')).toBe(5);
    expect(score({ scheme: perRule, units, values, options: { normaliseOver: 'group' } }, 'a')).toBe(10);
  });

  it('also decides which mean a mean target uses', () => {
    const scheme = oneIndicatorScheme(
      { rule: { type: 'ratio_to_target', target: { comparator: 'mean' } } },
      { normalise_over: 'all' },
    );
    // mean over all = (100 + 50 + 200) / 3 = 116.67; 10 · 100 / 116.67 = 8.571…
    expect(score({ scheme, units, values }, 'a')).toBeCloseTo((10 * 100) / (350 / 3), 10);
  });
});

describe('options for analysis', () => {
  const scheme = schemeWith([
    { id: 'x', name: 'X', metric: 'x', direction: 'higher_better', points: 60, rule: ratio },
    { id: 'y', name: 'Y', metric: 'y', direction: 'higher_better', points: 40, rule: ratio },
  ]);
  const units = unitsOf(['a', 'b']);
  const values = { a: { x: 1, y: 0 }, b: { x: 0, y: 1 } };

  it('changes weights, renormalised to the scheme total', () => {
    expect(ranks({ scheme, units, values })).toEqual({ a: 1, b: 2 });
    const res = evaluate({ scheme, units, values, options: { weights: { x: 1, y: 3 } } });
    // weights 1 : 3 of 100 → x 25, y 75
    expect(res.units.map((u) => [u.code, u.base, u.rank])).toEqual([
      ['b', 75, 1],
      ['a', 25, 2],
    ]);
    expect(res.units[0]!.indicators.map((i) => i.points)).toEqual([25, 75]);
    expect(res.units[0]!.indicators[1]!.explanation).toContain('（按调整后的权重折算）');
  });

  it('drops an indicator and renormalises the rest', () => {
    const res = evaluate({ scheme, units, values, options: { dropIndicators: ['x'] } });
    expect(res.units.map((u) => [u.code, u.base])).toEqual([
      ['b', 100],
      ['a', 0],
    ]);
    expect(res.units[0]!.indicators.map((i) => i.id)).toEqual(['y']);
  });

  it('replaces a rule and the target cap', () => {
    const capped = evaluate({
      scheme,
      units,
      values: { a: { x: 1.5, y: 0 }, b: { x: 0, y: 1 } },
      options: { targetCap: 1.2 },
    });
    // 60 · min(1.5, 1.2) = 72
    expect(capped.units.find((u) => u.code === 'a')!.base).toBeCloseTo(72, 10);
    const swapped = evaluate({
      scheme,
      units,
      values: { a: { x: 2, y: 0 }, b: { x: 1, y: 1 } },
      options: { ruleOverrides: { x: { type: 'relative_to_best' } } },
    });
    // relative to best: a 60, b 60 · 1 / 2 = 30 (+ 40)
    expect(swapped.units.map((u) => [u.code, u.base])).toEqual([
      ['b', 70],
      ['a', 60],
    ]);
  });

  it('offers geometric aggregation for analysis, where one zero makes the total zero', () => {
    const res = evaluate({
      scheme,
      units,
      values: { a: { x: 1, y: 0.25 }, b: { x: 0, y: 1 } },
      options: { aggregation: 'geometric' },
    });
    const a = res.units.find((u) => u.code === 'a')!;
    // 100 · 1^0.6 · 0.25^0.4 = 100 · 0.574…
    expect(a.base).toBeCloseTo(100 * 0.25 ** 0.4, 10);
    expect(res.units.find((u) => u.code === 'b')!.base).toBe(0);
    expect(res.options.aggregation).toBe('geometric');
  });
});

describe('determinism', () => {
  const scheme = oneIndicatorScheme(
    { rule: { type: 'relative_to_best' } },
    { bonus: { cap: 2, items: [{ id: 'e', name: '事件', points_per_event: 1 }] } },
  );
  const input: EvaluationInput = {
    scheme,
    units: [...unitsOf(['a', 'b', 'c']), ...unitsOf(['k1', 'k2'], 'direct_county')],
    values: valuesOf('m', { a: 3, b: 1, c: null, k1: 2, k2: 5 }),
    events: [
      { unit: 'a', item: 'e', count: 1 },
      { unit: 'b', item: 'e', count: 2 },
    ],
    adjustments: [
      { unit: 'c', kind: 'bonus', points: 0.5, reason: '经验推广', author: '张三' },
      { unit: 'c', kind: 'penalty', points: 0.25, reason: '迟报', author: '李四' },
    ],
  };

  it('gives identical canonical JSON for the same input', () => {
    expect(canonicalJson(evaluate(input))).toBe(canonicalJson(evaluate(structuredClone(input))));
  });

  it('gives the same result whatever order units, events and adjustments arrive in', () => {
    const shuffled = {
      ...input,
      units: [...input.units].reverse(),
      events: [...(input.events ?? [])].reverse(),
      adjustments: [...(input.adjustments ?? [])].reverse(),
    };
    expect(canonicalJson(evaluate(shuffled))).toBe(canonicalJson(evaluate(input)));
  });
});
