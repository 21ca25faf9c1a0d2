// The method as provinces write it (docs/schemes.md): quarter-only indicators, per-unit targets and rank
// bands with consequences. Expectations are computed by hand in the comments.
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine';
import { makeRankModel, totalsOf } from './fast-model';
import { planIndicators } from './plan';
import { prepare } from './prepare';
import { checkPublishGate } from './publish-gate';
import { parseScheme, SchemeError, type SchemeInput, schemeProblems } from './scheme';
import { scoreColumn } from './score-column';
import { ANY_METRIC, unitsOf } from './testing/builders';
import type { EvaluationInput, MetricValues } from './types';
import { unitTarget, wanToYuan } from './unit-targets';

const ratio = (id: string, metric: string, points: number, extra: object = {}) => ({
  id,
  name: `指标${id}`,
  metric,
  direction: 'higher_better' as const,
  points,
  rule: { type: 'ratio_to_target' as const, target: 1 },
  ...extra,
});

/** A (60): a1 40 points, a2 20 points in quarters 2 and 4; B (40): b1. Targets 1, so score = value × points. */
function quarterData(b1: object = {}, extra: Partial<SchemeInput> = {}) {
  return {
    id: 'q',
    version: '1',
    name: '季度',
    groups: ['city'],
    dimensions: [
      {
        id: 'A',
        name: '甲',
        points: 60,
        indicators: [ratio('a1', 'm', 40), ratio('a2', 'n', 20, { quarters: [2, 4] })],
      },
      { id: 'B', name: '乙', points: 40, indicators: [ratio('b1', 'k', 40, b1)] },
    ],
    ...extra,
  };
}

function quarterScheme(b1: object = {}, extra: Partial<SchemeInput> = {}) {
  return parseScheme(quarterData(b1, extra), undefined, { metrics: ANY_METRIC });
}

const values: MetricValues = { u1: { m: 0.5, n: 1, k: 0.75 }, u2: { m: 1, n: 0, k: 0.5 } };

function run(scheme = quarterScheme(), period?: string) {
  return evaluate({
    scheme,
    units: unitsOf(['u1', 'u2']),
    values,
    context: period === undefined ? {} : { period },
  });
}

const totals = (r: ReturnType<typeof run>) => Object.fromEntries(r.units.map((u) => [u.code, u.adjusted]));

describe('quarter-only indicators', () => {
  it('scores the indicator in its quarters and gives its points to the dimension otherwise', () => {
    // Q2: u1 = 0.5·40 + 1·20 + 0.75·40 = 70; u2 = 40 + 0 + 20 = 60.
    expect(totals(run(quarterScheme(), '2020Q2'))).toEqual({ u1: 70, u2: 60 });
    // Q3: a2 is left out; a1 carries A's 60 points (× 60/40): u1 = 0.5·60 + 30 = 60; u2 = 60 + 20 = 80.
    const q3 = run(quarterScheme(), '2020Q3');
    expect(totals(q3)).toEqual({ u1: 60, u2: 80 });
    const u1 = q3.units.find((u) => u.code === 'u1')!;
    const a2 = u1.indicators.find((i) => i.id === 'a2')!;
    expect(a2.score).toBe(0);
    expect(a2.points).toBe(0);
    expect(a2.flags).toEqual(['not_in_quarter']);
    expect(a2.explanation).toContain('本季度不考核');
    expect(a2.explanation).toContain('第二、四季度');
    expect(u1.dimensions.map((d) => d.points)).toEqual([60, 40]);
    expect(q3.context).toEqual({ timeProgress: null, period: '2020Q3' });
  });

  it('reads a month period as the quarter of its last month and a year as every quarter', () => {
    expect(totals(run(quarterScheme(), '2020-05'))).toEqual({ u1: 70, u2: 60 });
    expect(totals(run(quarterScheme(), '2020-07'))).toEqual({ u1: 60, u2: 80 });
    expect(totals(run(quarterScheme(), '2020'))).toEqual({ u1: 70, u2: 60 });
  });

  it('scores every indicator and flags it when no period is given', () => {
    const r = run(quarterScheme());
    expect(totals(r)).toEqual({ u1: 70, u2: 60 });
    expect(r.flags.map((f) => f.code)).toEqual(['period_missing']);
    expect(r.context).toEqual({ timeProgress: null });
  });

  it('gives a whole left-out dimension to the other dimensions', () => {
    // b1 only in Q4; in Q3 a2 and b1 are out: a1 carries all 100 points: u1 = 0.5·100 = 50, u2 = 100.
    expect(totals(run(quarterScheme({ quarters: [4] }), '2020Q3'))).toEqual({ u1: 50, u2: 100 });
  });

  it('gives the fast model the same totals as evaluate()', () => {
    const scheme = quarterScheme();
    const input: EvaluationInput = {
      scheme,
      units: unitsOf(['u1', 'u2']),
      values,
      context: { period: '2020Q1' },
    };
    const prep = prepare(input);
    const plan = planIndicators(scheme, {});
    const raw = plan.map(
      (p) => scoreColumn(prep, p.indicator, { rule: p.rule, policy: 'zero', scope: p.scope }).scores,
    );
    const zeros = new Float64Array(2);
    const fast = totalsOf(
      makeRankModel(prep, 'arithmetic'),
      raw,
      plan.map((p) => p.weight),
      zeros,
      zeros,
    );
    expect([...fast.totals]).toEqual([60, 80]);
  });

  it('refuses an empty list, a quarter outside 1–4 and a repeated quarter', () => {
    const problems = (q: number[]) =>
      schemeProblems(quarterData({ quarters: q }), { metrics: ANY_METRIC }).problems.map(
        (x) => `${x.code} ${x.path.join('.')}`,
      );
    expect(problems([])).toEqual(['quarters_invalid dimensions.1.indicators.0.quarters']);
    expect(problems([0, 5])).toEqual([
      'quarters_invalid dimensions.1.indicators.0.quarters.0',
      'quarters_invalid dimensions.1.indicators.0.quarters.1',
    ]);
    expect(problems([3, 3])).toEqual(['quarters_invalid dimensions.1.indicators.0.quarters.1']);
    expect(problems([1, 2, 3, 4])).toEqual([]);
  });

  it('leaves quarters out of the parsed scheme when absent', () => {
    const ind = quarterScheme().dimensions[1]!.indicators[0]!;
    expect('quarters' in ind).toBe(false);
    expect('consequences' in quarterScheme()).toBe(false);
  });
});

/** One indicator: investment to date against each unit's own annual target. */
function targetData(target: object) {
  return {
    id: 't',
    version: '1',
    name: '目标',
    groups: ['city'],
    total: 20,
    dimensions: [
      {
        id: 'D',
        name: '进度',
        points: 20,
        indicators: [
          {
            id: 'inv',
            name: '投资完成',
            metric: 'key.investYtd',
            direction: 'higher_better',
            points: 20,
            rule: { type: 'ratio_to_target', target },
          },
        ],
      },
    ],
  };
}

const targetScheme = (target: object) => parseScheme(targetData(target));

const cities = [
  { code: '410100', name: '郑州市', group: 'city' },
  { code: '410200', name: '开封市', group: 'city' },
  { code: '410300', name: '洛阳市', group: 'city' },
];
const invest: MetricValues = {
  '410100': { 'key.investYtd': 9_000_000 },
  '410200': { 'key.investYtd': 8_005_000 },
  '410300': { 'key.investYtd': 12_000_000 },
};

describe('per-unit targets', () => {
  it('moves the decimal point of 万元 instead of multiplying floats', () => {
    expect(wanToYuan(1234.5678)).toBe(12_345_678);
    expect(wanToYuan(0.07)).toBe(700);
    expect(0.07 * 10_000).not.toBe(700);
    expect(wanToYuan(1200)).toBe(12_000_000);
    expect(unitTarget({ per_unit: { '410100': 800.5 }, amounts_in: '万元' }, '410100')).toBe(8_005_000);
    expect(unitTarget({ per_unit: { '410100': 800.5 } }, '410200')).toBeNull();
  });

  it('scores each unit against its own target, the default for units not listed', () => {
    // 郑州 9,000,000 ÷ 12,000,000 = 75% → 15; 开封 8,005,000 ÷ 8,005,000 → 20; 洛阳 default 10,000,000 → capped 20.
    const scheme = targetScheme({
      per_unit: { '410100': 1200, '410200': 800.5 },
      default: 1000,
      amounts_in: '万元',
    });
    const r = evaluate({ scheme, units: cities, values: invest });
    const by = Object.fromEntries(r.units.map((u) => [u.code, u.indicators[0]!]));
    expect(by['410100']!.score).toBe(15);
    expect(by['410100']!.reference.target).toBe(12_000_000);
    expect(by['410100']!.reference.targetSource).toBe('unit');
    expect(by['410100']!.explanation).toContain('本单位目标 1200.00 万元');
    expect(by['410200']!.score).toBe(20);
    expect(by['410300']!.reference.target).toBe(10_000_000);
    expect(by['410300']!.score).toBe(20);
  });

  it('refuses units without a target when there is no default, naming them, before scoring', () => {
    const scheme = targetScheme({ per_unit: { '410100': 12_000_000 } });
    expect(() => evaluate({ scheme, units: cities, values: invest })).toThrow(SchemeError);
    expect(() => evaluate({ scheme, units: cities, values: invest })).toThrow(
      /开封市（410200）、洛阳市（410300） 的目标，且未设 default/,
    );
  });

  it('refuses 万元 on a rate, an empty target and amounts finer than 分', () => {
    const codes = (target: object) =>
      schemeProblems(targetData({ per_unit: { '410100': 1 }, default: 1, ...target })).problems.map(
        (x) => `${x.code} ${x.path.slice(5).join('.')}`,
      );
    expect(codes({ per_unit: {}, default: undefined })).toEqual(['unit_target_empty target.per_unit']);
    expect(codes({ per_unit: { '410100': 1200.1234567 }, amounts_in: '万元' })).toEqual([
      'amount_precision target.per_unit.410100',
    ]);
    expect(codes({ per_unit: { '410100': 1200.123 } })).toEqual(['amount_precision target.per_unit.410100']);
    const data = targetData({ per_unit: { '410100': 0.9 }, amounts_in: '万元' });
    const ind = data.dimensions[0]!.indicators[0]!;
    Object.assign(ind, { metric: 'key.newStartRate', name: '开工率' });
    expect(schemeProblems(data).problems.map((x) => x.code)).toEqual(['amounts_in_not_money']);
  });
});

/** One indicator scored against the best (score = value ÷ best × 10), so ranks follow the values. */
function bandData(consequences: unknown) {
  return {
    id: 'c',
    version: '1',
    name: '奖惩',
    groups: ['city'],
    total: 10,
    dimensions: [
      {
        id: 'D',
        name: '维度',
        points: 10,
        indicators: [
          {
            id: 'v',
            name: '指标',
            metric: 'v',
            direction: 'higher_better',
            points: 10,
            rule: { type: 'relative_to_best' },
          },
        ],
      },
    ],
    consequences,
  };
}

const red = { from: 1, to: 2, label: '流动红旗' };
const talk = { last: 1, label: '约谈' };

function ranked(byUnit: Record<string, number>, bands: unknown = [red, talk]) {
  const scheme = parseScheme(bandData(bands), undefined, { metrics: ANY_METRIC });
  const values = Object.fromEntries(Object.entries(byUnit).map(([u, v]) => [u, { v }]));
  return evaluate({ scheme, units: unitsOf(Object.keys(byUnit)), values });
}

describe('rank bands with consequences', () => {
  it('gives each unit the consequence of its band; units tied for last are all last', () => {
    // Ranks 1, 2, 3, 4, 4: u4 and u5 share the last place (5 − 4 − 2 + 2 = 1st from the bottom).
    const r = ranked({ u1: 5, u2: 4, u3: 3, u4: 2, u5: 2 });
    expect(r.units.map((u) => [u.code, u.rank, u.consequence ?? null])).toEqual([
      ['u1', 1, '流动红旗'],
      ['u2', 2, '流动红旗'],
      ['u3', 3, null],
      ['u4', 4, '约谈'],
      ['u5', 4, '约谈'],
    ]);
    expect('consequence' in r.units[2]!).toBe(false);
    expect(r.flags).toEqual([]);
  });

  it('puts every unit tied on the band edge in the band', () => {
    // Ranks 1, 2, 2, 4: both units tied second are in 第1–2名.
    const r = ranked({ u1: 5, u2: 4, u3: 4, u4: 1 });
    expect(r.units.map((u) => u.consequence ?? null)).toEqual(['流动红旗', '流动红旗', '流动红旗', '约谈']);
  });

  it('applies the band listed first when a small group puts a unit in two, and flags it', () => {
    const r = ranked({ u1: 5, u2: 4 });
    expect(r.units.map((u) => u.consequence)).toEqual(['流动红旗', '流动红旗']);
    expect(r.flags.map((f) => [f.code, f.unit])).toEqual([['consequence_overlap', 'u2']]);
    expect(r.flags[0]!.message).toContain('按方案先列出的「流动红旗」计');
  });

  it('leaves consequence out of every unit when the scheme declares none', () => {
    const r = evaluate({ scheme: quarterScheme(), units: unitsOf(['u1', 'u2']), values, context: {} });
    expect(r.units.some((u) => 'consequence' in u)).toBe(false);
  });

  it('applies a band with groups only in those groups', () => {
    const scheme = parseScheme(
      {
        ...bandData([
          { last: 1, label: '约谈', groups: ['city'] },
          { last: 2, label: '提醒', groups: ['direct_county'] },
        ]),
        groups: ['city', 'direct_county'],
      },
      undefined,
      { metrics: ANY_METRIC },
    );
    const units = [...unitsOf(['c1', 'c2', 'c3']), ...unitsOf(['d1', 'd2', 'd3'], 'direct_county')];
    const v = [3, 2, 1, 3, 2, 1];
    const values = Object.fromEntries(units.map((u, i) => [u.code, { v: v[i]! }]));
    const r = evaluate({ scheme, units, values });
    expect(Object.fromEntries(r.units.map((u) => [u.code, u.consequence ?? null]))).toEqual({
      c1: null,
      c2: null,
      c3: '约谈',
      d1: null,
      d2: '提醒',
      d3: '提醒',
    });
  });

  it('refuses overlapping, empty and malformed bands', () => {
    const codes = (bands: unknown) =>
      schemeProblems(bandData(bands), { metrics: ANY_METRIC }).problems.map(
        (x) => `${x.code} ${x.path.join('.')}`,
      );
    expect(codes([red, { from: 2, to: 4, label: '表扬' }])).toEqual(['consequence_overlap consequences.1']);
    expect(codes([{ from: 3, to: 2, label: '表扬' }])).toEqual(['consequence_empty consequences.0']);
    expect(codes([talk, { last: 3, label: '通报批评' }])).toEqual(['consequence_overlap consequences.1']);
    expect(
      codes([
        { from: 1, label: '表扬' },
        { from: 1, last: 2, label: '约谈' },
      ]),
    ).toEqual(['consequence_band consequences.0', 'consequence_band consequences.1']);
    expect(codes([])).toEqual(['consequence_band consequences']);
    // Bands of different groups may cover the same ranks; a group outside the scheme's is refused.
    expect(
      codes([
        { ...talk, groups: ['city'] },
        { last: 2, label: '提醒', groups: ['district'] },
      ]),
    ).toEqual(['consequence_group consequences.1.groups.0']);
    expect(
      codes([
        { ...red, groups: ['city'] },
        { from: 2, to: 3, label: '表扬', groups: ['city'] },
      ]),
    ).toEqual(['consequence_overlap consequences.1']);
    // The message names the group as people do, not by its id.
    const overlap = schemeProblems(
      bandData([
        { ...red, groups: ['city'] },
        { from: 2, to: 3, label: '表扬', groups: ['city'] },
      ]),
      { metrics: ANY_METRIC },
    ).problems[0]!.message;
    expect(overlap).toContain('（省辖市（含济源示范区）组第 1–2 名）');
    expect(overlap).not.toContain('city');
    expect(codes([red, talk])).toEqual([]);
  });
});

describe('the publish gate and quarter-only indicators', () => {
  it('counts only the cells scored in the period', () => {
    // n (the Q2/Q4 indicator's metric) is not reported at all: no matter in Q3.
    const partial: MetricValues = { u1: { m: 0.5, k: 0.75 }, u2: { m: 1, k: 0.5 } };
    const gate = (period: string) =>
      checkPublishGate({
        scheme: quarterScheme(),
        result: evaluate({
          scheme: quarterScheme(),
          units: unitsOf(['u1', 'u2']),
          values: partial,
          context: { period },
        }),
        values: partial,
        qualityErrors: new Map(),
      });
    expect(gate('2020Q3')).toMatchObject({ cells: 4, cellsWithData: 4, coverage: 1, refusals: [] });
    // In Q2 it is scored, and missing: 4 of 6 cells.
    expect(gate('2020Q2')).toMatchObject({ cells: 6, cellsWithData: 4 });
  });
});
