import { describe, expect, it } from 'vitest';
import { parseKind, parsePoints } from './entries';

describe('parsePoints', () => {
  it('keeps points as exact decimal text with two places', () => {
    expect(parsePoints('2.5')).toEqual({ ok: true, points: '2.50' });
    expect(parsePoints(' 0.1 ')).toEqual({ ok: true, points: '0.10' });
    expect(parsePoints('１．５')).toEqual({ ok: true, points: '1.50' });
    expect(parsePoints(0.3)).toEqual({ ok: true, points: '0.30' });
    expect(parsePoints('007')).toEqual({ ok: true, points: '7.00' });
    expect(parsePoints('999999.99')).toEqual({ ok: true, points: '999999.99' });
  });

  it('refuses zero, negatives, more than two decimals and anything else', () => {
    expect(parsePoints('0')).toMatchObject({ ok: false, reason: expect.stringMatching(/大于 0/) });
    expect(parsePoints('0.00')).toMatchObject({ ok: false });
    expect(parsePoints('-1')).toMatchObject({ ok: false, reason: expect.stringMatching(/正数/) });
    expect(parsePoints('2.555')).toMatchObject({ ok: false, reason: expect.stringMatching(/两位小数/) });
    expect(parsePoints(0.1 + 0.2)).toMatchObject({ ok: false });
    for (const bad of ['', 'abc', '1e3', '1,5', '1000000', Number.NaN, Number.POSITIVE_INFINITY])
      expect(parsePoints(bad).ok, String(bad)).toBe(false);
  });
});

describe('parseKind', () => {
  it('reads Chinese and English kinds', () => {
    expect(['加分', 'bonus', '加'].map(parseKind)).toEqual(['bonus', 'bonus', 'bonus']);
    expect(['扣分', 'penalty', '减分'].map(parseKind)).toEqual(['penalty', 'penalty', 'penalty']);
    expect(parseKind('奖励')).toBeNull();
  });
});
