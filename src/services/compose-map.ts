// 挂图作战 (GET /api/map): a region's projects as points (where they stand, their 红黄绿灯), its
// child units with their completion rate of the annual plan, and the schematic outlines of those
// units drawn from the projects' coordinates (示意边界, src/domain/region-outlines.ts).
import type { Database } from '../db/client';
import { queryMapProjects } from '../db/map';
import { queryKeyProjectTotals } from '../db/metrics/key-projects';
import type { LightLevel } from '../domain/alerts';
import { type Period, parsePeriod } from '../domain/period';
import { type RegionOutlines, regionOutlines } from '../domain/region-outlines';
import { childrenOf, type RegionNode, scopeMap, unitMap } from '../domain/regions';
import { computeAlerts } from './compute-alerts';
import { DEFAULT_LISTS, requireRegion, scopeFor } from './compute-stats';
import { regionTree } from './region-tree';

export interface MapRequest {
  region: string;
  period: string;
  lists?: string[];
}

export type ProjectStage = 'preparatory' | 'not_started' | 'under_construction' | 'completed';

type RegionRef = Pick<RegionNode, 'code' | 'name' | 'kind'>;

export interface MapPoint {
  id: number;
  code: string;
  name: string;
  /** The child unit the project lies in; null for the region's own projects. */
  unitCode: string | null;
  lng: number;
  lat: number;
  stage: ProjectStage;
  level: LightLevel;
}

export interface MapChild {
  region: RegionRef;
  /** Investment completed ÷ annual target of the unit's projects; null without a target. */
  completionRate: number | null;
  /** 元. */
  investYtd: bigint;
  annualTarget: bigint;
  /** 元: Σ the total investment (总投资) of the unit's projects on the lists. */
  totalInvestment: bigint;
  projectCount: number;
}

export interface RegionMap {
  region: RegionRef;
  period: Period;
  lists: string[];
  /** 元: Σ the total investment (总投资) of every project in scope, located or not. */
  totalInvestment: bigint;
  points: MapPoint[];
  /** Projects in scope without coordinates (not on the map). */
  unlocatedProjects: number;
  children: MapChild[];
  outlines: RegionOutlines;
  /** Child units without a located project: no outline. */
  unlocatedChildren: string[];
}

/** 竣工 once completed, 在建 once started, 前期 for a preparatory project not yet started, else 未开工. */
export function projectStage(p: {
  preparatory: boolean;
  started: boolean;
  completed: boolean;
}): ProjectStage {
  if (p.completed) return 'completed';
  if (p.started) return 'under_construction';
  return p.preparatory ? 'preparatory' : 'not_started';
}

const ref = (r: RegionNode): RegionRef => ({ code: r.code, name: r.name, kind: r.kind });

export async function composeMap(database: Database, request: MapRequest): Promise<RegionMap> {
  const { db } = database;
  const period = parsePeriod(request.period);
  const regions = await regionTree(database);
  const region = requireRegion(regions, request.region);
  const lists = request.lists?.length ? request.lists : DEFAULT_LISTS;
  const unitOf = unitMap(regions, region.code);

  const rows = await queryMapProjects(
    db,
    scopeFor(scopeMap(regions, region.code), region.code, period, lists),
  );
  const alerts = await computeAlerts(database, { region: region.code, period: request.period, lists });
  const levels = new Map(alerts.projects.map((p) => [p.id, p.level]));
  const points: MapPoint[] = [];
  const invested = new Map<string, bigint>();
  let totalInvestment = 0n;
  for (const r of rows) {
    const unit = unitOf.get(r.regionCode) ?? null;
    totalInvestment += r.totalInvestment ?? 0n;
    if (unit) invested.set(unit, (invested.get(unit) ?? 0n) + (r.totalInvestment ?? 0n));
    if (r.lng === null || r.lat === null) continue;
    points.push({
      id: r.id,
      code: r.code,
      name: r.name,
      unitCode: unit,
      lng: r.lng,
      lat: r.lat,
      stage: projectStage(r),
      level: levels.get(r.id) ?? 'green',
    });
  }

  const withOwn = new Map(unitOf);
  withOwn.set(region.code, region.code);
  const totals = await queryKeyProjectTotals(db, scopeFor(withOwn, region.code, period, lists));
  const units = childrenOf(regions, region.code);
  const children = units.map((unit): MapChild => {
    const t = totals.get(unit.code);
    const annualTarget = t?.annualTarget ?? 0n;
    const investYtd = t?.investYtd ?? 0n;
    return {
      region: ref(unit),
      completionRate: annualTarget > 0n ? Number(investYtd) / Number(annualTarget) : null,
      investYtd,
      annualTarget,
      totalInvestment: invested.get(unit.code) ?? 0n,
      projectCount: t?.projectCount ?? 0,
    };
  });
  const { outlines, unlocated } = regionOutlines(units, points);
  return {
    region: ref(region),
    period,
    lists,
    totalInvestment,
    points,
    unlocatedProjects: rows.length - points.length,
    children,
    outlines,
    unlocatedChildren: unlocated,
  };
}
