import { describe, expect, it } from 'vitest';
import type { RuleOf } from '../scheme-schema';
import { envOf } from '../testing/builders';
import { scoreTiers } from './tiers';

const onTime: RuleOf<'tiers'> = {
  type: 'tiers',
  tiers: [
    { threshold: 0.98, points: 6 },
    { threshold: 0.95, points: 4.5 },
    { threshold: 0.9, points: 3 },
    { threshold: 0.8, points: 1.5 },
  ],
};

describe('tiers', () => {
  const env = envOf([], { points: 6 });

  it('gives the points of the highest threshold reached', () => {
    expect(scoreTiers(onTime, 0.98, env)).toMatchObject({ score: 6, reference: { threshold: 0.98 } });
    expect(scoreTiers(onTime, 0.96, env).score).toBe(4.5);
    expect(scoreTiers(onTime, 0.8, env).score).toBe(1.5);
  });

  it('gives 0 below every tier, flagged', () => {
    expect(scoreTiers(onTime, 0.5, env)).toMatchObject({ score: 0, flags: ['no_tier'] });
  });

  it('reads thresholds as upper limits for lower-is-better', () => {
    const days: RuleOf<'tiers'> = {
      type: 'tiers',
      tiers: [
        { threshold: 10, points: 5 },
        { threshold: 20, points: 3 },
      ],
    };
    const low = envOf([], { points: 5, direction: 'lower_better' });
    expect(scoreTiers(days, 8, low).score).toBe(5);
    expect(scoreTiers(days, 15, low).score).toBe(3);
    expect(scoreTiers(days, 25, low).score).toBe(0);
  });
});
