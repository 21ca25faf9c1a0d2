// 万元 ↔ 元 without binary floats: every amount a user can type converts exactly and back.
import { describe, expect, it } from 'vitest';
import { wanToYuan, yuanToWan } from './wan';

describe('万元 amounts', () => {
  it('converts typed 万元 to 元 exactly', () => {
    expect(wanToYuan('12.3456')).toBe('123456');
    expect(wanToYuan('0.1')).toBe('1000');
    expect(wanToYuan(' 1,234.5 ')).toBe('12345000');
    expect(wanToYuan('0')).toBe('0');
    // 0.1 + 0.2 style traps: 1.1 万元 is 11000 元, not 11000.000000000002.
    expect(wanToYuan('1.1')).toBe('11000');
    expect(wanToYuan('90071992547409.9999')).toBe('900719925474099999');
  });

  it('refuses what is not a non-negative amount with at most 4 decimals', () => {
    for (const text of ['', '-5', '1.23456', 'abc', '1e5', '.5', '1.'])
      expect(wanToYuan(text), text).toBeNull();
  });

  it('shows 元 in 万元 without rounding', () => {
    expect(yuanToWan('123456')).toBe('12.3456');
    expect(yuanToWan('10000')).toBe('1');
    expect(yuanToWan('1')).toBe('0.0001');
    expect(yuanToWan(null)).toBe('');
    expect(yuanToWan('900719925474099999')).toBe('90071992547409.9999');
    for (const yuan of ['0', '5', '120000', '987654321']) expect(wanToYuan(yuanToWan(yuan))).toBe(yuan);
  });
});
