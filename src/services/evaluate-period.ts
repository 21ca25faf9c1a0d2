// Evaluation: compute a period's scores from SQL metrics (a draft, with what moved since the published
// result). Publishing and revoking are in publish-evaluation.ts, verifying in verify-evaluation.ts.

import type { Database } from '../db/client';
import { findPublished, queryAdjustments, queryEvents } from '../db/evaluations';
import { loadRegions } from '../db/lookups';
import { QUALITY_METRIC_NAMES } from '../domain/data-quality';
import { contentHash } from '../domain/evaluation/content-hash';
import {
  type EvaluationInput,
  type EvaluationOptions,
  type EvaluationResult,
  evaluate,
} from '../domain/evaluation/engine';
import { hasQuarterIndicators } from '../domain/evaluation/quarters';
import { checkSchemeYear, type Scheme, SchemeError, schemeMetrics } from '../domain/evaluation/scheme';
import { metricsToNumbers } from '../domain/metrics';
import { type Period, parsePeriod } from '../domain/period';
import { evaluationGroup, groupLabel, provinceOf, type RegionNode, unitMap } from '../domain/regions';
import { loadSchemeFile } from '../schemes/load-scheme';
import { checkDataQuality } from './check-data-quality';
import { computeChildMetrics, DEFAULT_LISTS, requireRegion } from './compute-stats';
import { NotFoundError, UsageError } from './errors';
import { selfScoresOf } from './self-scores';

export interface EvaluateRequest {
  /** Built-in scheme id or scheme file path. */
  scheme: string;
  /** An already validated scheme (an edited copy sent by the web app): used instead of `scheme`. */
  schemeOverride?: Scheme;
  period: string;
  /** The region whose children are ranked; default the province. */
  region?: string;
  group?: string;
  options?: EvaluationOptions;
  actor: string;
  ip?: string | null;
  /**
   * Publish despite the gate's refusals, for this reason (stored with the result and audited). The
   * caller has checked that the actor may (policy 'evaluation.override'; the CLI is the operator).
   */
  overrideReason?: string;
}

/** Everything a result depends on: stored with a published evaluation, enough to recompute it. */
export interface EvaluationSnapshot {
  scheme: Scheme;
  input: Omit<EvaluationInput, 'scheme'>;
}

export interface EvaluationRun {
  period: Period;
  parent: RegionNode;
  snapshot: EvaluationSnapshot;
  result: EvaluationResult;
  hash: string;
  /** The published evaluation of the same scheme, region and period, if any, and what moved since. */
  published: { id: number; hash: string; identical: boolean; moves: RankMove[] } | null;
}

export interface RankMove {
  unit: string;
  name: string;
  publishedRank: number | null;
  rank: number | null;
  publishedTotal: number | null;
  total: number | null;
}

export async function runEvaluation(database: Database, request: EvaluateRequest): Promise<EvaluationRun> {
  const { db } = database;
  const loaded = request.schemeOverride
    ? { scheme: request.schemeOverride }
    : await loadSchemeFile(request.scheme);
  const period = parsePeriod(request.period);
  // A scheme that declares the years it applies to refuses any other (docs/schemes.md → years).
  const outside = checkSchemeYear(loaded.scheme, period.year);
  if (outside) throw new SchemeError([outside], request.scheme);
  const regions = await loadRegions(db);
  const parent = request.region
    ? requireRegion(regions, request.region)
    : (regions.find((r) => r.kind === 'province') ?? null);
  if (!parent) throw new NotFoundError('没有省级地区：请先导入地区');
  const snapshot = await collectInputs(database, regions, parent, period, loaded.scheme, request);
  const result = evaluate({ scheme: snapshot.scheme, ...snapshot.input });
  const hash = hashOf(snapshot, result);
  const stored = await findPublished(db, loaded.scheme.id, parent.code, period.id);
  return {
    period,
    parent,
    snapshot,
    result,
    hash,
    published: stored
      ? {
          id: stored.id,
          hash: stored.contentHash,
          identical: stored.contentHash === hash,
          moves: rankMoves(stored.result as EvaluationResult, result),
        }
      : null,
  };
}

export async function collectInputs(
  database: Database,
  regions: RegionNode[],
  parent: RegionNode,
  period: Period,
  scheme: Scheme,
  request: EvaluateRequest,
): Promise<EvaluationSnapshot> {
  const { db } = database;
  const children = await computeChildMetrics(db, regions, parent.code, period, DEFAULT_LISTS);
  const units = children.map((c) => ({
    code: c.unit.code,
    name: c.unit.name,
    group: evaluationGroup(c.unit),
  }));
  if (request.group && !units.some((u) => u.group === request.group)) {
    throw new UsageError(
      `${parent.name}下没有分组「${request.group}」，可用：${[...new Set(units.map((u) => u.group))].map((g) => `${groupLabel(g)}（${g}）`).join('、')}`,
    );
  }
  const values = Object.fromEntries(children.map((c) => [c.unit.code, metricsToNumbers(c.metrics)]));
  await addQualityMetrics(database, scheme, parent, period, values);
  const events = await queryEvents(
    db,
    provinceOf(parent.code),
    unitMap(regions, parent.code),
    period.start,
    period.end,
  );
  const adjustments = await queryAdjustments(db, scheme.id, parent.code, period.id);
  // Only when the scheme declares self_score and a unit reported one: other snapshots hash as before.
  const selfScores = await selfScoresOf(database, scheme, parent.code, period.id);
  const groups = request.group
    ? [request.group]
    : scheme.groups.filter((g) => units.some((u) => u.group === g));
  return {
    scheme,
    input: {
      units,
      values,
      events: events.map((e) => ({
        unit: e.unit,
        item: e.item,
        count: e.count,
        ...(e.note ? { note: e.note } : {}),
      })),
      adjustments: adjustments.map((a) => ({
        unit: a.unit,
        kind: a.kind,
        ...(a.item ? { item: a.item } : {}),
        points: Number(a.points),
        reason: a.reason,
        author: a.author,
        ...(a.approvedBy ? { approvedBy: a.approvedBy } : {}),
      })),
      ...(selfScores.length ? { selfScores } : {}),
      // The period only for quarter-only indicators, so other schemes' snapshots hash as before.
      context: hasQuarterIndicators(scheme)
        ? { timeProgress: period.month / 12, period: period.id }
        : { timeProgress: period.month / 12 },
      options: { ...request.options, groups: groups.length ? groups : undefined },
    },
  };
}

/**
 * 信息报送质量 from the data-quality checks (reports.qualityFindings, reports.cleanRate), added to the
 * inputs only when the scheme reads them: the shipped schemes' inputs, and so their content hashes,
 * stay as they were.
 */
async function addQualityMetrics(
  database: Database,
  scheme: Scheme,
  parent: RegionNode,
  period: Period,
  values: Record<string, Record<string, number | null>>,
): Promise<void> {
  if (!schemeMetrics(scheme).some((m) => QUALITY_METRIC_NAMES.has(m))) return;
  const quality = await checkDataQuality(database, { region: parent.code, period: period.id });
  for (const unit of quality.units) {
    const own = values[unit.region.code];
    if (own) Object.assign(own, unit.metrics);
  }
}

export function hashOf(snapshot: EvaluationSnapshot, result: EvaluationResult): string {
  return contentHash({ snapshot, result });
}

export function rankMoves(before: EvaluationResult, after: EvaluationResult): RankMove[] {
  const old = new Map(before.units.map((u) => [u.code, u]));
  const moves: RankMove[] = [];
  for (const unit of after.units) {
    const prior = old.get(unit.code);
    if (prior && prior.rank === unit.rank && prior.adjusted === unit.adjusted) continue;
    moves.push({
      unit: unit.code,
      name: unit.name,
      publishedRank: prior?.rank ?? null,
      rank: unit.rank,
      publishedTotal: prior?.adjusted ?? null,
      total: unit.adjusted,
    });
  }
  return moves;
}
