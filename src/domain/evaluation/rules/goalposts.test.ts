import { describe, expect, it } from 'vitest';
import type { RuleOf } from '../scheme-schema';
import { envOf } from '../testing/builders';
import { scoreGoalposts } from './goalposts';

const posts = (lower: number, upper: number): RuleOf<'goalposts'> => ({ type: 'goalposts', lower, upper });

describe('goalposts', () => {
  it('interpolates between the posts and clamps outside', () => {
    const env = envOf([], { points: 4 });
    // 4 · (0.3 − 0) / (0.5 − 0) = 2.4
    expect(scoreGoalposts(posts(0, 0.5), 0.3, env).score).toBeCloseTo(2.4, 12);
    expect(scoreGoalposts(posts(0, 0.5), 0.7, env)).toMatchObject({ score: 4, flags: ['capped'] });
    expect(scoreGoalposts(posts(0, 0.5), -0.1, env)).toMatchObject({ score: 0, flags: ['floored'] });
  });

  it('measures down from the upper post for lower-is-better', () => {
    // 4 · (25 − 10) / (25 − 5) = 3
    expect(scoreGoalposts(posts(5, 25), 10, envOf([], { points: 4, direction: 'lower_better' })).score).toBe(
      3,
    );
  });
});
