import { sql } from 'drizzle-orm';
import type { ReportRecord } from '../../domain/records';
import { jsonParam, queryRows, type Tx } from '../query';
import { monthlyReports } from '../schema';
import { type UpsertResult, upsertRows } from '../upsert';

export interface StoredReport extends ReportRecord {
  projectId: number;
  provinceCode: string;
  late: boolean;
  /**
   * Approved when the importing office stands above the project's region and vouches for it; a
   * draft when the office imports its own region's reports (to be submitted and reviewed).
   */
  state: 'approved' | 'draft';
}

/** The state of each stored report of the keys, by `projectId:year:month`. */
export async function reportStates(
  tx: Tx,
  keys: readonly { projectId: number; year: number; month: number }[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await queryRows<{ project_id: number; year: number; month: number; state: string }>(
    tx,
    sql`select r.project_id, r.year, r.month, r.state
        from monthly_reports r
        join (select (k->>0)::int as project_id, (k->>1)::int as year, (k->>2)::int as month
              from jsonb_array_elements(${jsonParam(keys.map((k) => [k.projectId, k.year, k.month]))}::jsonb) as k) keys
          using (project_id, year, month)`,
  );
  return new Map(rows.map((r) => [`${r.project_id}:${r.year}:${r.month}`, r.state]));
}

/** Imported reports, each approved (vouched for) or a draft (see StoredReport.state). */
export async function storeImportedReports(
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
      state: r.state,
      approvedBy: r.state === 'approved' ? actor : null,
      approvedAt: r.state === 'approved' ? new Date() : null,
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
  // A draft (or a returned or submitted report) the level above now vouches for keeps its row: name
  // who approved it. Only those: the upsert leaves approved_by alone, so that re-importing the same
  // figures changes nothing.
  const vouched = counts.changedRows
    .filter((c) => c.columns.state !== undefined && c.columns.state[1] === 'approved')
    .map((c) => rows[c.index]!);
  if (vouched.length > 0)
    await tx.execute(sql`
      update monthly_reports m set approved_by = ${actor}, approved_at = now()
      from (select (k->>0)::int as project_id, (k->>1)::int as year, (k->>2)::int as month
            from jsonb_array_elements(${jsonParam(vouched.map((r) => [r.projectId, r.year, r.month]))}::jsonb) as k) keys
      where m.project_id = keys.project_id and m.year = keys.year and m.month = keys.month
        and m.state = 'approved'`);
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
