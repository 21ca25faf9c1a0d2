// The 驾驶舱 of a region for a period: its figures, its child units side by side (who lags most),
// investment month by month against time progress, and its rank in every published evaluation.
// One metric pass serves the region and its children: the region's totals are the sum of its
// children's plus its own projects (every total adds exactly).
import type { Database } from '../db/client';
import { queryMonthlyInvestment } from '../db/metrics/monthly-investment';
import { queryUnitTotals } from '../db/metrics/unit-totals';
import { queryRankHistory, type RankEntry } from '../db/rank-history';
import { addTotals, deriveMetrics, emptyTotals, type MetricSet, type UnitTotals } from '../domain/metrics';
import { type Period, parsePeriod } from '../domain/period';
import { childrenOf, type RegionNode, scopeMap, unitMap } from '../domain/regions';
import { DEFAULT_LISTS, requireRegion, scopeFor } from './compute-stats';
import { regionTree } from './region-tree';

export interface DashboardRequest {
  region: string;
  period: string;
  lists?: string[];
}

export interface ChildFigures {
  unit: RegionNode;
  metrics: MetricSet;
  /** Investment completion rate minus time progress (negative: behind); null without a target. */
  gap: number | null;
}

export interface Dashboard {
  region: RegionNode;
  period: Period;
  lists: string[];
  metrics: MetricSet;
  /** Each month of the year up to the period's last month. */
  monthly: { month: number; investYtd: bigint; planToDate: bigint }[];
  children: ChildFigures[];
  /** Children behind time progress, furthest behind first (at most five). */
  lagging: ChildFigures[];
  rankHistory: RankEntry[];
}

const LAGGING_SHOWN = 5;

export async function composeDashboard(database: Database, request: DashboardRequest): Promise<Dashboard> {
  const { db } = database;
  const period = parsePeriod(request.period);
  const regions = await regionTree(database);
  const region = requireRegion(regions, request.region);
  const lists = request.lists?.length ? request.lists : DEFAULT_LISTS;

  const unitOf = unitMap(regions, region.code);
  unitOf.set(region.code, region.code);
  const totals = await queryUnitTotals(db, scopeFor(unitOf, region.code, period, lists));
  let sum: UnitTotals = emptyTotals();
  for (const t of totals.values()) sum = addTotals(sum, t);
  const metrics = deriveMetrics(sum, period.month);

  const children = childrenOf(regions, region.code).map((unit) => {
    const m = deriveMetrics(totals.get(unit.code) ?? emptyTotals(), period.month);
    const rate = m['key.investRate'];
    return { unit, metrics: m, gap: typeof rate === 'number' ? rate - period.month / 12 : null };
  });
  const lagging = children
    .filter((c) => c.gap !== null && c.gap < 0)
    .sort((a, b) => a.gap! - b.gap! || a.unit.code.localeCompare(b.unit.code))
    .slice(0, LAGGING_SHOWN);

  const series = await queryMonthlyInvestment(
    db,
    scopeFor(scopeMap(regions, region.code), region.code, period, lists),
  );
  const monthly = series.map((s) => ({
    ...s,
    // the annual target spread evenly over the year, rounded down to the 元
    planToDate: (sum.key.annualTarget * BigInt(s.month)) / 12n,
  }));
  const rankHistory = region.parentCode ? await queryRankHistory(db, region.parentCode, region.code) : [];
  return { region, period, lists, metrics, monthly, children, lagging, rankHistory };
}
