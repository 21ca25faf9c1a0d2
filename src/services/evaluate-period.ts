// Evaluation use cases: compute a period's scores from SQL metrics, publish them immutably with a
// content hash once the publish gate passes (or an authorised user overrides it with a reason),
// revoke a published result by a record of its own, and verify a published result by recomputing it
// from its stored inputs and from the current data.

import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import {
  findPublished,
  getEvaluation,
  insertEvaluation,
  insertRevocation,
  queryAdjustments,
  queryEvents,
  type StoredEvaluation,
} from '../db/evaluations';
import { loadRegions } from '../db/lookups';
import { revokeLinksOf } from '../db/public-links';
import { QUALITY_METRIC_NAMES } from '../domain/data-quality';
import { canonicalJson } from '../domain/evaluation/canonical-json';
import { contentHash } from '../domain/evaluation/content-hash';
import {
  type EvaluationInput,
  type EvaluationOptions,
  type EvaluationResult,
  evaluate,
} from '../domain/evaluation/engine';
import {
  checkPublishGate,
  type PublishGateRecord,
  type PublishGateReport,
} from '../domain/evaluation/publish-gate';
import { checkSchemeYear, type Scheme, SchemeError, schemeMetrics } from '../domain/evaluation/scheme';
import { metricsToNumbers } from '../domain/metrics';
import { type Period, parsePeriod } from '../domain/period';
import { evaluationGroup, provinceOf, type RegionNode, unitMap } from '../domain/regions';
import { loadSchemeFile } from '../schemes/load-scheme';
import { storeBulletinSnapshot, takeBulletinSnapshot } from './bulletin-snapshot';
import { checkDataQuality } from './check-data-quality';
import { computeChildMetrics, DEFAULT_LISTS, requireRegion } from './compute-stats';
import { ConflictError, NotFoundError, RuleViolationError, UsageError } from './errors';

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

async function collectInputs(
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
      `${parent.name}下没有分组「${request.group}」，可用：${[...new Set(units.map((u) => u.group))].join('、')}`,
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
      context: { timeProgress: period.month / 12 },
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

function hashOf(snapshot: EvaluationSnapshot, result: EvaluationResult): string {
  return contentHash({ snapshot, result });
}

/** The publish gate of a run: coverage and units without data from its inputs, quality errors from the checks. */
export async function publishGateOf(database: Database, run: EvaluationRun): Promise<PublishGateReport> {
  const quality = await checkDataQuality(database, { region: run.parent.code, period: run.period.id });
  return checkPublishGate({
    scheme: run.snapshot.scheme,
    result: run.result,
    values: run.snapshot.input.values,
    qualityErrors: new Map(quality.units.map((u) => [u.region.code, u.counts.errors])),
  });
}

/** Publication refused by the gate: `details` is the gate's report (refusals in Chinese, with codes). HTTP 422. */
export class PublishRefusedError extends RuleViolationError {
  override name = 'PublishRefusedError';
  constructor(readonly gate: PublishGateReport) {
    super(
      `发布前检查未通过，结果未发布：${gate.refusals.map((r) => r.message).join('；')}。有权限的用户可说明理由后仍然发布`,
      gate,
    );
  }
}

/** An override reason: 4 to 500 characters once trimmed. */
export function overrideReasonOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const reason = text.trim();
  if (reason.length < 4 || reason.length > 500) {
    throw new UsageError('仍然发布的理由需要 4 到 500 个字');
  }
  return reason;
}

export interface PublishOutcome {
  id: number;
  hash: string;
  run: EvaluationRun;
  gate: PublishGateRecord;
}

/**
 * Publishes once per scheme, region and period (a new edition only after the standing one was
 * revoked): a published result never changes. Refused by the gate unless overridden with a reason.
 */
export async function publishEvaluation(
  database: Database,
  request: EvaluateRequest,
): Promise<PublishOutcome> {
  const reason = overrideReasonOf(request.overrideReason);
  const run = await runEvaluation(database, request);
  if (run.published) {
    throw new ConflictError(
      `${run.parent.name} ${run.period.id} 的「${run.snapshot.scheme.name}」考评结果已于此前发布（编号 ${run.published.id}），发布后不可更改${run.published.identical ? '' : '；当前数据的重新计算结果与已发布结果不同，可作为草稿查看变化'}；如需重新发布，请先撤销已发布的结果`,
    );
  }
  const report = await publishGateOf(database, run);
  const scope = { scheme: run.snapshot.scheme.id, period: run.period.id, parent: run.parent.code };
  if (report.refusals.length > 0 && reason === undefined) {
    await writeAudit(database.db, {
      actor: request.actor,
      ip: request.ip,
      action: 'evaluation.publish',
      targetType: 'evaluation',
      outcome: 'rejected',
      details: { ...scope, refusals: report.refusals.map((r) => r.message) },
    });
    throw new PublishRefusedError(report);
  }
  const gate: PublishGateRecord = {
    ...report,
    // A reason overrides refusals; with none to override there is nothing to record.
    override:
      report.refusals.length > 0 && reason !== undefined
        ? { reason, by: request.actor, at: new Date().toISOString() }
        : null,
  };
  // What the period's 通报 states besides the scores, stored beside the hashed snapshot (bulletin-snapshot.ts).
  const bulletin = await takeBulletinSnapshot(database, {
    parent: run.parent,
    period: run.period,
    schemeId: run.snapshot.scheme.id,
    rankEarlier: async (p) => (await runEvaluation(database, { ...request, period: p.id })).result,
  });
  const id = await database.db.transaction(async (tx) => {
    const newId = await insertEvaluation(tx, {
      schemeId: run.snapshot.scheme.id,
      schemeVersion: run.snapshot.scheme.version,
      period: run.period.id,
      parentCode: run.parent.code,
      provinceCode: provinceOf(run.parent.code),
      state: 'published',
      scheme: run.snapshot.scheme,
      inputs: run.snapshot.input,
      options: run.snapshot.input.options ?? {},
      result: run.result,
      contentHash: run.hash,
      createdBy: request.actor,
      publishedBy: request.actor,
      publishGate: gate,
    });
    // Another publication of the same period committed first (a race the check above cannot see).
    if (newId === null) {
      throw new ConflictError(
        `${run.parent.name} ${run.period.id} 的「${run.snapshot.scheme.name}」考评结果已由他人同时发布，发布后不可更改`,
      );
    }
    await storeBulletinSnapshot(tx, newId, bulletin);
    await writeAudit(tx, {
      actor: request.actor,
      ip: request.ip,
      action: 'evaluation.publish',
      targetType: 'evaluation',
      targetId: String(newId),
      outcome: 'ok',
      after: { ...scope, hash: run.hash, coverage: gate.coverage },
      details: gate.override
        ? { override: gate.override.reason, refusals: gate.refusals.map((r) => r.message) }
        : undefined,
    });
    return newId;
  });
  return { id, hash: run.hash, run, gate };
}

export interface RevokeRequest {
  reason: string;
  actor: string;
  ip?: string | null;
  now?: Date;
}

export interface RevokeOutcome {
  id: number;
  revokedAt: Date;
  /** Public links of the result that were open and are now revoked with it. */
  links: string[];
}

/**
 * Revokes a published evaluation: a revocation record (the evaluation row stays as it was), its open
 * public links revoked with it, audited. The scope may then be published again as a new edition.
 */
export async function revokeEvaluation(
  database: Database,
  id: number,
  request: RevokeRequest,
): Promise<RevokeOutcome> {
  const reason = request.reason.trim();
  if (reason.length < 4 || reason.length > 500) throw new UsageError('撤销理由需要 4 到 500 个字');
  const stored = await getEvaluation(database.db, id);
  if (stored?.state !== 'published') throw new NotFoundError(`考评结果 ${id} 不存在`);
  if (stored.revocation) throw new ConflictError(`考评结果 ${id} 已于此前撤销`);
  const revokedAt = request.now ?? new Date();
  return database.db.transaction(async (tx) => {
    const inserted = await insertRevocation(tx, {
      evaluationId: id,
      reason,
      revokedBy: request.actor,
      revokedAt,
    });
    if (!inserted) throw new ConflictError(`考评结果 ${id} 已由他人同时撤销`);
    const links = await revokeLinksOf(tx, 'evaluation', id, revokedAt);
    await writeAudit(tx, {
      actor: request.actor,
      ip: request.ip,
      action: 'evaluation.revoke',
      targetType: 'evaluation',
      targetId: String(id),
      outcome: 'ok',
      before: {
        scheme: stored.schemeId,
        period: stored.period,
        parent: stored.parentCode,
        hash: stored.contentHash,
      },
      details: { reason, links },
    });
    return { id, revokedAt, links };
  });
}

export interface Verification {
  id: number;
  /** The hash stored at publication. */
  storedHash: string;
  /** Recomputed from the inputs stored with the result (scheme, metric values, events, options). */
  recomputedHash: string;
  /** Stored and recomputed hash and result bytes are the same: the published result is intact. */
  identical: boolean;
  /**
   * Recomputed from the current data with the stored scheme and options (absent when not asked):
   * differs when data changed after publication, which never changes the published result.
   */
  current?: { hash: string; identical: boolean; moves: RankMove[] };
}

/**
 * Recomputes a stored evaluation from its own snapshot (the bytes must match) and, unless
 * `storedOnly`, from the current data with the same scheme, region, period and options.
 */
export async function verifyEvaluation(
  database: Database,
  id: number,
  opts: { storedOnly?: boolean } = {},
): Promise<Verification> {
  const stored = await getEvaluation(database.db, id);
  if (!stored) throw new NotFoundError(`考评结果 ${id} 不存在`);
  const verification = verifyStored(stored);
  if (opts.storedOnly) return verification;
  return { ...verification, current: await recomputeCurrent(database, stored) };
}

export function verifyStored(stored: StoredEvaluation): Verification {
  const snapshot = { scheme: stored.scheme as Scheme, input: stored.inputs as EvaluationSnapshot['input'] };
  const result = evaluate({ scheme: snapshot.scheme, ...snapshot.input });
  const recomputedHash = hashOf(snapshot, result);
  return {
    id: stored.id,
    storedHash: stored.contentHash,
    recomputedHash,
    identical:
      recomputedHash === stored.contentHash && canonicalJson(result) === canonicalJson(stored.result),
  };
}

/** The stored evaluation recomputed from today's data: its scheme, region, period and options. */
async function recomputeCurrent(
  database: Database,
  stored: StoredEvaluation,
): Promise<NonNullable<Verification['current']>> {
  const scheme = stored.scheme as Scheme;
  const options = (stored.inputs as EvaluationSnapshot['input']).options ?? {};
  const period = parsePeriod(stored.period);
  const regions = await loadRegions(database.db);
  const parent = requireRegion(regions, stored.parentCode);
  const request: EvaluateRequest = {
    scheme: scheme.id,
    schemeOverride: scheme,
    period: stored.period,
    actor: 'verify',
  };
  const collected = await collectInputs(database, regions, parent, period, scheme, request);
  // The same options as at publication, the ranked groups included.
  const snapshot: EvaluationSnapshot = { scheme, input: { ...collected.input, options } };
  const result = evaluate({ scheme, ...snapshot.input });
  const hash = hashOf(snapshot, result);
  return {
    hash,
    identical: hash === stored.contentHash,
    moves: rankMoves(stored.result as EvaluationResult, result),
  };
}

function rankMoves(before: EvaluationResult, after: EvaluationResult): RankMove[] {
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
