// Robustness of a period's ranking and "what it takes" for one unit, on the same inputs.
import type { Database } from '../db/client';
import {
  DEFAULT_SEED,
  type NormalisationAlternative,
  runSensitivity,
  type SensitivityResult,
  type SensitivityVary,
} from '../domain/evaluation/sensitivity';
import { type WhatItTakesResult, whatItTakes } from '../domain/evaluation/what-it-takes';
import { UsageError } from './errors';
import { type EvaluateRequest, runEvaluation } from './evaluate-period';

/** What a sensitivity run varies unless told otherwise (evaluation.md → Uncertainty). */
export const DEFAULT_VARY: SensitivityVary = {
  weights: 0.25,
  cap: [1.2],
  dropOne: true,
  missingPolicy: true,
  adjustments: true,
};

/** Optional factors a caller adds to DEFAULT_VARY: alternative normalisations and the aggregation. */
export interface ExtraFactors {
  normalisation?: NormalisationAlternative[];
  aggregation?: boolean;
}

export interface SensitivityRequest extends ExtraFactors {
  replications?: number;
  seed?: number;
  vary?: SensitivityVary;
}

/** DEFAULT_VARY (or the given vary) with the optional factors asked for; unchanged when none is. */
export function varyWith(opts: SensitivityRequest): SensitivityVary {
  const vary = opts.vary ?? DEFAULT_VARY;
  return {
    ...vary,
    ...(opts.normalisation?.length ? { normalisation: opts.normalisation } : {}),
    ...(opts.aggregation ? { aggregation: true } : {}),
  };
}

export async function analyseSensitivity(
  database: Database,
  request: EvaluateRequest,
  opts: SensitivityRequest = {},
): Promise<SensitivityResult> {
  const run = await runEvaluation(database, request);
  return runSensitivity(
    { scheme: run.snapshot.scheme, ...run.snapshot.input },
    { replications: opts.replications ?? 1000, seed: opts.seed ?? DEFAULT_SEED, vary: varyWith(opts) },
  );
}

export async function analyseWhatItTakes(
  database: Database,
  request: EvaluateRequest,
  unit: string,
): Promise<WhatItTakesResult> {
  const run = await runEvaluation(database, request);
  if (!run.snapshot.input.units.some((u) => u.code === unit)) {
    throw new UsageError(`${unit} 不是 ${run.parent.name} 的考评单位`);
  }
  return whatItTakes({ scheme: run.snapshot.scheme, ...run.snapshot.input }, unit);
}
