import { describe, expect, it } from 'vitest';
import {
  amountWording,
  chineseNumeral,
  daysWording,
  quartersWording,
  rateOf,
  rateWording,
  roundThresholdBelow,
  scoreWording,
  yiWording,
} from './wording';

const YI = 100_000_000n;

describe('amounts as the seed writes them', () => {
  it('writes whole 亿元 without decimals and keeps one decimal otherwise', () => {
    expect(yiWording(153_200_000_000n)).toBe('1532亿元');
    expect(yiWording(177_150_000_000n)).toBe('1771.5亿元');
    expect(yiWording(184_700_000_000n)).toBe('1847亿元');
    // 1532.04 亿 rounds to 1532.0 → no ".0"; 1532.05 rounds half away from zero to 1532.1.
    expect(yiWording(153_204_000_000n)).toBe('1532亿元');
    expect(yiWording(153_205_000_000n)).toBe('1532.1亿元');
  });

  it('switches to 万元 below 1 亿', () => {
    expect(amountWording(10n * YI)).toBe('10亿元');
    expect(amountWording(35_000_000n)).toBe('3500万元');
    expect(amountWording(8_000n)).toBe('0.8万元');
    expect(amountWording(99_996_000n)).toBe('1亿元');
    expect(amountWording(0n)).toBe('0万元');
  });
});

describe('rates as the seed writes them', () => {
  it('matches the seed figures from their counts', () => {
    expect(rateOf(153_200_000_000n, 158_100_000_000n)).toBe('96.9%'); // 1532 / 1581 亿
    expect(rateOf(250, 253)).toBe('98.8%');
    expect(rateOf(605, 610)).toBe('99.18%');
    expect(rateOf(184_700_000_000n, 181_100_000_000n)).toBe('102%'); // 1847 / 1811 亿
  });

  it('uses two decimals from 99% to 100%, whole percent from 100%, one decimal below 99%', () => {
    expect(rateWording(0.98996)).toBe('99.0%');
    expect(rateWording(0.99)).toBe('99.00%');
    expect(rateWording(0.99175)).toBe('99.18%');
    expect(rateWording(0.99996)).toBe('99.99%'); // never "100.00%" before the plan is met
    expect(rateWording(1)).toBe('100%');
    expect(rateWording(1.0049)).toBe('100%');
    expect(rateWording(0.243)).toBe('24.3%');
    expect(rateWording(0)).toBe('0.0%');
    expect(rateWording(null)).toBe('—');
    expect(rateOf(3, 0)).toBe('—');
  });
});

describe('other wording', () => {
  it('writes scores, days, numerals and quarter lists', () => {
    expect(scoreWording(13.5)).toBe('13.5分');
    expect(scoreWording(92.345)).toBe('92.35分');
    expect(scoreWording(15)).toBe('15分');
    expect(daysWording(17.46)).toBe('17.5天');
    expect(daysWording(12)).toBe('12天');
    expect([1, 3, 10, 12, 18, 20, 21].map(chineseNumeral)).toEqual([
      '一',
      '三',
      '十',
      '十二',
      '十八',
      '二十',
      '二十一',
    ]);
    expect(quartersWording([1, 2])).toBe('第一、二季度');
    expect(quartersWording([3])).toBe('第三季度');
  });

  it('finds the round threshold for "超过200亿元的有"', () => {
    expect(roundThresholdBelow(245e8)).toBe(200e8);
    expect(roundThresholdBelow(200e8)).toBe(100e8);
    expect(roundThresholdBelow(36e8)).toBe(30e8);
    expect(roundThresholdBelow(0.5e8)).toBeNull();
  });
});
