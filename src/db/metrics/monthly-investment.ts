// Investment completed to date at the end of each month of the year, for one scope: the same
// carried-forward rule as key.investYtd (a project's latest approved report up to that month).
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../query';
import { big, listRelation, type MetricScope, unitRelation } from './scope';

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
      join projects p on p.id = y.project_id
      join m on m.region = p.region_code
      where y.province_code = ${scope.provinceCode} and p.province_code = ${scope.provinceCode}
        and y.year = ${scope.year} and y.list in ${listRelation(scope)}
    ),
    r as (
      -- each approved report holds from its month until the project's next approved report
      select r.month, r.invest_ytd,
             lead(r.month) over (partition by r.project_id order by r.month) as next_month
      from monthly_reports r
      where r.province_code = ${scope.provinceCode} and r.year = ${scope.year} and r.month <= ${scope.month}
        and r.state = 'approved' and r.project_id in (select id from entries)
    ),
    months as (select generate_series(1, ${scope.month}::int) as month)
    select months.month::int as month, coalesce(sum(r.invest_ytd), 0)::text as invest_ytd
    from months
    left join r on r.month <= months.month and (r.next_month is null or r.next_month > months.month)
    group by months.month
    order by months.month`,
  );
  return rows.map((r) => ({ month: r.month, investYtd: big(r.invest_ytd) }));
}
