import { describe, expect, it } from 'vitest';
import { defaultPeriods, type ReportMonthCount } from './default-period';

const count = (year: number, month: number, submitted: number, pending = 0): ReportMonthCount => ({
  year,
  month,
  submitted,
  pending,
});
// 2020-12-10 10:00 in China.
const DEC_10 = new Date('2020-12-10T02:00:00Z');

describe('defaultPeriods', () => {
  it('takes the latest closed month with submitted reports', () => {
    const result = defaultPeriods([count(2020, 10, 50), count(2020, 9, 60), count(2020, 11, 40)], DEC_10);
    expect(result.month).toBe('2020-11');
    expect(result.quarter).toBe('2020Q3');
    expect(result.year).toBe('2020');
    expect(result.months.map((m) => m.period)).toEqual(['2020-09', '2020-10', '2020-11']);
  });

  it('is not moved by a draft for the month under way, nor by a closed month with only drafts', () => {
    const counts = [count(2020, 9, 60), count(2020, 10, 0, 3), count(2020, 12, 0, 1)];
    const result = defaultPeriods(counts, DEC_10);
    expect(result.month).toBe('2020-09');
    expect(result.quarter).toBe('2020Q3');
    expect(result.months.find((m) => m.period === '2020-12')).toMatchObject({
      closed: false,
      hasData: false,
    });
    expect(result.months.find((m) => m.period === '2020-10')).toMatchObject({ closed: true, hasData: false });
  });

  it('does not count a submitted report for the month still under way', () => {
    expect(defaultPeriods([count(2020, 11, 5), count(2020, 12, 9)], DEC_10).month).toBe('2020-11');
  });

  it('takes the month as over from the first day of the next one in China (UTC+8), not UTC', () => {
    // 2020-12-01 07:00 in China is still 2020-11-30 in UTC.
    const early = new Date('2020-11-30T23:00:00Z');
    expect(defaultPeriods([count(2020, 11, 5)], early).month).toBe('2020-11');
    expect(defaultPeriods([count(2020, 11, 5)], new Date('2020-11-30T15:59:00Z')).month).toBeNull();
  });

  it('answers null when nothing was ever submitted', () => {
    expect(defaultPeriods([], DEC_10)).toEqual({ month: null, quarter: null, year: null, months: [] });
    expect(defaultPeriods([count(2020, 3, 0, 8)], DEC_10)).toMatchObject({ month: null, quarter: null });
  });

  it('crosses years: a January after a December', () => {
    const result = defaultPeriods([count(2020, 12, 10), count(2021, 1, 4)], new Date('2021-02-03T00:00:00Z'));
    expect(result).toMatchObject({ month: '2021-01', quarter: '2020Q4', year: '2021' });
  });
});
