import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, fromDay, monthEnd, reportDeadline, toDay } from './dates.js';

describe('demo date arithmetic', () => {
  it('agrees with Date on every day from 1967 to 2079', () => {
    for (let day = -1_000; day < 40_000; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (fromDay(day) !== iso || toDay(iso) !== day) expect({ day, iso, got: fromDay(day) }).toBeNull();
    }
  });

  it('knows month lengths, month ends and the report deadline', () => {
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(monthEnd(2020, 9)).toBe('2020-09-30');
    expect(reportDeadline(2020, 9)).toBe('2020-10-05');
    expect(reportDeadline(2020, 12)).toBe('2021-01-05');
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
  });
});
