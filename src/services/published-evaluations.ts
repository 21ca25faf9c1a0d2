// Reading published evaluations: the list a province's readers see (revoked ones left out unless
// asked for), one result, and the robustness and "what it takes" analyses recomputed from the inputs
// stored with it (never from today's data).
import type { Database } from '../db/client';
import {
  getEvaluation,
  listPublishedSummaries,
  type PublishedSummary,
  type StoredEvaluation,
} from '../db/evaluations';
import type { EvaluationInput } from '../domain/evaluation/engine';
import type { Scheme } from '../domain/evaluation/scheme';
import { DEFAULT_SEED, runSensitivity, type SensitivityResult } from '../domain/evaluation/sensitivity';
import { type WhatItTakesResult, whatItTakes } from '../domain/evaluation/what-it-takes';
import { type SensitivityRequest, varyWith } from './analyse-evaluation';
import { NotFoundError, UsageError } from './errors';

/** The standing published evaluations; with `includeRevoked`, the revoked ones too (marked). */
export function listPublishedEvaluations(
  database: Database,
  filter: {
    provinceCode: string;
    parentCode?: string;
    schemeId?: string;
    period?: string;
    includeRevoked?: boolean;
  },
): Promise<PublishedSummary[]> {
  return listPublishedSummaries(database.db, filter);
}

/**
 * A published evaluation that stands; drafts are never stored, so anything else is not found. A
 * revoked one is "the published result" no more: found only with `allowRevoked` (its own page, which
 * says it was revoked), never for a public link or a new one.
 */
export async function loadPublishedEvaluation(
  database: Database,
  id: number,
  opts: { allowRevoked?: boolean } = {},
): Promise<StoredEvaluation> {
  const stored = await getEvaluation(database.db, id);
  if (stored?.state !== 'published' || (stored.revocation && !opts.allowRevoked)) {
    throw new NotFoundError(`考评结果 ${id} 不存在`);
  }
  return stored;
}

export function storedInput(stored: StoredEvaluation): EvaluationInput {
  return { scheme: stored.scheme as Scheme, ...(stored.inputs as Omit<EvaluationInput, 'scheme'>) };
}

export function analyseStoredSensitivity(
  stored: StoredEvaluation,
  opts: SensitivityRequest = {},
): SensitivityResult {
  return runSensitivity(storedInput(stored), {
    replications: opts.replications ?? 1000,
    seed: opts.seed ?? DEFAULT_SEED,
    vary: varyWith(opts),
  });
}

export function analyseStoredWhatItTakes(stored: StoredEvaluation, unit: string): WhatItTakesResult {
  const input = storedInput(stored);
  if (!input.units.some((u) => u.code === unit)) {
    throw new UsageError(`${unit} 不是该考评结果中的单位`);
  }
  return whatItTakes(input, unit);
}
