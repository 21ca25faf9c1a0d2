import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine';
import type { RuleOf } from '../scheme-schema';
import { envOf, oneIndicatorScheme, unitsOf, valuesOf } from '../testing/builders';
import { scoreStep, stepsFrom } from './step';

type Step = RuleOf<'step'>;
const at = (t: number | null, o: Parameters<typeof envOf>[1] = {}) =>
  envOf([], { target: { value: t, source: 'value' }, ...o });

describe('step', () => {
  // "达到当地GDP增速得基本分，每超出或减少0.5个百分点，加减0.5分，此项得分最高18分"
  const gdp: Step = {
    type: 'step',
    target: { value: 0.065 },
    base: 15,
    step: 0.005,
    points_per_step: 0.5,
    rounding: 'pro_rata',
    min: 0,
    max: 18,
  };

  it('adds pro rata above the target', () => {
    // 15 + 0.5 · (0.072 − 0.065) / 0.005 = 15 + 0.5 · 1.4 = 15.7
    expect(scoreStep(gdp, 0.072, at(0.065, { points: 18 })).score).toBeCloseTo(15.7, 10);
  });

  it('counts whole steps only when asked', () => {
    // floor(1.4) = 1 step: 15 + 0.5 = 15.5
    expect(scoreStep({ ...gdp, rounding: 'whole' }, 0.072, at(0.065, { points: 18 })).score).toBeCloseTo(
      15.5,
      12,
    );
  });

  it('clamps at the maximum and flags it', () => {
    // 15 + 0.5 · (0.13 − 0.065) / 0.005 = 15 + 6.5 = 21.5 → 18
    const out = scoreStep(gdp, 0.13, at(0.065, { points: 18 }));
    expect(out.score).toBe(18);
    expect(out.flags).toEqual(['clamped_max']);
  });

  // "每低于目标值2%扣1分，最低为零分"
  const deduct: Step = {
    type: 'step',
    target: { value: 0.98 },
    base: 10,
    step: 0.02,
    points_per_step: 1,
    rounding: 'whole',
    min: 0,
  };

  it('deducts a point per whole 2 points below the target', () => {
    // (0.93 − 0.98) / 0.02 = −2.5 → −2 whole steps: 10 − 2 = 8
    expect(scoreStep(deduct, 0.93, at(0.98)).score).toBe(8);
    // (0.94 − 0.98) / 0.02 = −2 exactly (−1.9999… in floats): 10 − 2 = 8
    expect(scoreStep(deduct, 0.94, at(0.98)).score).toBe(8);
    // (0.97 − 0.98) / 0.02 = −0.5 → 0 whole steps: 10
    expect(scoreStep(deduct, 0.97, at(0.98)).score).toBe(10);
  });

  it('never goes below the minimum (最低为零分)', () => {
    // 10 − 24 = −14 → 0
    const out = scoreStep(deduct, 0.5, at(0.98));
    expect(out.score).toBe(0);
    expect(out.flags).toEqual(['clamped_min']);
  });

  it('uses different slopes above and below', () => {
    const r: Step = {
      ...deduct,
      base: 5,
      rounding: 'pro_rata',
      above: { step: 0.01, points_per_step: 1 },
      below: { step: 0.01, points_per_step: 2 },
    };
    // 5 + 1 · (0.83 − 0.80) / 0.01 = 8
    expect(scoreStep(r, 0.83, at(0.8)).score).toBeCloseTo(8, 10);
    // 5 − 2 · (0.80 − 0.78) / 0.01 = 1
    expect(scoreStep(r, 0.78, at(0.8)).score).toBeCloseTo(1, 10);
  });

  it('measures the good direction for lower-is-better', () => {
    const days: Step = {
      type: 'step',
      target: { value: 20 },
      base: 5,
      step: 1,
      points_per_step: 0.5,
      rounding: 'pro_rata',
      min: 0,
    };
    // 5 + 0.5 · (20 − 16) / 1 = 7
    expect(scoreStep(days, 16, at(20, { direction: 'lower_better' })).score).toBe(7);
    // 5 − 0.5 · (30 − 20) = 0
    expect(scoreStep(days, 30, at(20, { direction: 'lower_better' })).score).toBe(0);
  });

  it('does not score without a target', () => {
    expect(scoreStep(deduct, 0.9, at(null))).toMatchObject({
      score: 0,
      scored: false,
      flags: ['target_missing'],
    });
  });

  it('truncates whole steps toward zero on both sides', () => {
    expect(stepsFrom(0.039999999, 0.02, 'whole')).toBe(1);
    expect(stepsFrom(-0.039999999, 0.02, 'whole')).toBe(-1);
    expect(stepsFrom(0.03, 0.02, 'pro_rata')).toBeCloseTo(1.5, 12);
  });

  it('can take the group average as the comparator', () => {
    const scheme = oneIndicatorScheme({
      metric: 'key.newStartRate',
      rule: {
        type: 'step',
        target: { comparator: 'mean' },
        base: 8,
        step: 0.01,
        points_per_step: 0.5,
        max: 10,
      },
    });
    const res = evaluate({
      scheme,
      units: unitsOf(['a', 'b', 'c']),
      values: valuesOf('key.newStartRate', { a: 0.9, b: 0.95, c: 1.0 }),
    });
    const score = (code: string) => res.units.find((u) => u.code === code)!.indicators[0]!.score;
    // mean 0.95; a: 8 − 0.5 · 5 = 5.5; b: 8; c: 8 + 2.5 = 10.5 → 10
    expect(score('a')).toBeCloseTo(5.5, 10);
    expect(score('b')).toBeCloseTo(8, 10);
    expect(score('c')).toBe(10);
    const a = res.units.find((u) => u.code === 'a')!.indicators[0]!;
    expect(a.explanation).toBe(
      '指标 90.0%，比全组平均 95.0% 低 5.0 个百分点，基本分 8 分，每低 1.0 个百分点减 0.5 分，得 5.50 分（满分 10 分）',
    );
  });
});
