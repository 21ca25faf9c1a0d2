// deals.*, reserve.*, approvals.*, issues.* metrics: one grouped query per ledger.
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../query';
import { big, inRegions, type MetricScope, unitRelation } from './scope';

/** 20 亿元: the threshold of a "big" deal. */
export const BIG_DEAL_YUAN = 2_000_000_000n;

export interface DealTotals {
  signedCount: number;
  signedAmount: bigint;
  startedCount: number;
  fundsInPlace: bigint;
  outsideFunds: bigint;
  bigCount: number;
  top500Count: number;
}

export async function queryDealTotals(db: Tx, scope: MetricScope): Promise<Map<string, DealTotals>> {
  const rows = await queryRows<{
    unit: string;
    signed: number;
    amount: string;
    started: number;
    funds: string;
    outside: string;
    big: number;
    top500: number;
  }>(
    db,
    sql`
    with m as ${unitRelation(scope)}
    select m.unit,
           count(*)::int as signed,
           sum(d.contract_amount)::text as amount,
           count(*) filter (where d.start_date <= ${scope.periodEnd}::date)::int as started,
           sum(d.funds_in_place)::text as funds,
           coalesce(sum(d.funds_in_place) filter (where d.origin in ('out_of_province', 'abroad')), 0)::text as outside,
           count(*) filter (where d.contract_amount >= ${BIG_DEAL_YUAN.toString()}::bigint)::int as big,
           count(*) filter (where d.top500 is not null)::int as top500
    from deals d join m on m.region = d.region_code
    where d.province_code = ${scope.provinceCode}
      and d.signed_date between ${scope.periodStart}::date and ${scope.periodEnd}::date
    group by m.unit`,
  );
  return new Map(
    rows.map((r) => [
      r.unit,
      {
        signedCount: r.signed,
        signedAmount: big(r.amount),
        startedCount: r.started,
        fundsInPlace: big(r.funds),
        outsideFunds: big(r.outside),
        bigCount: r.big,
        top500Count: r.top500,
      },
    ]),
  );
}

export interface ReserveTotals {
  count: number;
  investment: bigint;
  majorCount: number;
  convertedCount: number;
}

/** Reserve projects prepared for the year after the period's year. */
export async function queryReserveTotals(db: Tx, scope: MetricScope): Promise<Map<string, ReserveTotals>> {
  const rows = await queryRows<{
    unit: string;
    n: number;
    investment: string;
    major: number;
    converted: number;
  }>(
    db,
    sql`
    with m as ${unitRelation(scope)}
    select m.unit, count(*)::int as n, coalesce(sum(r.total_investment), 0)::text as investment,
           count(*) filter (where r.major)::int as major,
           count(*) filter (where r.converted_project_code is not null)::int as converted
    from reserve_projects r join m on m.region = r.region_code
    where r.province_code = ${scope.provinceCode} and r.target_year = ${scope.year + 1}
    group by m.unit`,
  );
  return new Map(
    rows.map((r) => [
      r.unit,
      { count: r.n, investment: big(r.investment), majorCount: r.major, convertedCount: r.converted },
    ]),
  );
}

export interface ServiceTotals {
  approvalsDue: number;
  approvalsDone: number;
  approvalDaysTotal: number;
  approvalDaysCount: number;
  issuesRaised: number;
  issuesResolved: number;
}

/** Approval items due in the period and issues raised in it, by the unit of their project. */
export async function queryServiceTotals(db: Tx, scope: MetricScope): Promise<Map<string, ServiceTotals>> {
  const rows = await queryRows<{
    unit: string;
    due: number;
    done: number;
    days: number;
    days_n: number;
    raised: number;
    resolved: number;
  }>(
    db,
    sql`
    with m as ${unitRelation(scope)},
    a as (
      select m.unit, count(*)::int as due,
             count(*) filter (where a.done_date <= ${scope.periodEnd}::date)::int as done,
             coalesce(sum(a.done_date - a.submitted_date) filter (where a.done_date <= ${scope.periodEnd}::date and a.submitted_date is not null), 0)::int as days,
             count(*) filter (where a.done_date <= ${scope.periodEnd}::date and a.submitted_date is not null)::int as days_n
      from approval_items a
      join projects p on p.id = a.project_id and p.province_code = ${scope.provinceCode} and ${inRegions(scope)}
      join m on m.region = p.region_code
      where a.province_code = ${scope.provinceCode}
        and a.due_date between ${scope.periodStart}::date and ${scope.periodEnd}::date
      group by m.unit
    ),
    i as (
      select m.unit, count(*)::int as raised,
             count(*) filter (where i.resolved_date <= ${scope.periodEnd}::date)::int as resolved
      from project_issues i
      join projects p on p.id = i.project_id and p.province_code = ${scope.provinceCode} and ${inRegions(scope)}
      join m on m.region = p.region_code
      where i.province_code = ${scope.provinceCode}
        and i.raised_date between ${scope.periodStart}::date and ${scope.periodEnd}::date
      group by m.unit
    )
    select coalesce(a.unit, i.unit) as unit,
           coalesce(a.due, 0) as due, coalesce(a.done, 0) as done,
           coalesce(a.days, 0) as days, coalesce(a.days_n, 0) as days_n,
           coalesce(i.raised, 0) as raised, coalesce(i.resolved, 0) as resolved
    from a full join i on a.unit = i.unit`,
  );
  return new Map(
    rows.map((r) => [
      r.unit,
      {
        approvalsDue: r.due,
        approvalsDone: r.done,
        approvalDaysTotal: r.days,
        approvalDaysCount: r.days_n,
        issuesRaised: r.raised,
        issuesResolved: r.resolved,
      },
    ]),
  );
}
