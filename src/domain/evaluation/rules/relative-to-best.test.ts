import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine';
import { envOf, oneIndicatorScheme, unitsOf, valuesOf } from '../testing/builders';
import { scoreRelativeToBest } from './relative-to-best';

describe('relative_to_best, higher is better', () => {
  const env = envOf([200, 150, 50], { points: 4 });

  it('gives the best full points and the rest pro rata', () => {
    expect(scoreRelativeToBest(200, env).score).toBe(4);
    // 4 · 150 / 200 = 3
    expect(scoreRelativeToBest(150, env).score).toBe(3);
    // 4 · 50 / 200 = 1
    expect(scoreRelativeToBest(50, env).score).toBe(1);
    expect(scoreRelativeToBest(150, env).reference.best).toBe(200);
  });

  it('gives everyone 0 when the best is ≤ 0, flagged', () => {
    const zero = envOf([0, 0, -1], { points: 4 });
    for (const x of [0, -1])
      expect(scoreRelativeToBest(x, zero)).toMatchObject({ score: 0, flags: ['best_nonpositive'] });
  });

  it('gives a negative value 0', () => {
    expect(scoreRelativeToBest(-10, envOf([-10, 20]))).toMatchObject({ score: 0, flags: ['negative_value'] });
  });
});

describe('relative_to_best, lower is better', () => {
  it('gives the lowest full points and the rest min / x', () => {
    const env = envOf([5, 10, 20], { points: 5, direction: 'lower_better' });
    expect(scoreRelativeToBest(5, env).score).toBe(5);
    // 5 · 5 / 10 = 2.5
    expect(scoreRelativeToBest(10, env).score).toBe(2.5);
    // 5 · 5 / 20 = 1.25
    expect(scoreRelativeToBest(20, env).score).toBe(1.25);
  });

  it('gives x = 0 zero points and compares the rest with the lowest positive value', () => {
    const env = envOf([0, 5, 10], { points: 5, direction: 'lower_better' });
    expect(scoreRelativeToBest(0, env)).toMatchObject({ score: 0, flags: ['zero_lower_better'] });
    expect(scoreRelativeToBest(5, env).score).toBe(5);
    // 5 · 5 / 10 = 2.5
    expect(scoreRelativeToBest(10, env).score).toBe(2.5);
  });

  it('gives everyone 0 when no value is positive', () => {
    const env = envOf([0, 0], { direction: 'lower_better' });
    expect(scoreRelativeToBest(0, env).score).toBe(0);
  });
});

describe('relative_to_best in the engine', () => {
  it('reports "max ≤ 0, all units 0" once per group as a result flag', () => {
    const scheme = oneIndicatorScheme({ rule: { type: 'relative_to_best' } });
    const res = evaluate({
      scheme,
      units: [...unitsOf(['a', 'b']), ...unitsOf(['c1'], 'direct_county')],
      values: valuesOf('m', { a: 0, b: 0, c1: 5 }),
    });
    const flags = res.flags.filter((f) => f.code === 'best_nonpositive');
    expect(flags).toEqual([
      {
        code: 'best_nonpositive',
        group: 'city',
        indicator: 'i',
        message: '指标：省辖市（含济源示范区）组最高值不大于 0，此项均记 0 分',
      },
    ]);
    expect(res.units.find((u) => u.code === 'c1')!.base).toBe(10);
  });
});
