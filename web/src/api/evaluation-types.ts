// The shapes of the evaluation API, from the server: the route schemas through the contract
// (src/http/contract.ts: evaluations.types.ts, schemes.types.ts), and the engine's results and
// schemes they carry (src/domain/evaluation/types.ts, sensitivity.ts, what-it-takes.ts,
// publish-gate.ts, scheme-schema.ts). Types only: nothing of the server enters the bundle.
import type { DraftBody as DraftRequest } from '../../../src/http/contract';

export type { GateRefusal } from '../../../src/domain/evaluation/publish-gate';
export type {
  AdjustmentCategory as SchemeAdjustments,
  CountItem as SchemeCountItem,
  Dimension as SchemeDimension,
  Indicator as SchemeIndicator,
  Rule as SchemeRule,
  Scheme,
  Target as SchemeTarget,
} from '../../../src/domain/evaluation/scheme-schema';
export type {
  SensitivityIndex,
  SensitivityResult,
  UnitRobustness,
} from '../../../src/domain/evaluation/sensitivity';
export type {
  AdjustmentLine,
  AdjustmentSummary,
  DimensionScore,
  EvaluationResult,
  IndicatorReference,
  IndicatorScore,
  ResultFlag,
  UnitResult,
} from '../../../src/domain/evaluation/types';
export type { WhatItTakesEntry, WhatItTakesResult } from '../../../src/domain/evaluation/what-it-takes';
export type {
  DraftEvaluation,
  PublishedEvaluation,
  PublishedSummary,
  PublishGate,
  PublishRefusal,
  RankMove,
  SchemeCheck,
  SchemeFull,
  SchemeProblem,
  SchemeSummary,
  SchemeValidation,
  Verification,
  WeightRow,
} from '../../../src/http/contract';

/**
 * The body of a draft request (also of its sensitivity and what-it-takes): the contract's, but for the
 * scheme, which the pages take from the address as any string (the server answers 400 for an id that
 * is not a built-in one). On the contract check's allow-list until the pages narrow it.
 */
export type DraftBody = Omit<DraftRequest, 'scheme'> & { scheme?: string };
