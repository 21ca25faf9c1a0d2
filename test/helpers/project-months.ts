// project_months recomputed straight from monthly_reports, to compare with what the triggers keep.
import { sql } from 'drizzle-orm';

/**
 * The rule of domain.md straight from the reports, for every month N: over the reports of months
 * ≤ N with the same province code, the latest approved investYtd; started / completed by the end of
 * month N; reports on time. What key-projects.ts computed per query before project_months existed.
 */
export const DIRECT = sql`
  select r.project_id, r.province_code, r.year, n.month,
         ((array_agg(r.invest_ytd order by r.month desc) filter (where r.state = 'approved'))[1])::text as invest_ytd,
         coalesce(bool_or(r.started and (r.start_date is null
           or r.start_date <= (make_date(r.year, n.month, 1) + interval '1 month - 1 day')::date))
           filter (where r.state = 'approved'), false) as started,
         coalesce(bool_or(r.completed and (r.completion_date is null
           or r.completion_date <= (make_date(r.year, n.month, 1) + interval '1 month - 1 day')::date))
           filter (where r.state = 'approved'), false) as completed,
         (count(*) filter (where not r.late and r.state <> 'draft'))::int as on_time
  from monthly_reports r join generate_series(1, 12) as n(month) on r.month <= n.month
  group by r.project_id, r.province_code, r.year, n.month
  having count(*) filter (where r.state <> 'draft') > 0
  order by 1, 2, 3, 4`;

export const STORED = sql`
  select project_id, province_code, year, month, invest_ytd::text as invest_ytd, started, completed, on_time
  from project_months order by 1, 2, 3, 4`;
