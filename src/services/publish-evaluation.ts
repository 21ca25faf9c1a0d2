// Publishing a computed evaluation immutably with its content hash once the publish gate passes (or an
// authorised user overrides it with a reason), and revoking a published result by a record of its own.

import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import { getEvaluation, insertEvaluation, insertRevocation } from '../db/evaluations';
import { revokeLinksOf } from '../db/public-links';
import {
  checkPublishGate,
  type PublishGateRecord,
  type PublishGateReport,
} from '../domain/evaluation/publish-gate';
import { provinceOf } from '../domain/regions';
import { storeBulletinSnapshot, takeBulletinSnapshot } from './bulletin-snapshot';
import { checkDataQuality } from './check-data-quality';
import { ConflictError, NotFoundError, RuleViolationError, UsageError } from './errors';
import { type EvaluateRequest, type EvaluationRun, runEvaluation } from './evaluate-period';

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
