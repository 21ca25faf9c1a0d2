// draft/returned → submitted (the filler), submitted → approved or returned with a reason
// (the level above). Each transition is one versioned UPDATE and its audit row, in one transaction.
import type { Database } from '../../db/client';
import type { ReportRow, ReportWithProject } from '../../db/records/reports';
import { rowExists, updateVersioned } from '../../db/records/versioned';
import { monthlyReports } from '../../db/schema';
import { chinaDate, isLateAt } from '../../domain/report-workflow';
import type { AuditContext } from '../context';
import { ConflictError } from '../errors';
import { updateAudited } from '../records/audited-change';
import type { Settings } from '../settings';

const label = (r: ReportWithProject) => `${r.projectCode}:${r.year}-${String(r.month).padStart(2, '0')}`;

function transition(
  database: Database,
  ctx: AuditContext,
  before: ReportWithProject,
  version: number,
  action: string,
  changes: Partial<typeof monthlyReports.$inferInsert>,
  details?: unknown,
): Promise<ReportRow> {
  const { projectCode: _c, projectName: _n, regionCode: _r, leader: _l, ...stored } = before;
  return updateAudited(
    database,
    ctx,
    { action, targetType: 'report', targetId: label(before), details },
    stored,
    (tx) => updateVersioned(tx, monthlyReports, before.id, version, changes),
    (tx) => rowExists(tx, monthlyReports, before.id),
  );
}

export function submitReport(
  database: Database,
  ctx: AuditContext,
  before: ReportWithProject,
  version: number,
  settings: Settings,
): Promise<ReportRow> {
  if (before.state !== 'draft' && before.state !== 'returned')
    throw new ConflictError('月报已提交，不能重复提交');
  // Punctuality is decided by the first submission; a resubmission after a return keeps it.
  const first = before.submittedAt === null;
  const late = first
    ? isLateAt(before.year, before.month, ctx.now, settings['report.deadlineDay'])
    : before.late;
  return transition(
    database,
    ctx,
    before,
    version,
    'report.submit',
    {
      state: 'submitted',
      submittedBy: ctx.actor,
      submittedAt: ctx.now,
      reportedAt: first ? chinaDate(ctx.now) : before.reportedAt,
      late,
      returnedReason: null,
    },
    { late },
  );
}

export function approveReport(
  database: Database,
  ctx: AuditContext,
  before: ReportWithProject,
  version: number,
) {
  if (before.state !== 'submitted') throw new ConflictError('只能审核已提交的月报');
  return transition(database, ctx, before, version, 'report.approve', {
    state: 'approved',
    approvedBy: ctx.actor,
    approvedAt: ctx.now,
  });
}

export function returnReport(
  database: Database,
  ctx: AuditContext,
  before: ReportWithProject,
  version: number,
  reason: string,
) {
  if (before.state !== 'submitted') throw new ConflictError('只能退回已提交的月报');
  return transition(
    database,
    ctx,
    before,
    version,
    'report.return',
    { state: 'returned', returnedReason: reason.trim(), approvedBy: null, approvedAt: null },
    { reason: reason.trim() },
  );
}
