// 批量审核: a reviewer approves, or returns with one reason, every report of a page at once. All or
// nothing: each report (authorised by the caller) must still be submitted and at the version the
// page showed; any that is not is listed (all of them, with the reason) and nothing changes. The
// changes run in one transaction, each with its audit row as a single review writes it.
import type { Database, Db } from '../../db/client';
import type { ReportRow, ReportWithProject } from '../../db/records/reports';
import type { AuditContext } from '../context';
import { RuleViolationError } from '../errors';
import { approveReport, returnReport } from './report-transitions';

export type ReviewDecision = { action: 'approve' } | { action: 'return'; reason: string };

export interface ReviewItem {
  id: number;
  /** The version the page showed. */
  version: number;
  /** The report as loaded and authorised. */
  row: ReportWithProject;
}

export interface ReviewProblem {
  id: number;
  report: string;
  reason: string;
}

const labelOf = (row: ReportWithProject) =>
  `${row.projectName}（${row.projectCode}）${row.year}年${row.month}月`;

/** Why an item cannot be reviewed now, or null. */
function problemOf({ row, version }: ReviewItem): string | null {
  if (row.state !== 'submitted') return row.state === 'approved' ? '已审核' : '不是已提交状态';
  if (row.version !== version) return '记录已被他人修改，请刷新后重试';
  return null;
}

export async function reviewReports(
  database: Database,
  ctx: AuditContext,
  items: readonly ReviewItem[],
  decision: ReviewDecision,
): Promise<ReportRow[]> {
  const problems: ReviewProblem[] = items.flatMap((item) => {
    const reason = problemOf(item);
    if (reason === null) return [];
    return [{ id: item.id, report: labelOf(item.row), reason }];
  });
  if (problems.length > 0) {
    throw new RuleViolationError(
      `${problems.length} 份月报不能${decision.action === 'approve' ? '审核通过' : '退回'}，未做任何改动`,
      problems,
    );
  }
  return database.db.transaction(async (tx) => {
    // Each review is its own savepoint inside this one transaction: the first that fails undoes all.
    const inner: Database = { ...database, db: tx as unknown as Db };
    const updated: ReportRow[] = [];
    for (const item of items) {
      const { row } = item;
      updated.push(
        decision.action === 'approve'
          ? await approveReport(inner, ctx, row, item.version)
          : await returnReport(inner, ctx, row, item.version, decision.reason),
      );
    }
    return updated;
  });
}
