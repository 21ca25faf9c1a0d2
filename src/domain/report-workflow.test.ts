import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  EMPTY_REPORT,
  isEditable,
  isFillable,
  isLocked,
  prefillFrom,
  unchangedFields,
} from './report-workflow';

const previous = {
  year: 2020,
  investYtd: 700n,
  started: true,
  startDate: '2020-03-01',
  completed: false,
  completionDate: null,
  progressNote: '主体结构施工',
  problems: null,
};

describe('report workflow rules', () => {
  it('locks a month after the deadline day of the next month, in China’s calendar', () => {
    // 2020-10-05 23:59 in Beijing is 15:59 UTC: still on time; an hour later (UTC+8) it is the 6th.
    expect(isLocked(2020, 9, new Date('2020-10-05T15:59:00Z'), 5, true)).toBe(false);
    expect(isLocked(2020, 9, new Date('2020-10-05T16:00:00Z'), 5, true)).toBe(true);
    expect(isLocked(2020, 9, new Date('2020-10-05T16:00:00Z'), 5, false)).toBe(false);
    expect(isLocked(2020, 12, new Date('2021-01-10T00:00:00Z'), 10, true)).toBe(false);
    expect(chinaDate(new Date('2020-12-31T17:00:00Z'))).toBe('2021-01-01');
  });

  it('lets the filler edit drafts and returned reports only', () => {
    expect(['draft', 'submitted', 'approved', 'returned'].map((s) => isEditable(s as never))).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('refuses a month that has not started', () => {
    expect(isFillable(2020, 10, new Date('2020-10-01T00:00:00Z'))).toBe(true);
    expect(isFillable(2020, 11, new Date('2020-10-31T00:00:00Z'))).toBe(false);
  });

  it('carries the cumulative amount within the year, status and text, and flags what it carried', () => {
    expect(prefillFrom(previous, 2020)).toEqual({
      values: {
        investYtd: 700n,
        started: true,
        startDate: '2020-03-01',
        completed: false,
        completionDate: null,
        progressNote: '主体结构施工',
        problems: null,
      },
      carried: ['investYtd', 'started', 'startDate', 'progressNote'],
    });
    const january = prefillFrom(previous, 2021);
    expect(january.values.investYtd).toBe(0n);
    expect(january.carried).toEqual(['started', 'startDate', 'progressNote']);
    expect(prefillFrom(null, 2020)).toEqual({ values: EMPTY_REPORT, carried: [] });
  });

  it('marks the fields unchanged since last month', () => {
    const current = {
      ...EMPTY_REPORT,
      investYtd: 900n,
      started: true,
      startDate: '2020-03-01',
      progressNote: '主体结构施工',
    };
    expect(unchangedFields(current, previous)).toEqual([
      'started',
      'startDate',
      'completed',
      'completionDate',
      'progressNote',
      'problems',
    ]);
    expect(unchangedFields(current, null)).toEqual([]);
  });
});
