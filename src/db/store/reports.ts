import { sql } from 'drizzle-orm';
import type { ReportRecord } from '../../domain/records';
import { jsonParam, type Tx } from '../query';
import { monthlyReports } from '../schema';
import { type UpsertResult, upsertRows } from '../upsert';

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
): Promise<UpsertResult> {
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
    [monthlyReports.projectId, monthlyReports.year, monthlyReports.month, monthlyReports.provinceCode],
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
  await deriveMonthlyAmounts(tx, rows);
  return counts;
}

/** A project's reports of one year, under the province code they carry. */
export interface ProjectYearKey {
  projectId: number;
  year: number;
  provinceCode: string;
}

/**
 * Each month's own amount = its cumulative figure minus the previous report's of the same year.
 * The reports are read by (project_id, year); the update names their province codes, so on
 * partitioned tables it touches only those provinces' partitions.
 */
export async function deriveMonthlyAmounts(tx: Tx, keys: readonly ProjectYearKey[]): Promise<void> {
  if (keys.length === 0) return;
  const distinct = [...new Map(keys.map((k) => [`${k.projectId}:${k.year}:${k.provinceCode}`, k])).values()];
  // the codes as parameters the planner sees: only their partitions are planned and read
  const provinces = sql`array[${sql.join(
    [...new Set(distinct.map((k) => k.provinceCode))].map((code) => sql`${code}`),
    sql`, `,
  )}]::text[]`;
  await tx.execute(sql`
    with keys as (
      select (k->>0)::int as project_id, (k->>1)::int as year
      from jsonb_array_elements(${jsonParam(distinct.map((k) => [k.projectId, k.year]))}::jsonb) as k
    ), derived as (
      select r.id, r.province_code,
             r.invest_ytd - coalesce(lag(r.invest_ytd) over (partition by r.project_id, r.year order by r.month), 0) as amount
      -- by (project_id, year) alone, through monthly_reports_key: with the province code in the join
      -- or a filter on it, the planner (whose statistics predate the rows this import just wrote)
      -- took monthly_reports_period_idx (province_code, year, month) and read the whole
      -- province-year once per key — quadratic, minutes for a 100k-row import
      from monthly_reports r join keys using (project_id, year)
    )
    update monthly_reports m set invest_month = d.amount
    from derived d
    where m.id = d.id and m.province_code = d.province_code and m.province_code = any(${provinces})
      and m.invest_month is distinct from d.amount`);
}
