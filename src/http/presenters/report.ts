// Monthly reports as they leave the server, with the workflow steps the caller may take now.
import { z } from 'zod';
import { isEditable, isLocked, REPORT_STATES, type ReportState } from '../../domain/report-workflow';
import { reportDeadline } from '../../domain/reporting';
import type { Actor, ProjectTarget } from '../../policies/actor';
import { can } from '../../policies/authorize';
import type { ReportRow } from '../../services/row-types';
import type { Settings } from '../../services/settings';
import { moneyOut, ZMoneyOut, ZPermissions } from '../schema/common';

export const ZReport = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  investYtd: ZMoneyOut,
  investMonth: ZMoneyOut.nullable(),
  started: z.boolean(),
  startDate: z.string().nullable(),
  completed: z.boolean(),
  completionDate: z.string().nullable(),
  progressNote: z.string().nullable(),
  problems: z.string().nullable(),
  reportedAt: z.string().nullable(),
  state: z.enum(REPORT_STATES),
  late: z.boolean(),
  locked: z.boolean(),
  deadline: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  returnedReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  permissions: ZPermissions,
});

export interface ReportContext {
  project: { code: string; name: string; regionCode: string };
  target: ProjectTarget;
  settings: Settings;
  now: Date;
}

export function presentReport(actor: Actor, row: ReportRow, context: ReportContext): z.input<typeof ZReport> {
  const { settings, target } = context;
  const state = row.state as ReportState;
  const locked = isLocked(
    row.year,
    row.month,
    context.now,
    settings['report.deadlineDay'],
    settings['report.lockAfterDeadline'],
  );
  const fills = can(actor, 'report.fill', target);
  const reviews = can(actor, 'report.review', target);
  return {
    id: row.id,
    projectId: row.projectId,
    projectCode: context.project.code,
    projectName: context.project.name,
    regionCode: context.project.regionCode,
    year: row.year,
    month: row.month,
    investYtd: row.investYtd.toString(),
    investMonth: moneyOut(row.investMonth),
    started: row.started,
    startDate: row.startDate,
    completed: row.completed,
    completionDate: row.completionDate,
    progressNote: row.progressNote,
    problems: row.problems,
    reportedAt: row.reportedAt,
    state,
    late: row.late,
    locked,
    deadline: reportDeadline(row.year, row.month, settings['report.deadlineDay']),
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    returnedReason: row.returnedReason,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    permissions: {
      update: fills && isEditable(state) && !locked,
      correct: fills && (locked || !isEditable(state)),
      delete: fills && state === 'draft',
      submit: fills && isEditable(state),
      approve: reviews && state === 'submitted',
      return: reviews && state === 'submitted',
    },
  };
}
