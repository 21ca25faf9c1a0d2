// How many monthly reports a province (or some of its regions) has for each month, by state: what
// the default period of the views is chosen from (src/domain/default-period.ts).
import { sql } from 'drizzle-orm';
import type { ReportMonthCount } from '../domain/default-period';
import { queryRows, type Tx } from './query';

interface Row {
  year: number;
  month: number;
  submitted: string | number;
  pending: string | number;
}

/** Report counts per month of a province, or of the given regions' projects within it. */
export async function queryReportMonths(
  db: Tx,
  scope: { provinceCode: string; regions?: readonly string[] },
): Promise<ReportMonthCount[]> {
  const inRegions = scope.regions
    ? sql`and r.project_id in (select p.id from projects p where p.province_code = ${scope.provinceCode}
        and p.region_code = any(array[${sql.join(
          scope.regions.map((code) => sql`${code}`),
          sql`, `,
        )}]::text[]))`
    : sql``;
  const rows = await queryRows<Row>(
    db,
    sql`select r.year, r.month,
          count(*) filter (where r.state in ('submitted', 'approved')) as submitted,
          count(*) filter (where r.state not in ('submitted', 'approved')) as pending
        from monthly_reports r
        where r.province_code = ${scope.provinceCode} ${inRegions}
        group by r.year, r.month
        order by r.year, r.month`,
  );
  return rows.map((row) => ({
    year: Number(row.year),
    month: Number(row.month),
    submitted: Number(row.submitted),
    pending: Number(row.pending),
  }));
}
