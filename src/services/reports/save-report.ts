// Filling a monthly report: create a draft, edit it, delete it. After the deadline lock, or once
// submitted or approved, an edit is a correction: it needs a reason, is audited as one, and sends
// the report back for review.
import type { Database } from '../../db/client';
import type { Tx } from '../../db/query';
import type { ProjectRow } from '../../db/records/projects';
import { findReport, insertReport, type ReportRow, type ReportWithProject } from '../../db/records/reports';
import { deleteVersioned, rowExists, updateVersioned } from '../../db/records/versioned';
import { monthlyReports } from '../../db/schema';
import { deriveMonthlyAmounts } from '../../db/store/reports';
import {
  isEditable,
  isFillable,
  isLocked,
  type ReportState,
  type ReportValues,
} from '../../domain/report-workflow';
import type { AuditContext } from '../context';
import { ConflictError, RuleViolationError } from '../errors';
import { createAudited, deleteAudited, updateAudited } from '../records/audited-change';
import type { Settings } from '../settings';

export interface NewReport extends ReportValues {
  year: number;
  month: number;
}

const label = (code: string, year: number, month: number) =>
  `${code}:${year}-${String(month).padStart(2, '0')}`;

function checkValues(values: Partial<ReportValues>): void {
  const problems: string[] = [];
  if (values.completed && values.started === false) problems.push('已竣工的项目须已开工');
  if (values.startDate && values.completionDate && values.completionDate < values.startDate) {
    problems.push('竣工日期不能早于开工日期');
  }
  if (values.startDate && values.started === false) problems.push('未开工时不应填写开工日期');
  if (values.completionDate && values.completed === false) problems.push('未竣工时不应填写竣工日期');
  if (problems.length > 0) throw new RuleViolationError(problems.join('；'), problems);
}

export async function createReport(
  database: Database,
  ctx: AuditContext,
  project: ProjectRow,
  input: NewReport,
): Promise<ReportRow> {
  if (!isFillable(input.year, input.month, ctx.now)) {
    throw new RuleViolationError(`${input.year} 年 ${input.month} 月尚未开始，不能填报`);
  }
  checkValues(input);
  return createAudited(
    database,
    ctx,
    (row) => ({
      action: 'report.create',
      targetType: 'report',
      targetId: label(project.code, row.year, row.month),
    }),
    (tx) =>
      insertReport(tx, {
        ...input,
        projectId: project.id,
        provinceCode: project.provinceCode,
        state: 'draft',
      }),
    `项目 ${project.code} ${input.year} 年 ${input.month} 月的月报已存在`,
    (tx, row) => withDerivedAmounts(tx, row),
  );
}

export async function updateReport(
  database: Database,
  ctx: AuditContext,
  before: ReportWithProject,
  version: number,
  patch: Partial<ReportValues>,
  reason: string | undefined,
  settings: Settings,
): Promise<ReportRow> {
  const locked = isLocked(
    before.year,
    before.month,
    ctx.now,
    settings['report.deadlineDay'],
    settings['report.lockAfterDeadline'],
  );
  const correction = locked || !isEditable(before.state as ReportState);
  if (correction && !reason?.trim()) {
    throw new RuleViolationError(
      locked ? '月报已过截止日锁定，更正须说明原因' : '月报已提交或已审核，更正须说明原因',
      ['reason'],
    );
  }
  checkValues({
    started: patch.started ?? before.started,
    startDate: patch.startDate === undefined ? before.startDate : patch.startDate,
    completed: patch.completed ?? before.completed,
    completionDate: patch.completionDate === undefined ? before.completionDate : patch.completionDate,
  });
  // A corrected report that had been submitted or approved goes back to review.
  const reviewAgain = correction && (before.state === 'submitted' || before.state === 'approved');
  const changes = reviewAgain ? { ...patch, state: 'submitted', approvedBy: null, approvedAt: null } : patch;
  const { projectCode: _c, projectName: _n, regionCode: _r, leader: _l, ...stored } = before;
  return updateAudited(
    database,
    ctx,
    {
      action: correction ? 'report.correct' : 'report.update',
      targetType: 'report',
      targetId: label(before.projectCode, before.year, before.month),
      details: correction ? { reason: reason!.trim(), locked, previousState: before.state } : undefined,
    },
    stored,
    (tx) => updateVersioned(tx, monthlyReports, before.id, version, changes),
    (tx) => rowExists(tx, monthlyReports, before.id),
    (tx, row) => withDerivedAmounts(tx, row),
  );
}

/** Each month's own amount follows from the cumulative ones; the row is read back with it. */
async function withDerivedAmounts(tx: Tx, row: ReportRow): Promise<ReportRow> {
  await deriveMonthlyAmounts(tx, [row]);
  return (await findReport(tx, row.projectId, row.year, row.month)) ?? row;
}

export async function deleteReport(
  database: Database,
  ctx: AuditContext,
  before: ReportWithProject,
  version: number,
): Promise<void> {
  if (before.state !== 'draft') throw new ConflictError('只能删除草稿状态的月报');
  const { projectCode: _c, projectName: _n, regionCode: _r, leader: _l, ...stored } = before;
  await deleteAudited(
    database,
    ctx,
    {
      action: 'report.delete',
      targetType: 'report',
      targetId: label(before.projectCode, before.year, before.month),
    },
    stored,
    async (tx) => {
      const done = await deleteVersioned(tx, monthlyReports, before.id, version);
      if (done) await deriveMonthlyAmounts(tx, [before]);
      return done;
    },
    (tx) => rowExists(tx, monthlyReports, before.id),
  );
}
