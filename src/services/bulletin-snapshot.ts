// Takes what a period's 通报 and unit summaries state besides the scores — the figures of the ranked
// region and of each unit, the red and yellow projects (for the province), the ranks of the earlier
// periods of the year, the 模拟数据 mark — from the data as they are now. Publishing stores it with the
// evaluation (so a published bulletin never changes); a draft bulletin takes it afresh.
import { queryProjectAlertFacts } from '../db/alerts';
import { insertBulletinSnapshot } from '../db/bulletin-snapshots';
import type { Database } from '../db/client';
import { findPublished } from '../db/evaluations';
import { loadRegions } from '../db/lookups';
import type { Tx } from '../db/query';
import { hasSimulatedProjects } from '../db/simulated-data';
import type { EarlierRanks, RegionFigures } from '../domain/bulletin/inputs';
import {
  BULLETIN_SNAPSHOT_VERSION,
  type BulletinSnapshot,
  snapshotToJson,
  type WarningsSnapshot,
} from '../domain/bulletin/snapshot';
import type { EvaluationResult } from '../domain/evaluation/types';
import { type Period, parsePeriod } from '../domain/period';
import {
  childrenOf,
  evaluationGroup,
  provinceOf,
  type RegionNode,
  scopeMap,
  unitMap,
} from '../domain/regions';
import { computeAlerts } from './compute-alerts';
import { computeChildMetrics, computeStats, DEFAULT_LISTS, scopeFor } from './compute-stats';

export const PROGRAMME_982 = '982';

export interface SnapshotRequest {
  /** The region whose units are ranked (the province for the 通报). */
  parent: RegionNode;
  period: Period;
  schemeId: string;
  /** The unit ranks of an earlier period that is not published (the caller runs the evaluation). */
  rankEarlier: (period: Period) => Promise<EvaluationResult>;
  /** 模拟数据 mark: as given, or detected from the demo's marked projects. */
  simulated?: boolean;
  /** Take the province's red and yellow projects (default true; a unit's draft summary needs none). */
  warnings?: boolean;
  now?: Date;
}

export async function takeBulletinSnapshot(
  database: Database,
  request: SnapshotRequest,
): Promise<BulletinSnapshot> {
  const { parent, period } = request;
  const regions = await loadRegions(database.db);
  const figures: Record<string, RegionFigures> = {
    [parent.code]: await regionFigures(database, parent.code, period),
    ...(await unitFigures(database, regions, parent.code, period)),
  };
  return {
    version: BULLETIN_SNAPSHOT_VERSION,
    takenAt: (request.now ?? new Date()).toISOString(),
    simulated: request.simulated ?? (await hasSimulatedProjects(database.db, provinceOf(parent.code))),
    figures,
    earlier: await earlierRanks(database, request),
    warnings:
      parent.kind === 'province' && request.warnings !== false
        ? await provinceWarnings(database, regions, parent, period)
        : null,
  };
}

/** Stores a snapshot with the evaluation just published, in its transaction. */
export function storeBulletinSnapshot(tx: Tx, evaluationId: number, snapshot: BulletinSnapshot) {
  return insertBulletinSnapshot(tx, evaluationId, snapshotToJson(snapshot));
}

/** A region and all its descendants: the key lists, and the "982" programme when it has any. */
async function regionFigures(database: Database, region: string, period: Period): Promise<RegionFigures> {
  const key = await computeStats(database, { region, period: period.id, lists: DEFAULT_LISTS });
  const programme = await computeStats(database, { region, period: period.id, lists: [PROGRAMME_982] });
  return {
    totals: key.totals,
    programme982: programme.totals.key.projectCount > 0 ? programme.totals.key : null,
  };
}

/** Each unit of the parent (with its descendants), in two grouped queries instead of two per unit. */
async function unitFigures(
  database: Database,
  regions: RegionNode[],
  parent: string,
  period: Period,
): Promise<Record<string, RegionFigures>> {
  const key = await computeChildMetrics(database.db, regions, parent, period, DEFAULT_LISTS);
  const programme = await computeChildMetrics(database.db, regions, parent, period, [PROGRAMME_982]);
  const p982 = new Map(programme.map((p) => [p.unit.code, p.totals.key]));
  return Object.fromEntries(
    key.map((k) => {
      const p = p982.get(k.unit.code);
      return [k.unit.code, { totals: k.totals, programme982: p && p.projectCount > 0 ? p : null }];
    }),
  );
}

/** Earlier periods of the same year: the quarters before a quarter, the month before a month; none for a year. */
export function earlierPeriods(period: Period): Period[] {
  if (period.kind === 'quarter') {
    const q = period.month / 3;
    return Array.from({ length: q - 1 }, (_, i) => parsePeriod(`${period.year}Q${i + 1}`));
  }
  if (period.kind === 'month' && period.month > 1) {
    return [parsePeriod(`${period.year}-${String(period.month - 1).padStart(2, '0')}`)];
  }
  return [];
}

async function earlierRanks(database: Database, request: SnapshotRequest): Promise<EarlierRanks[]> {
  const out: EarlierRanks[] = [];
  for (const p of earlierPeriods(request.period)) {
    const stored = await findPublished(database.db, request.schemeId, request.parent.code, p.id);
    const result = stored ? (stored.result as EvaluationResult) : await request.rankEarlier(p);
    out.push({
      period: p,
      ranks: Object.fromEntries(result.units.map((u) => [u.code, u.rank])),
      published: stored !== null,
    });
  }
  return out;
}

/** The province's red and yellow projects at the period's last month, with the unit each counts for. */
async function provinceWarnings(
  database: Database,
  regions: RegionNode[],
  province: RegionNode,
  period: Period,
): Promise<WarningsSnapshot> {
  const alerts = await computeAlerts(database, { region: province.code, period: period.id });
  // The amounts of the warned projects (computeAlerts answers with lights only).
  const facts = await queryProjectAlertFacts(
    database.db,
    scopeFor(scopeMap(regions, province.code), province.code, period, DEFAULT_LISTS),
  );
  const amounts = new Map(facts.map((f) => [f.code, f]));
  // Cities with 济源示范区 first, then the 省直管县, each by code: the order of the ranking tables.
  const groupOrder = (r: RegionNode) => (evaluationGroup(r) === 'city' ? 0 : 1);
  const units = childrenOf(regions, province.code).sort(
    (a, b) => groupOrder(a) - groupOrder(b) || a.code.localeCompare(b.code),
  );
  const unitOf = unitMap(regions, province.code);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  return {
    units: units.map((u) => ({ code: u.code, name: u.name })),
    counts: alerts.counts,
    projects: alerts.projects.flatMap((p) => {
      if (p.level === 'green') return [];
      const unit = byCode.get(unitOf.get(p.region.code) ?? '') ?? province;
      const f = amounts.get(p.code);
      return [
        {
          code: p.code,
          name: p.name,
          regionCode: p.region.code,
          regionName: p.region.name,
          unitCode: unit.code,
          unitName: unit.name,
          level: p.level,
          alerts: p.alerts.map((a) => ({ message: a.message })),
          annualTarget: f?.annualTarget ?? null,
          investYtd: f?.investYtd ?? null,
        },
      ];
    }),
  };
}
