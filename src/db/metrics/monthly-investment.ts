// Investment completed to date at the end of each month of the year, for one scope: the same
// carried-forward rule as key.investYtd (a project's latest approved report up to that month).
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../query';
import { big, listArray, type MetricScope, unitRelation } from './scope';

export interface MonthInvestment {
  month: number;
  investYtd: bigint;
}

export async function queryMonthlyInvestment(db: Tx, scope: MetricScope): Promise<MonthInvestment[]> {
  const rows = await queryRows<{ month: number; invest_ytd: string }>(
    db,
    sql`
    with m as ${unitRelation(scope)},
    entries as (
      select distinct p.id
      from project_years y
      join projects p on p.id = y.project_id and p.province_code = ${scope.provinceCode}
      join m on m.region = p.region_code
      where y.province_code = ${scope.provinceCode} and y.year = ${scope.year} and y.list = any(${listArray(scope)})
    ),
    deltas as (
      -- what each approved report adds to the project's carried-forward figure: the sum of a
      -- project's deltas up to month M is its latest approved investYtd at or before M
      select r.month,
             r.invest_ytd - coalesce(lag(r.invest_ytd) over (partition by r.project_id order by r.month), 0) as delta
      from monthly_reports r join entries e on e.id = r.project_id
      where r.province_code = ${scope.provinceCode} and r.year = ${scope.year} and r.month <= ${scope.month}
        and r.state = 'approved'
    ),
    by_month as (select month, sum(delta) as delta from deltas group by month),
    months as (select generate_series(1, ${scope.month}::int) as month)
    select months.month::int as month,
           coalesce(sum(b.delta) over (order by months.month), 0)::text as invest_ytd
    from months left join by_month b on b.month = months.month
    order by months.month`,
  );
  return rows.map((r) => ({ month: r.month, investYtd: big(r.invest_ytd) }));
}
