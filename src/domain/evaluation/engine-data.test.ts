import { describe, expect, it } from 'vitest';
import { evaluate } from './engine';
import { oneIndicatorScheme, schemeWith, unitsOf, valuesOf } from './testing/builders';

const at = (res: ReturnType<typeof evaluate>, code: string) => res.units.find((u) => u.code === code)!;

describe('missing data', () => {
  const units = [...unitsOf(['a', 'b', 'c']), ...unitsOf(['k1', 'k2'], 'direct_county')];
  const values = valuesOf('key.newStartRate', { a: 0.9, b: 0.7, c: null, k1: 0.2, k2: null });
  const scheme = oneIndicatorScheme({ metric: 'key.newStartRate', rule: { type: 'relative_to_best' } });

  it('gives a missing value nothing under the default policy, recorded per unit', () => {
    const res = evaluate({ scheme, units, values });
    const c = at(res, 'c').indicators[0]!;
    expect(c).toMatchObject({ value: null, missing: true, fill: 'zero', score: 0, flags: ['missing_zero'] });
    expect(c.explanation).toBe('指标未报送，按缺失值记 0 分（满分 10 分）');
    expect(at(res, 'a').indicators[0]).toMatchObject({ missing: false, fill: 'none' });
    expect(res.options.missingPolicy).toBe('zero');
  });

  it('fills with the own group mean under group_mean, without moving anyone else', () => {
    const res = evaluate({ scheme, units, values, options: { missingPolicy: 'group_mean' } });
    const c = at(res, 'c').indicators[0]!;
    // city mean (0.9 + 0.7) / 2 = 0.8; 10 · 0.8 / 0.9 = 8.888…
    expect(c).toMatchObject({ missing: true, fill: 'group_mean', flags: ['missing_group_mean'] });
    expect(c.value).toBeCloseTo(0.8, 12);
    expect(c.score).toBeCloseTo((10 * 0.8) / 0.9, 12);
    expect(c.explanation).toBe(
      '指标未报送，按本组平均 80.0% 补齐，全组最高 90.0%，按比例得 8.89 分（满分 10 分）',
    );
    // the county group fills from its own mean: 0.2 → k2 gets 10 · 0.2 / 0.2
    expect(at(res, 'k2').indicators[0]!.value).toBe(0.2);
    // reported units keep the same score as under zero
    expect(at(res, 'b').base).toBe(at(evaluate({ scheme, units, values }), 'b').base);
    expect(res.options.missingPolicy).toBe('group_mean');
  });

  it('takes the policy from the scheme unless the options override it', () => {
    const filled = oneIndicatorScheme(
      { metric: 'key.newStartRate', rule: { type: 'relative_to_best' } },
      { missing_policy: 'group_mean' },
    );
    expect(at(evaluate({ scheme: filled, units, values }), 'c').indicators[0]!.fill).toBe('group_mean');
    expect(
      at(evaluate({ scheme: filled, units, values, options: { missingPolicy: 'zero' } }), 'c').indicators[0]!
        .fill,
    ).toBe('zero');
  });

  it('cannot fill when nobody in the group reported', () => {
    const res = evaluate({
      scheme,
      units: unitsOf(['x', 'y']),
      values: valuesOf('key.newStartRate', { x: null, y: null }),
      options: { missingPolicy: 'group_mean' },
    });
    expect(res.units[0]!.indicators[0]).toMatchObject({
      fill: 'unfillable',
      score: 0,
      flags: ['missing_unfillable'],
    });
  });

  it('never lets a missing lower-is-better value count as the best', () => {
    const days = oneIndicatorScheme({
      metric: 'approvals.avgDays',
      direction: 'lower_better',
      rule: { type: 'relative_to_best' },
    });
    const res = evaluate({
      scheme: days,
      units: unitsOf(['a', 'b']),
      values: valuesOf('approvals.avgDays', { a: 10, b: null }),
    });
    expect(at(res, 'a').base).toBe(10);
    expect(at(res, 'b').base).toBe(0);
  });

  it('treats a share with a zero denominator (null) as missing, not as 0%', () => {
    const res = evaluate({
      scheme,
      units: unitsOf(['a', 'b']),
      values: valuesOf('key.newStartRate', { a: 0, b: null }),
    });
    expect(at(res, 'a').indicators[0]).toMatchObject({ missing: false, value: 0 });
    expect(at(res, 'b').indicators[0]).toMatchObject({ missing: true, value: null });
  });

  it('treats non-finite values as missing, with a flag', () => {
    const res = evaluate({
      scheme,
      units: unitsOf(['a', 'b']),
      values: valuesOf('key.newStartRate', { a: Number.NaN, b: 0.5 }),
    });
    expect(at(res, 'a').indicators[0]!.missing).toBe(true);
    expect(res.flags.map((f) => f.code)).toEqual(['invalid_value']);
  });
});

describe('weighted combinations of metrics', () => {
  const scheme = oneIndicatorScheme({ rule: { type: 'relative_to_best' } });
  const combo = {
    ...scheme,
    dimensions: [
      {
        ...scheme.dimensions[0]!,
        indicators: [
          {
            ...scheme.dimensions[0]!.indicators[0]!,
            metric: undefined,
            metrics: [
              { metric: 'p', weight: 0.5 },
              { metric: 'q', weight: 0.5 },
            ],
          },
        ],
      },
    ],
  };

  it('scores the weighted sum, missing if any part is missing', () => {
    const res = evaluate({
      scheme: combo,
      units: unitsOf(['a', 'b', 'c']),
      values: { a: { p: 4, q: 2 }, b: { p: 1, q: 1 }, c: { p: 3, q: null } },
    });
    // a: 0.5 · 4 + 0.5 · 2 = 3 (best); b: 1 → 10 · 1 / 3
    expect(at(res, 'a').indicators[0]!.value).toBe(3);
    expect(at(res, 'b').base).toBeCloseTo(10 / 3, 12);
    expect(at(res, 'c').indicators[0]!.missing).toBe(true);
    expect(at(res, 'a').indicators[0]!.metrics).toEqual(['p', 'q']);
  });
});

describe('bonus and penalty', () => {
  const scheme = oneIndicatorScheme(
    { rule: { type: 'ratio_to_target', target: 1 } },
    {
      bonus: {
        cap: 3,
        items: [
          { id: 'fdi', name: '新设外资企业', points_per_event: 1, cap: 2 },
          { id: 'award', name: '国家级表彰', points_per_event: 0.5 },
        ],
      },
      penalty: { cap: 4, items: [{ id: 'untrue', name: '项目不实', points_per_event: 2 }] },
    },
  );
  const units = unitsOf(['a', 'b', 'c']);
  const values = valuesOf('m', { a: 0.5, b: 0.6, c: 0.7 });

  it('caps items, then the category, and shows them apart from the base', () => {
    const res = evaluate({
      scheme,
      units,
      values,
      events: [
        { unit: 'a', item: 'fdi', count: 3 },
        { unit: 'a', item: 'award', count: 4 },
        { unit: 'c', item: 'untrue', count: 3 },
      ],
      adjustments: [
        { unit: 'b', kind: 'bonus', points: 0.3, reason: '经验在全省推广', author: '省重点办 王五' },
      ],
    });
    const a = at(res, 'a');
    // fdi: min(3 · 1, 2) = 2; award 4 · 0.5 = 2; raw 4 → cap 3
    expect(a.bonus).toMatchObject({ raw: 4, cap: 3, total: 3, capped: true });
    expect(a.bonus.lines).toEqual([
      { source: 'event', item: 'fdi', name: '新设外资企业', count: 3, points: 2 },
      { source: 'event', item: 'award', name: '国家级表彰', count: 4, points: 2 },
    ]);
    // base 10 · 0.5 = 5, adjusted 5 + 3 = 8
    expect([a.base, a.adjusted]).toEqual([5, 8]);
    const b = at(res, 'b');
    expect(b.bonus.lines).toEqual([
      {
        source: 'manual',
        item: null,
        name: '经验在全省推广',
        points: 0.3,
        reason: '经验在全省推广',
        author: '省重点办 王五',
      },
    ]);
    expect(b.adjusted).toBeCloseTo(6.3, 12);
    const c = at(res, 'c');
    // 3 · 2 = 6 → cap 4; 7 − 4 = 3
    expect(c.penalty).toMatchObject({ raw: 6, total: 4, capped: true });
    expect(c.adjusted).toBeCloseTo(3, 12);
    expect(res.units.map((u) => u.code)).toEqual(['a', 'b', 'c']);
  });

  it('leaves adjustments out when asked', () => {
    const res = evaluate({
      scheme,
      units,
      values,
      events: [{ unit: 'a', item: 'fdi', count: 1 }],
      options: { includeAdjustments: false },
    });
    expect(at(res, 'a')).toMatchObject({ base: 5, adjusted: 5, bonus: { total: 0, lines: [] } });
    expect(res.options.includeAdjustments).toBe(false);
  });

  it('refuses manual entries without reason, author or positive points', () => {
    const res = evaluate({
      scheme,
      units,
      values,
      adjustments: [
        { unit: 'a', kind: 'bonus', points: 1, reason: '', author: 'x' },
        { unit: 'a', kind: 'penalty', points: -1, reason: 'r', author: 'x' },
        { unit: 'zz', kind: 'bonus', points: 1, reason: 'r', author: 'x' },
      ],
    });
    expect(at(res, 'a').adjusted).toBe(5);
    expect(res.flags.map((f) => f.code)).toEqual([
      'invalid_adjustment',
      'invalid_adjustment',
      'unknown_unit',
    ]);
  });
});

describe('explanations', () => {
  it('states value, comparison with the mean, target, rule and points', () => {
    const scheme = schemeWith([
      {
        id: 'r',
        name: '开工率',
        metric: 'key.newStartRate',
        direction: 'higher_better',
        points: 10,
        rule: { type: 'ratio_to_target', target: 0.95 },
      },
      {
        id: 'f',
        name: '省外资金',
        metric: 'deals.outsideFunds',
        direction: 'higher_better',
        points: 4,
        rule: { type: 'relative_to_best' },
      },
    ]);
    const res = evaluate({
      scheme,
      units: unitsOf(['a', 'b']),
      values: {
        a: { 'key.newStartRate': 0.921, 'deals.outsideFunds': 1.5e10 },
        b: { 'key.newStartRate': 0.953, 'deals.outsideFunds': 2.4e10 },
      },
    });
    const a = at(res, 'a');
    // mean (0.921 + 0.953) / 2 = 0.937; 10 · 0.921 / 0.95 = 9.6947…
    expect(a.indicators[0]!.explanation).toBe(
      '开工率 92.1%，低于全组平均 1.6 个百分点，目标值 95.0%，完成目标的 96.9%，按比例得 9.69 分（满分 10 分）',
    );
    // 4 · 150 / 240 = 2.5
    expect(a.indicators[1]!.explanation).toBe(
      '省外资金 150.00 亿元，低于全组平均 45.00 亿元，全组最高 240.00 亿元，按比例得 2.50 分（满分 4 分）',
    );
    expect(at(res, 'b').indicators[0]!.explanation).toBe(
      '开工率 95.3%，高于全组平均 1.6 个百分点，目标值 95.0%，完成目标的 100.3%，达到目标，得 10.00 分（满分 10 分）',
    );
  });
});
