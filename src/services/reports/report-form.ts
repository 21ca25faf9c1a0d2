// The form for project P, year Y, month N: the stored report if there is one, otherwise the
// values carried from the previous report; fields unchanged since last month are marked.
import type { Database } from '../../db/client';
import type { ProjectRow } from '../../db/records/projects';
import { findReport, previousReport, type ReportRow } from '../../db/records/reports';
import {
  isLocked,
  prefillFrom,
  type ReportField,
  type ReportValues,
  unchangedFields,
} from '../../domain/report-workflow';
import { reportDeadline } from '../../domain/reporting';
import type { Settings } from '../settings';

export interface ReportForm {
  project: ProjectRow;
  year: number;
  month: number;
  report: ReportRow | null;
  values: ReportValues;
  carried: ReportField[];
  unchanged: ReportField[];
  previous: { year: number; month: number; investYtd: bigint; state: string } | null;
  deadline: string;
  locked: boolean;
}

export const valuesOf = (row: ReportRow): ReportValues => ({
  investYtd: row.investYtd,
  started: row.started,
  startDate: row.startDate,
  completed: row.completed,
  completionDate: row.completionDate,
  progressNote: row.progressNote,
  problems: row.problems,
});

export async function reportForm(
  database: Database,
  project: ProjectRow,
  year: number,
  month: number,
  settings: Settings,
  now: Date,
): Promise<ReportForm> {
  const report = (await findReport(database.db, project.id, year, month)) ?? null;
  const prev = (await previousReport(database.db, project.id, year, month)) ?? null;
  const prefill = prefillFrom(prev ? { ...valuesOf(prev), year: prev.year } : null, year);
  const values = report ? valuesOf(report) : prefill.values;
  const lastMonth = prev && prev.year === year && prev.month === month - 1 ? valuesOf(prev) : null;
  const deadlineDay = settings['report.deadlineDay'];
  return {
    project,
    year,
    month,
    report,
    values,
    carried: report ? [] : prefill.carried,
    unchanged: unchangedFields(values, lastMonth),
    previous: prev
      ? { year: prev.year, month: prev.month, investYtd: prev.investYtd, state: prev.state }
      : null,
    deadline: reportDeadline(year, month, deadlineDay),
    locked: isLocked(year, month, now, deadlineDay, settings['report.lockAfterDeadline']),
  };
}
