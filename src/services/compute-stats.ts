// `sibi stats`: the metrics of domain.md for a region and all its descendants.
import type { Database } from '../db/client';
import { loadRegions } from '../db/lookups';
import type { MetricScope } from '../db/metrics/scope';
import { queryUnitTotals } from '../db/metrics/unit-totals';
import type { Tx } from '../db/query';
import { deriveMetrics, type MetricSet, type UnitTotals } from '../domain/metrics';
import { type Period, parsePeriod } from '../domain/period';
import { childrenOf, provinceOf, type RegionNode, scopeMap, unitMap } from '../domain/regions';
import { NotFoundError } from './errors';

export const DEFAULT_LISTS = ['province_key', 'city_key'];

export interface StatsRequest {
  region: string;
  period: string;
  lists?: string[];
}

export interface RegionStats {
  region: { code: string; name: string; kind: string };
  period: Period;
  lists: string[];
  totals: UnitTotals;
  metrics: MetricSet;
}

export async function computeStats(database: Database, request: StatsRequest): Promise<RegionStats> {
  const period = parsePeriod(request.period);
  const regions = await loadRegions(database.db);
  const region = requireRegion(regions, request.region);
  const lists = request.lists?.length ? request.lists : DEFAULT_LISTS;
  const totals = await queryUnitTotals(
    database.db,
    scopeFor(scopeMap(regions, region.code), region.code, period, lists),
  );
  const unitTotals = totals.get(region.code)!;
  return {
    region: { code: region.code, name: region.name, kind: region.kind },
    period,
    lists,
    totals: unitTotals,
    metrics: deriveMetrics(unitTotals, period.month),
  };
}

export interface UnitMetrics {
  unit: RegionNode;
  totals: UnitTotals;
  metrics: MetricSet;
}

/** Metrics of each child unit of `parent` (the province's cities, a city's counties). */
export async function computeChildMetrics(
  db: Tx,
  regions: RegionNode[],
  parent: string,
  period: Period,
  lists: string[],
): Promise<UnitMetrics[]> {
  const totals = await queryUnitTotals(db, scopeFor(unitMap(regions, parent), parent, period, lists));
  return childrenOf(regions, parent).map((unit) => {
    const t = totals.get(unit.code)!;
    return { unit, totals: t, metrics: deriveMetrics(t, period.month) };
  });
}

export function requireRegion(regions: RegionNode[], code: string): RegionNode {
  const region = regions.find((r) => r.code === code);
  if (!region) throw new NotFoundError(`地区 ${code} 不存在`);
  return region;
}

export function scopeFor(
  unitOf: Map<string, string>,
  root: string,
  period: Period,
  lists: string[],
): MetricScope {
  const provinceCode = provinceOf(root);
  return {
    provinceCode,
    ...(root === provinceCode ? {} : { regions: [...unitOf.keys()] }),
    unitOf,
    year: period.year,
    month: period.month,
    periodStart: period.start,
    periodEnd: period.end,
    lists,
  };
}
