// Monthly reporting calendar: the report for month N is due on day D of month N+1.

export const DEFAULT_DEADLINE_DAY = 5;

export function reportDeadline(year: number, month: number, deadlineDay = DEFAULT_DEADLINE_DAY): string {
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  const day = Math.min(deadlineDay, lastDay);
  return `${nextYear}-${String(nextMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A report with no 报送日期 is taken as on time: the importing office vouches for it. */
export function isLate(
  reportedAt: string | null,
  year: number,
  month: number,
  deadlineDay?: number,
): boolean {
  return reportedAt !== null && reportedAt > reportDeadline(year, month, deadlineDay);
}
