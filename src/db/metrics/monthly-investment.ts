// Investment completed to date at the end of each month of the year, for one scope: the same
// carried-forward rule as key.investYtd (a project's latest approved report up to that month).
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../query';
import { big, listArray, type MetricScope, narrowedToRegions, requireMonthEnd, unitRelation } from './scope';

export interface MonthInvestment {
  month: number;
  investYtd: bigint;
}

export async function queryMonthlyInvestment(db: Tx, scope: MetricScope): Promise<MonthInvestment[]> {
  requireMonthEnd(scope);
  const rows = await queryRows<{ month: number; invest_ytd: string }>(
    db,
    sql`
    with m as ${unitRelation(scope)},
    listed as (
      select distinct y.project_id
      from project_years y
      where y.province_code = ${scope.provinceCode} and y.year = ${scope.year} and y.list = any(${listArray(scope)})
    ),
    entries as materialized (
      -- the listed projects of the scope's regions, hashed once (the planner cannot tell that
      -- nearly all of a province's listed projects lie in the scope)
      select p.id
      from listed l
      join projects p on p.id = l.project_id and p.province_code = ${scope.provinceCode}
      join m on m.region = p.region_code
    ),
    carried as materialized (
      -- each project's carried-forward figure at every month end up to N (project_months), read
      -- once by its index and hashed, never probed once per project
      select s.project_id, s.month, s.invest_ytd
      from project_months s
      where s.province_code = ${scope.provinceCode} and s.year = ${scope.year} and s.month <= ${scope.month}
        ${narrowedToRegions(scope)}
    ),
    invested as (
      select c.month, sum(c.invest_ytd) as invest_ytd
      from carried c join entries e on e.id = c.project_id
      group by c.month
    ),
    months as (select generate_series(1, ${scope.month}::int) as month)
    select months.month::int as month, coalesce(i.invest_ytd, 0)::text as invest_ytd
    from months left join invested i on i.month = months.month
    order by months.month`,
  );
  return rows.map((r) => ({ month: r.month, investYtd: big(r.invest_ytd) }));
}
