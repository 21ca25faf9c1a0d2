import { describe, expect, it } from 'vitest';
import {
  currentReportPeriod,
  daysBetween,
  deadlineTitle,
  overduePeriod,
  periodTitle,
  reminderDue,
} from './report-period';

// Instants in UTC; China is UTC+8, so 16:00Z is already the next day there.
const at = (iso: string) => new Date(iso);

describe('the current report period', () => {
  it('is the previous month until its deadline day, in China', () => {
    const p = currentReportPeriod(at('2020-10-03T02:00:00Z'), 5);
    expect(p).toEqual({ year: 2020, month: 9, id: '2020-09', deadline: '2020-10-05', daysLeft: 2 });
    expect(currentReportPeriod(at('2020-10-05T15:59:00Z'), 5)).toMatchObject({ id: '2020-09', daysLeft: 0 });
  });

  it('moves to the month under way the day after the deadline (China midnight, not UTC)', () => {
    // 2020-10-05T16:00Z is 6 October 00:00 in China.
    expect(currentReportPeriod(at('2020-10-05T16:00:00Z'), 5)).toMatchObject({
      id: '2020-10',
      deadline: '2020-11-05',
      daysLeft: 30,
    });
  });

  it('crosses the year: December is filed in January, January of the next year after the deadline', () => {
    expect(currentReportPeriod(at('2021-01-02T00:00:00Z'), 5)).toMatchObject({
      id: '2020-12',
      deadline: '2021-01-05',
      daysLeft: 3,
    });
    expect(currentReportPeriod(at('2021-01-20T00:00:00Z'), 5)).toMatchObject({ id: '2021-01' });
    expect(overduePeriod(at('2021-01-20T00:00:00Z'), 5)).toMatchObject({ id: '2020-12', daysLeft: -15 });
  });

  it('follows the deadline-day setting, clamped to the month (31 → 28 February)', () => {
    expect(currentReportPeriod(at('2021-02-20T00:00:00Z'), 31)).toMatchObject({
      id: '2021-01',
      deadline: '2021-02-28',
      daysLeft: 8,
    });
    expect(currentReportPeriod(at('2021-03-01T00:00:00Z'), 31)).toMatchObject({ id: '2021-02' });
  });

  it('the overdue period is the month before the current one, its deadline passed', () => {
    const now = at('2020-10-03T02:00:00Z');
    expect(overduePeriod(now, 5)).toMatchObject({ id: '2020-08', deadline: '2020-09-05', daysLeft: -28 });
  });
});

describe('reminders', () => {
  it('are due from N days before the lock day to the lock day, not before, not after', () => {
    const period = (iso: string) => currentReportPeriod(at(iso), 5);
    expect(reminderDue(period('2020-10-01T02:00:00Z'), 3)).toBe(false); // 4 days left
    expect(reminderDue(period('2020-10-02T02:00:00Z'), 3)).toBe(true); // 3 days left
    expect(reminderDue(period('2020-10-05T02:00:00Z'), 3)).toBe(true); // the lock day
    expect(reminderDue(period('2020-10-06T02:00:00Z'), 3)).toBe(false); // next period, 30 days left
    expect(reminderDue(period('2020-10-05T02:00:00Z'), 0)).toBe(true);
  });
});

describe('helpers', () => {
  it('counts days and writes periods and deadlines in Chinese', () => {
    expect(daysBetween('2020-02-27', '2020-03-01')).toBe(3);
    expect(daysBetween('2020-03-01', '2020-02-27')).toBe(-3);
    expect(periodTitle({ year: 2020, month: 9 })).toBe('2020年9月');
    expect(deadlineTitle('2020-10-05')).toBe('10月5日');
  });
});
