import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine';
import type { RuleOf } from '../scheme-schema';
import { envOf, oneIndicatorScheme, unitsOf } from '../testing/builders';
import { scoreRatioToTarget } from './ratio-to-target';

const rule = (cap = 1): RuleOf<'ratio_to_target'> => ({
  type: 'ratio_to_target',
  target: { value: 0.75 },
  cap,
});
const target = (value: number | null) => ({ target: { value, source: 'value' as const } });

describe('ratio_to_target', () => {
  it('gives full points when the target is met (cap 1)', () => {
    // 10 · min(0.92 / 0.75, 1) = 10
    const out = scoreRatioToTarget(rule(), 0.92, envOf([], target(0.75)));
    expect(out.score).toBe(10);
    expect(out.flags).toContain('capped');
  });

  it('scores pro rata below the target', () => {
    // 10 · 0.6 / 0.75 = 8
    expect(scoreRatioToTarget(rule(), 0.6, envOf([], target(0.75))).score).toBeCloseTo(8, 12);
  });

  it('allows a cap above 1', () => {
    // 10 · min(1.0 / 0.75, 1.2) = 10 · 1.2 = 12
    expect(scoreRatioToTarget(rule(1.2), 1.0, envOf([], target(0.75))).score).toBeCloseTo(12, 12);
    // 10 · min(0.84 / 0.75, 1.2) = 10 · 1.12 = 11.2
    expect(scoreRatioToTarget(rule(1.2), 0.84, envOf([], target(0.75))).score).toBeCloseTo(11.2, 12);
  });

  it('does not score a missing target, and flags it', () => {
    const out = scoreRatioToTarget(rule(), 0.6, envOf([], target(null)));
    expect(out).toMatchObject({ score: 0, scored: false, flags: ['target_missing'] });
  });

  it('does not score a target ≤ 0, and flags it', () => {
    for (const t of [0, -1]) {
      const out = scoreRatioToTarget(rule(), 0.6, envOf([], target(t)));
      expect(out).toMatchObject({ score: 0, scored: false, flags: ['target_nonpositive'] });
    }
  });

  it('gives 0 to a negative value', () => {
    const out = scoreRatioToTarget(rule(), -0.2, envOf([], target(0.75)));
    expect(out).toMatchObject({ score: 0, scored: true, flags: ['negative_value'] });
  });

  it('turns the ratio round for lower-is-better', () => {
    const env = envOf([], { ...target(20), direction: 'lower_better' });
    // 10 · 20 / 25 = 8
    expect(scoreRatioToTarget(rule(), 25, env).score).toBeCloseTo(8, 12);
    // 10 · min(20 / 16, 1) = 10
    expect(scoreRatioToTarget(rule(), 16, env).score).toBe(10);
    // 0 days beats any positive target: the cap
    expect(scoreRatioToTarget(rule(), 0, env).score).toBe(10);
  });
});

describe('ratio_to_target targets in the engine', () => {
  const units = unitsOf(['a', 'b', 'c']);

  it('reads the target from another metric of the same unit', () => {
    const scheme = oneIndicatorScheme({
      metric: 'key.investYtd',
      rule: { type: 'ratio_to_target', target: { metric: 'key.annualTarget' } },
    });
    const values = {
      a: { 'key.investYtd': 1.2e9, 'key.annualTarget': 1.6e9 },
      b: { 'key.investYtd': 2e9, 'key.annualTarget': 1e9 },
      c: { 'key.investYtd': 1e9, 'key.annualTarget': null },
    };
    const res = evaluate({ scheme, units, values });
    const by = Object.fromEntries(res.units.map((u) => [u.code, u.indicators[0]!]));
    // 10 · 1.2e9 / 1.6e9 = 7.5
    expect(by.a!.score).toBeCloseTo(7.5, 12);
    expect(by.a!.reference).toMatchObject({
      target: 1.6e9,
      targetSource: 'metric',
      targetMetric: 'key.annualTarget',
    });
    // 10 · min(2, 1) = 10
    expect(by.b!.score).toBe(10);
    // target missing: not scored, flagged
    expect(by.c).toMatchObject({ score: 0, scored: false, flags: ['target_missing'] });
    expect(res.units[0]!.values).toHaveProperty('key.annualTarget');
  });

  it('uses the time progress from the context', () => {
    const scheme = oneIndicatorScheme({
      rule: { type: 'ratio_to_target', target: { context: 'timeProgress' } },
    });
    const values = { a: { m: 0.6 }, b: { m: 0.8 }, c: { m: 0.75 } };
    const res = evaluate({ scheme, units, values, context: { timeProgress: 0.75 } });
    const score = (code: string) => res.units.find((u) => u.code === code)!.indicators[0]!.score;
    // 10 · 0.6 / 0.75 = 8
    expect(score('a')).toBeCloseTo(8, 12);
    expect(score('b')).toBe(10);
    expect(score('c')).toBe(10);
  });

  it('flags a missing time progress and scores nobody', () => {
    const scheme = oneIndicatorScheme({
      rule: { type: 'ratio_to_target', target: { context: 'timeProgress' } },
    });
    const res = evaluate({ scheme, units, values: { a: { m: 0.6 }, b: { m: 0.8 }, c: { m: 0.7 } } });
    expect(res.flags.map((f) => f.code)).toContain('context_missing');
    expect(res.units.every((u) => u.indicators[0]!.scored === false && u.base === 0)).toBe(true);
    // in words, without the scheme file's key (timeProgress) or any other identifier
    const flag = res.flags.find((f) => f.code === 'context_missing')!;
    expect(flag.message).toBe('指标：未提供时序进度，此项不计分');
    const texts = [flag.message, ...res.units.map((u) => u.indicators[0]!.explanation)];
    expect(texts.filter((text) => /[a-z][A-Za-z]*[A-Z_][A-Za-z_]*/.test(text))).toEqual([]);
  });

  it('can use the group mean as the target', () => {
    const scheme = oneIndicatorScheme({ rule: { type: 'ratio_to_target', target: { comparator: 'mean' } } });
    const res = evaluate({ scheme, units, values: { a: { m: 0.6 }, b: { m: 0.8 }, c: { m: 1.0 } } });
    const a = res.units.find((u) => u.code === 'a')!.indicators[0]!;
    // mean = (0.6 + 0.8 + 1.0) / 3 = 0.8; 10 · 0.6 / 0.8 = 7.5
    expect(a.reference.target).toBeCloseTo(0.8, 12);
    expect(a.score).toBeCloseTo(7.5, 12);
  });
});
