// A ratio whose denominator is zero is not a missing report: the scheme says what it scores
// (zero_denominator: full | neutral | zero), the explanation says which applied, and "未报送" is
// kept for a unit that really sent nothing.
import { describe, expect, it } from 'vitest';
import { neutralFactors } from './aggregate';
import { evaluate } from './engine';
import { makeRankModel, totalsOf } from './fast-model';
import { planIndicators } from './plan';
import { prepare } from './prepare';
import { parseScheme, type SchemeInput } from './scheme';
import { scoreColumn } from './score-column';
import type { EvaluationInput } from './types';

type Mode = 'full' | 'neutral' | 'zero' | undefined;

function scheme(mode: Mode, extra: Partial<SchemeInput> = {}, rateAlone = false) {
  const rate = {
    id: 'start_rate',
    name: '开工率',
    metric: 'key.newStartRate',
    direction: 'higher_better' as const,
    points: 6,
    rule: { type: 'ratio_to_target' as const, target: 0.8 },
    ...(mode ? { zero_denominator: mode } : {}),
  };
  const started = {
    id: 'started',
    name: '已开工项目',
    metric: 'key.newStarted',
    direction: 'higher_better' as const,
    points: 4,
    rule: { type: 'relative_to_best' as const },
  };
  return parseScheme({
    id: 'zd',
    version: '1',
    name: '分母为零',
    groups: ['city'],
    total: 20,
    dimensions: [
      rateAlone
        ? { id: 'progress', name: '进度', points: 10, indicators: [{ ...rate, points: 10 }] }
        : { id: 'progress', name: '进度', points: 10, indicators: [rate, started] },
      {
        id: 'planning',
        name: '储备',
        points: 10,
        indicators: [
          {
            id: 'reserve',
            name: '储备项目数',
            metric: 'reserve.count',
            direction: 'higher_better',
            points: 10,
            rule: { type: 'relative_to_best' },
          },
        ],
      },
    ],
    ...extra,
  });
}

const units = [
  { code: 'a', name: '甲市', group: 'city' },
  { code: 'b', name: '乙市', group: 'city' },
  { code: 'c', name: '丙市', group: 'city' },
];

// a: 4 of 5 planned starts (80%), 4 started, 10 reserve projects.
// b: no planned new start (rate null, denominator 0), 2 started, 5 reserve projects.
// c: sent nothing for the rate (no denominator either), 0 started, 10 reserve projects.
const values = {
  a: { 'key.newStartRate': 0.8, 'key.plannedNewStarts': 5, 'key.newStarted': 4, 'reserve.count': 10 },
  b: { 'key.newStartRate': null, 'key.plannedNewStarts': 0, 'key.newStarted': 2, 'reserve.count': 5 },
  c: { 'key.newStartRate': null, 'key.newStarted': 0, 'reserve.count': 10 },
};

function run(mode: Mode, extra: Partial<SchemeInput> = {}, rateAlone = false) {
  const input: EvaluationInput = { scheme: scheme(mode, extra, rateAlone), units, values };
  return { input, result: evaluate(input) };
}

const unit = (r: ReturnType<typeof evaluate>, code: string) => r.units.find((u) => u.code === code)!;
const rate = (r: ReturnType<typeof evaluate>, code: string) =>
  unit(r, code).indicators.find((i) => i.id === 'start_rate')!;

describe('zero denominator', () => {
  it('defaults to 0 points, says so, and keeps "未报送" for the unit that sent nothing', () => {
    const { result } = run(undefined);
    const b = rate(result, 'b');
    expect(b).toMatchObject({ score: 0, missing: false, fill: 'none', flags: ['zero_denominator_zero'] });
    expect(b.explanation).toBe(
      '开工率无法计算：分母为零（计划新开工项目为 0），按 0 分计，得 0.00 分（满分 6 分）',
    );
    const c = rate(result, 'c');
    expect(c).toMatchObject({ score: 0, missing: true, fill: 'zero', flags: ['missing_zero'] });
    expect(c.explanation).toBe('开工率未报送，按缺失值记 0 分（满分 6 分）');
    // Declared `zero` is the default, spelled out.
    expect(run('zero').result.units.map((u) => u.adjusted)).toEqual(result.units.map((u) => u.adjusted));
  });

  it('full: the indicator earns its points', () => {
    const { result } = run('full');
    const b = rate(result, 'b');
    expect(b).toMatchObject({ score: 6, points: 6, missing: false, flags: ['zero_denominator_full'] });
    expect(b.explanation).toBe(
      '开工率无法计算：分母为零（计划新开工项目为 0），按满分计，得 6.00 分（满分 6 分）',
    );
    // b: 6 + 4 × 2/4 + 10 × 5/10 = 13; c still 0 for the rate.
    expect(unit(result, 'b').adjusted).toBeCloseTo(13, 12);
    expect(rate(result, 'c').score).toBe(0);
  });

  it('neutral: the indicator is left out and its points go to the dimension’s other indicators', () => {
    const { result } = run('neutral');
    const b = unit(result, 'b');
    const [r, started, reserve] = b.indicators;
    expect(r).toMatchObject({ score: 0, points: 0, flags: ['zero_denominator_neutral'] });
    expect(r!.explanation).toContain('分母为零（计划新开工项目为 0），按不参评计');
    // started: 4 × 2/4 = 2 of 4, × 10/4 → 5 of 10; the other dimension is untouched.
    expect(started!.points).toBeCloseTo(10, 12);
    expect(started!.score).toBeCloseTo(5, 12);
    expect(reserve).toMatchObject({ score: 5, points: 10 });
    expect(b.dimensions.map((d) => [d.id, d.points])).toEqual([
      ['progress', 10],
      ['planning', 10],
    ]);
    expect(b.adjusted).toBeCloseTo(10, 12);
    // a is unaffected: 6 + 4 + 10.
    expect(unit(result, 'a').adjusted).toBeCloseTo(20, 12);
  });

  it('neutral with nothing left in the dimension spreads its points over the other dimensions', () => {
    const { result } = run('neutral', {}, true);
    const b = unit(result, 'b');
    // reserve: 10 × 5/10 = 5 of 10, × 20/10 → 10 of 20.
    expect(b.indicators[1]).toMatchObject({ points: 20, score: 10 });
    expect(b.adjusted).toBeCloseTo(10, 12);
  });

  it('is not filled with the group mean under missing_policy group_mean', () => {
    const { result } = run(undefined, { missing_policy: 'group_mean' });
    expect(rate(result, 'b')).toMatchObject({ score: 0, fill: 'none', flags: ['zero_denominator_zero'] });
    expect(rate(result, 'c')).toMatchObject({ fill: 'group_mean', value: 0.8 });
  });

  it('gives the fast model (sensitivity, what-it-takes) the same totals as evaluate()', () => {
    for (const mode of ['full', 'neutral', 'zero'] as const)
      for (const alone of [false, true]) {
        const { input, result } = run(mode, {}, alone);
        const prep = prepare(input);
        const plan = planIndicators(input.scheme, {});
        const raw = plan.map(
          (p) => scoreColumn(prep, p.indicator, { rule: p.rule, policy: 'zero', scope: p.scope }).scores,
        );
        const zeros = new Float64Array(prep.units.length);
        const fast = totalsOf(
          makeRankModel(prep, 'arithmetic'),
          raw,
          plan.map((p) => p.weight),
          zeros,
          zeros,
        );
        const byCode = Object.fromEntries(result.units.map((u) => [u.code, u.adjusted]));
        expect([...fast.totals]).toEqual(prep.units.map((u) => byCode[u.code]));
      }
  });
});

describe('neutralFactors', () => {
  it('is null when nothing is left out', () => {
    expect(neutralFactors([0, 0, 1], [6, 4, 10], () => false)).toBeNull();
  });

  it('moves a left-out indicator’s points inside its dimension (hand-checked)', () => {
    // dimension 0: 6 + 4 + 5 = 15 points, the 6 left out → the others × 15/9.
    const f = neutralFactors([0, 0, 0, 1], [6, 4, 5, 10], (k) => k === 0)!;
    expect([...f].map((x) => Math.round(x * 1e12) / 1e12)).toEqual([0, 1.666666666667, 1.666666666667, 1]);
  });

  it('moves a whole dimension’s points to the other dimensions', () => {
    // dimension 0 (10) entirely left out: the 10 + 20 left over carry 40 → × 4/3.
    const f = neutralFactors([0, 1, 2], [10, 10, 20], (k) => k === 0)!;
    expect([...f].map((x) => Math.round(x * 1e12) / 1e12)).toEqual([0, 1.333333333333, 1.333333333333]);
  });
});
