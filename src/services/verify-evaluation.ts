// Verifying a published evaluation: recomputed from its stored inputs (the bytes must match) and from
// the current data (which may differ: late corrections never change a published result).

import type { Database } from '../db/client';
import { getEvaluation, type StoredEvaluation } from '../db/evaluations';
import { loadRegions } from '../db/lookups';
import { canonicalJson } from '../domain/evaluation/canonical-json';
import { type EvaluationResult, evaluate } from '../domain/evaluation/engine';
import type { Scheme } from '../domain/evaluation/scheme';
import { parsePeriod } from '../domain/period';
import { requireRegion } from './compute-stats';
import { NotFoundError } from './errors';
import {
  collectInputs,
  type EvaluateRequest,
  type EvaluationSnapshot,
  hashOf,
  type RankMove,
  rankMoves,
} from './evaluate-period';

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
