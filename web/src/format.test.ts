import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDate,
  formatMonth,
  formatPercent,
  formatPeriod,
  formatQuarter,
  formatWan,
  formatWanCell,
  formatYi,
  roundedString,
  toYuan,
} from './format';

describe('money', () => {
  it('reads amounts in 元 from numbers and decimal strings, exactly past 2^53', () => {
    expect(toYuan(1234)).toBe(1234n);
    expect(toYuan('123456789012345678')).toBe(123456789012345678n);
    expect(toYuan(null)).toBeNull();
    expect(toYuan(1.5)).toBeNull();
    expect(toYuan('12.5')).toBeNull();
  });

  it('rounds half away from zero like src/domain/money.ts', () => {
    expect(roundedString(15_000n, 10_000n, 0)).toBe('2');
    expect(roundedString(-15_000n, 10_000n, 0)).toBe('-2');
    expect(roundedString(14_999n, 10_000n, 0)).toBe('1');
    expect(roundedString(-1n, 10_000n, 2)).toBe('0.00');
  });

  it('shows 万元 and 亿元', () => {
    // A table cell under a 万元 header: exact, always two decimals, no unit; 亿 never mixed in.
    expect(formatWanCell('235000000')).toBe('23500.00');
    expect(formatWanCell('47260000')).toBe('4726.00');
    expect(formatWanCell('12345678')).toBe('1234.57');
    expect(formatWanCell(-50)).toBe('-0.01');
    expect(formatWanCell(null)).toBe('—');
    expect(formatWan(123_456_789n)).toBe('12345.68万元');
    expect(formatYi(153_200_000_000n)).toBe('1532.0亿元');
    expect(formatAmount('153200000000')).toBe('1532.0亿元');
    expect(formatAmount(250_000_000)).toBe('2.50亿元');
    expect(formatAmount(1_234_567)).toBe('123万元');
    expect(formatAmount(12_345)).toBe('1.23万元');
    expect(formatAmount(null)).toBe('—');
  });

  it('keeps every digit of an amount beyond 2^53', () => {
    // 9007199254740993 元 is not a double; as a string it stays exact.
    expect(formatWan(toYuan('9007199254740993')!, 4)).toBe('900719925474.0993万元');
  });

  it('shows CNY millions and billions in English', () => {
    expect(formatAmount(153_200_000_000, 'en')).toBe('CNY 153.20 bn');
    expect(formatAmount(12_345_678, 'en')).toBe('CNY 12.35 m');
  });
});

describe('dates and periods', () => {
  it('writes Chinese month and quarter forms', () => {
    expect(formatMonth(2020, 9)).toBe('2020年9月');
    expect(formatQuarter(2020, 3)).toBe('2020年第三季度');
    expect(formatPeriod('2020-09')).toBe('2020年1-9月');
    expect(formatPeriod('2020-01')).toBe('2020年1月');
    expect(formatPeriod('2020Q3')).toBe('2020年第三季度');
    expect(formatPeriod('2020')).toBe('2020年');
    expect(formatDate('2020-09-05')).toBe('2020年9月5日');
  });

  it('writes English forms', () => {
    expect(formatMonth(2020, 9, 'en')).toBe('Sep 2020');
    expect(formatPeriod('2020-09', 'en')).toBe('Jan–Sep 2020');
    expect(formatPeriod('2020Q3', 'en')).toBe('Q3 2020');
  });

  it('shows rates as percentages', () => {
    expect(formatPercent(0.8153)).toBe('81.5%');
    expect(formatPercent(null)).toBe('—');
  });
});
