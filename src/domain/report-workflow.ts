// The monthly report workflow as pure rules: states, the lock after the deadline, and what
// a new month's form carries over from the month before.
import { reportDeadline } from './reporting';

export const REPORT_STATES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** A report state in words, as the forms and lists say it. */
export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '已审核',
  returned: '已退回',
};

/** The fields a filler enters each month. */
export const REPORT_FIELDS = [
  'investYtd',
  'started',
  'startDate',
  'completed',
  'completionDate',
  'progressNote',
  'problems',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export interface ReportValues {
  investYtd: bigint;
  started: boolean;
  startDate: string | null;
  completed: boolean;
  completionDate: string | null;
  progressNote: string | null;
  problems: string | null;
}

export const EMPTY_REPORT: ReportValues = {
  investYtd: 0n,
  started: false,
  startDate: null,
  completed: false,
  completionDate: null,
  progressNote: null,
  problems: null,
};

/** The calendar date in China (UTC+8, no daylight saving): deadlines are days there. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** After the deadline day of the next month, the month's report is locked (when locking is on). */
export function isLocked(
  year: number,
  month: number,
  now: Date,
  deadlineDay: number,
  lockEnabled: boolean,
): boolean {
  return lockEnabled && chinaDate(now) > reportDeadline(year, month, deadlineDay);
}

export function isLateAt(year: number, month: number, now: Date, deadlineDay: number): boolean {
  return chinaDate(now) > reportDeadline(year, month, deadlineDay);
}

/** The filler edits a draft or a returned report; submitted and approved ones change only by correction. */
export function isEditable(state: ReportState): boolean {
  return state === 'draft' || state === 'returned';
}

/** A report month may be filled from the month itself on, never ahead. */
export function isFillable(year: number, month: number, now: Date): boolean {
  const today = chinaDate(now);
  return `${year}-${String(month).padStart(2, '0')}` <= today.slice(0, 7);
}

export interface Prefill {
  values: ReportValues;
  /** Fields taken from the previous report (text fields among them are flagged for review). */
  carried: ReportField[];
}

/**
 * A new month starts from the previous report: the cumulative amount within the same year
 * (January starts again from zero), start and completion as they were, and the text fields.
 */
export function prefillFrom(previous: (ReportValues & { year: number }) | null, year: number): Prefill {
  if (!previous) return { values: { ...EMPTY_REPORT }, carried: [] };
  const sameYear = previous.year === year;
  const values: ReportValues = {
    investYtd: sameYear ? previous.investYtd : 0n,
    started: previous.started,
    startDate: previous.startDate,
    completed: previous.completed,
    completionDate: previous.completionDate,
    progressNote: previous.progressNote,
    problems: previous.problems,
  };
  const carried = REPORT_FIELDS.filter((field) => {
    if (field === 'investYtd') return sameYear;
    const value = values[field];
    return value !== null && value !== false;
  });
  return { values, carried };
}

/** The fields whose value is the same as last month's (a hint that they were not updated). */
export function unchangedFields(current: ReportValues, previous: ReportValues | null): ReportField[] {
  if (!previous) return [];
  return REPORT_FIELDS.filter((field) => current[field] === previous[field]);
}
