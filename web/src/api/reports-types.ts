// The monthly-report shapes the API answers (src/http/presenters/report.ts and
// src/http/routes/reports.types.ts), written out for the browser.
import type { Project } from './projects-types';

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** The fields a filler enters each month (src/domain/report-workflow.ts REPORT_FIELDS). */
export type ReportField =
  | 'investYtd'
  | 'started'
  | 'startDate'
  | 'completed'
  | 'completionDate'
  | 'progressNote'
  | 'problems';

/** GET /api/reports sorts by these (prefix "-" for descending). */
export const REPORT_SORTS = ['projectCode', 'year', 'month', 'state', 'investYtd', 'updatedAt'] as const;

/** What a filler enters each month (amounts in 元, exact decimal strings). */
export interface ReportValues {
  investYtd: string;
  started: boolean;
  startDate: string | null;
  completed: boolean;
  completionDate: string | null;
  progressNote: string | null;
  problems: string | null;
}

export interface MonthlyReport extends ReportValues {
  id: number;
  projectId: number;
  projectCode: string;
  projectName: string;
  regionCode: string;
  year: number;
  month: number;
  investMonth: string | null;
  reportedAt: string | null;
  state: ReportState;
  late: boolean;
  locked: boolean;
  deadline: string;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  returnedReason: string | null;
  version: number;
  updatedAt: string;
  permissions: Partial<Record<'update' | 'correct' | 'delete' | 'submit' | 'approve' | 'return', boolean>>;
}

/** GET /api/projects/:id/report-form?year=&month= */
export interface ReportForm {
  project: Project;
  year: number;
  month: number;
  /** The stored report, or null when the month has none yet. */
  report: MonthlyReport | null;
  values: ReportValues;
  /** Prefilled from the previous report (text among them should be reviewed before submitting). */
  carried: ReportField[];
  /** Same value as last month's report. */
  unchanged: ReportField[];
  previous: { year: number; month: number; investYtd: string; state: string } | null;
  /** "2020-10-05": the last day to submit without being late. */
  deadline: string;
  locked: boolean;
}

/** GET /api/reports/missing: a project on the year's lists with nothing submitted for the month. */
export interface MissingReport {
  projectId: number;
  projectCode: string;
  projectName: string;
  regionCode: string;
  leader: string | null;
  hasDraft: boolean;
  lastMonth: number | null;
}
