// The reporting period as officials live it: the month whose reports are being filed now. Until the
// lock day (the deadline, report.deadlineDay of the next month) that is the previous calendar month
// in China's calendar; from the day after, the month under way. The month before the current period
// is the one whose deadline passed last: its missing reports are overdue. Reminders go out on the
// days from N days before the lock day up to the lock day itself. One rule, here (pure; the caller
// passes the clock).
import { chinaDate } from './report-workflow';
import { reportDeadline } from './reporting';

export interface ReportPeriod {
  year: number;
  month: number;
  /** "2020-09". */
  id: string;
  /** The last day the report may be filed (China's calendar), "2020-10-05". */
  deadline: string;
  /** Days from today (China) to the deadline: 0 on the deadline day, negative once it has passed. */
  daysLeft: number;
}

const DAY_MS = 86_400_000;

/** Whole days from one ISO date to another (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

function shift(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** A report month with its deadline and the days left until it, seen from `now`. */
export function reportPeriod(year: number, month: number, now: Date, deadlineDay: number): ReportPeriod {
  const deadline = reportDeadline(year, month, deadlineDay);
  return {
    year,
    month,
    id: `${year}-${String(month).padStart(2, '0')}`,
    deadline,
    daysLeft: daysBetween(chinaDate(now), deadline),
  };
}

/** The month whose reports are being filed now (see the head of this file). */
export function currentReportPeriod(now: Date, deadlineDay: number): ReportPeriod {
  const today = chinaDate(now);
  const previous = shift(Number(today.slice(0, 4)), Number(today.slice(5, 7)), -1);
  const candidate = reportPeriod(previous.year, previous.month, now, deadlineDay);
  if (candidate.daysLeft >= 0) return candidate;
  const next = shift(previous.year, previous.month, 1);
  return reportPeriod(next.year, next.month, now, deadlineDay);
}

/** The month before the current period: its deadline has passed, so its missing reports are overdue. */
export function overduePeriod(now: Date, deadlineDay: number): ReportPeriod {
  const current = currentReportPeriod(now, deadlineDay);
  const before = shift(current.year, current.month, -1);
  return reportPeriod(before.year, before.month, now, deadlineDay);
}

/** Reminders for the current period go out from `daysBefore` days before its lock day up to that day. */
export function reminderDue(period: ReportPeriod, daysBefore: number): boolean {
  return period.daysLeft >= 0 && period.daysLeft <= daysBefore;
}

/** "2020年9月". */
export function periodTitle(period: { year: number; month: number }): string {
  return `${period.year}年${period.month}月`;
}

/** "10月5日". */
export function deadlineTitle(deadline: string): string {
  return `${Number(deadline.slice(5, 7))}月${Number(deadline.slice(8, 10))}日`;
}
