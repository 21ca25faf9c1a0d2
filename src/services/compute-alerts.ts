// `sibi warnings` / GET /api/warnings: the 红黄绿灯 of a region's projects and of its child units
// for a period, with the thresholds the system administrator set (settings `alert.*`).

import { type ProjectAlertRow, queryProjectAlertFacts } from '../db/alerts';
import type { Database } from '../db/client';
import { queryKeyProjectTotals } from '../db/metrics/key-projects';
import {
  type Alert,
  type AlertThresholds,
  type InvestmentTotals,
  type LightLevel,
  projectAlerts,
  regionAlerts,
} from '../domain/alerts';
import { type Period, parsePeriod } from '../domain/period';
import { childrenOf, provinceOf, type RegionNode, scopeMap, unitMap } from '../domain/regions';
import { DEFAULT_LISTS, requireRegion, scopeFor } from './compute-stats';
import { regionTree } from './region-tree';
import { alertThresholds, loadSettings } from './settings';

export interface AlertsRequest {
  region: string;
  period: string;
  lists?: string[];
  /** Only the projects and units at this level (default: every red and yellow one). */
  level?: 'red' | 'yellow';
}

type RegionRef = Pick<RegionNode, 'code' | 'name' | 'kind'>;

export interface ProjectLight {
  id: number;
  code: string;
  name: string;
  region: RegionRef;
  level: LightLevel;
  alerts: Alert[];
}

export interface UnitLight {
  region: RegionRef;
  /** Investment completion rate (null without a target). */
  investRate: number | null;
  level: LightLevel;
  alerts: Alert[];
}

export interface AlertsReport {
  region: RegionRef;
  period: Period;
  lists: string[];
  thresholds: AlertThresholds;
  /** The province's investment completion rate, the reference of region_behind. */
  provinceRate: number | null;
  /** How many of the scope's projects are at each level (before the level filter). */
  counts: Record<LightLevel, number>;
  /** Red and yellow projects, red first, then by code. */
  projects: ProjectLight[];
  /** The region itself (unless it is the province) and its child units, when behind. */
  units: UnitLight[];
}

const ref = (r: RegionNode): RegionRef => ({ code: r.code, name: r.name, kind: r.kind });
const rateOf = (t: InvestmentTotals) =>
  t.annualTarget > 0n ? Number(t.investYtd) / Number(t.annualTarget) : null;
const ORDER: Record<LightLevel, number> = { red: 0, yellow: 1, green: 2 };

export async function computeAlerts(database: Database, request: AlertsRequest): Promise<AlertsReport> {
  const { db } = database;
  const period = parsePeriod(request.period);
  const regions = await regionTree(database);
  const region = requireRegion(regions, request.region);
  const lists = request.lists?.length ? request.lists : DEFAULT_LISTS;
  const thresholds = alertThresholds(await loadSettings(db));
  const byCode = new Map(regions.map((r) => [r.code, r]));

  const facts = await queryProjectAlertFacts(
    db,
    scopeFor(scopeMap(regions, region.code), region.code, period, lists),
  );
  const counts: Record<LightLevel, number> = { red: 0, yellow: 0, green: 0 };
  const projects: ProjectLight[] = [];
  for (const f of facts) {
    const light = projectAlerts(f, period, thresholds);
    counts[light.level]++;
    if (light.level === 'green') continue;
    projects.push(projectLight(f, byCode.get(f.regionCode) ?? region, light.level, light.alerts));
  }
  projects.sort((a, b) => ORDER[a.level] - ORDER[b.level] || a.code.localeCompare(b.code));

  const units = await unitLights(database, regions, region, period, lists, thresholds);
  const wanted = <T extends { level: LightLevel }>(items: T[]) =>
    request.level ? items.filter((i) => i.level === request.level) : items.filter((i) => i.level !== 'green');
  return {
    region: ref(region),
    period,
    lists,
    thresholds,
    provinceRate: units.provinceRate,
    counts,
    projects: wanted(projects),
    units: wanted(units.lights),
  };
}

function projectLight(
  f: ProjectAlertRow,
  region: RegionNode,
  level: LightLevel,
  alerts: Alert[],
): ProjectLight {
  return { id: f.id, code: f.code, name: f.name, region: ref(region), level, alerts };
}

/** The region and each child unit against the province's investment completion rate. */
async function unitLights(
  database: Database,
  regions: RegionNode[],
  region: RegionNode,
  period: Period,
  lists: string[],
  thresholds: AlertThresholds,
): Promise<{ provinceRate: number | null; lights: UnitLight[] }> {
  const { db } = database;
  const unitOf = unitMap(regions, region.code);
  // the region's own projects (outside every child) count for the region as a whole only
  unitOf.set(region.code, region.code);
  const totals = await queryKeyProjectTotals(db, scopeFor(unitOf, region.code, period, lists));
  const zero: InvestmentTotals = { annualTarget: 0n, investYtd: 0n };
  const whole: InvestmentTotals = { ...zero };
  for (const t of totals.values()) {
    whole.annualTarget += t.annualTarget;
    whole.investYtd += t.investYtd;
  }
  const provinceCode = provinceOf(region.code);
  let province = whole;
  if (region.code !== provinceCode) {
    const all = await queryKeyProjectTotals(
      db,
      scopeFor(scopeMap(regions, provinceCode), provinceCode, period, lists),
    );
    province = all.get(provinceCode) ?? zero;
  }
  const light = (unit: RegionNode, t: InvestmentTotals): UnitLight => ({
    region: ref(unit),
    investRate: rateOf(t),
    ...regionAlerts(t, province, thresholds),
  });
  const lights = childrenOf(regions, region.code).map((child) =>
    light(child, totals.get(child.code) ?? zero),
  );
  if (region.code !== provinceCode) lights.unshift(light(region, whole));
  return { provinceRate: rateOf(province), lights };
}
