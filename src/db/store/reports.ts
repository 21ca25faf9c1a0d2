import { sql } from 'drizzle-orm';
import type { ReportRecord } from '../../domain/records';
import { jsonParam, type Tx } from '../query';
import { monthlyReports } from '../schema';
import { type UpsertCounts, upsertRows } from '../upsert';

export interface StoredReport extends ReportRecord {
  projectId: number;
  provinceCode: string;
  late: boolean;
}

/** Imported reports arrive approved: the importing office vouches for them. */
export async function storeApprovedReports(
  tx: Tx,
  rows: readonly StoredReport[],
  actor: string,
  only?: ReadonlySet<string>,
): Promise<UpsertCounts> {
  const counts = await upsertRows(
    tx,
    monthlyReports,
    rows.map((r) => ({
      projectId: r.projectId,
      provinceCode: r.provinceCode,
      year: r.year,
      month: r.month,
      investYtd: r.investYtd,
      started: r.started,
      startDate: r.startDate,
      completed: r.completed,
      completionDate: r.completionDate,
      progressNote: r.progressNote,
      problems: r.problems,
      reportedAt: r.reportedAt,
      late: r.late,
      state: 'approved',
      approvedBy: actor,
      approvedAt: new Date(),
    })),
    [monthlyReports.projectId, monthlyReports.year, monthlyReports.month],
    [
      'investYtd',
      'started',
      'startDate',
      'completed',
      'completionDate',
      'progressNote',
      'problems',
      'reportedAt',
      'late',
      'state',
    ],
    only,
  );
  await deriveMonthlyAmounts(
    tx,
    rows.map((r) => [r.projectId, r.year]),
  );
  return counts;
}

/** Each month's own amount = its cumulative figure minus the previous report's of the same year. */
export async function deriveMonthlyAmounts(tx: Tx, projectYears: readonly [number, number][]): Promise<void> {
  if (projectYears.length === 0) return;
  const keys = [...new Set(projectYears.map(([p, y]) => `${p}:${y}`))].map((k) => k.split(':').map(Number));
  await tx.execute(sql`
    with keys as (
      select (k->>0)::int as project_id, (k->>1)::int as year
      from jsonb_array_elements(${jsonParam(keys)}::jsonb) as k
    ), derived as (
      select r.id, r.invest_ytd - coalesce(lag(r.invest_ytd) over (partition by r.project_id, r.year order by r.month), 0) as amount
      from monthly_reports r join keys using (project_id, year)
    )
    update monthly_reports m set invest_month = d.amount
    from derived d where m.id = d.id and m.invest_month is distinct from d.amount`);
}
