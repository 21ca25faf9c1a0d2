// The web prints a total exactly as the engine ranks it (src/domain/evaluation/rank.ts): a tie in the
// table is a tie in the ranking, and two totals printed differently never share a rank.
import { describe, expect, it } from 'vitest';
import { scoreText as published } from '../../../src/domain/evaluation/rank';
import { scoreText } from './evaluation-score';

describe('scoreText', () => {
  it('rounds as the ranking does, near ties included', () => {
    expect(scoreText(89.995)).toBe('90.00');
    expect(scoreText(89.994999)).toBe('89.99');
    expect(scoreText(1.005)).toBe('1.01');
    expect(scoreText(-1.005)).toBe('-1.01');
    expect(scoreText(-0.001)).toBe('0.00');
    expect(scoreText(null)).toBe('—');
  });

  it('agrees with the engine on many totals', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 20_000; i++) {
      const x = Math.round(random() * 1e6) / 1e4 - 10; // 4 decimals: many exact halves at the 3rd
      expect(scoreText(x), String(x)).toBe(published(x));
      const y = (random() * 120) / 3;
      expect(scoreText(y), String(y)).toBe(published(y));
    }
  });
});
