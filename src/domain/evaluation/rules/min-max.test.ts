import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine';
import { envOf, oneIndicatorScheme, unitsOf, valuesOf } from '../testing/builders';
import { scoreMinMax } from './min-max';

describe('min_max', () => {
  it('maps min → 0 and max → P linearly', () => {
    const env = envOf([10, 20, 30], { points: 6 });
    expect(scoreMinMax(10, env).score).toBe(0);
    // 6 · (20 − 10) / (30 − 10) = 3
    expect(scoreMinMax(20, env).score).toBe(3);
    expect(scoreMinMax(30, env).score).toBe(6);
  });

  it('reverses for lower-is-better', () => {
    const env = envOf([10, 20, 30], { points: 6, direction: 'lower_better' });
    expect(scoreMinMax(10, env).score).toBe(6);
    // 6 · (30 − 25) / (30 − 10) = 1.5
    expect(scoreMinMax(25, env).score).toBe(1.5);
  });

  it('gives everyone P when all values are equal, flagged', () => {
    const out = scoreMinMax(7, envOf([7, 7, 7], { points: 6 }));
    expect(out).toMatchObject({ score: 6, flags: ['all_equal'] });
    const res = evaluate({
      scheme: oneIndicatorScheme({ rule: { type: 'min_max' }, points: 6 }),
      units: unitsOf(['a', 'b']),
      values: valuesOf('m', { a: 7, b: 7 }),
    });
    expect(res.units.map((u) => u.base)).toEqual([6, 6]);
    expect(res.flags.map((f) => f.code)).toEqual(['all_equal']);
  });
});
