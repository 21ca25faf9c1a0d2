// The shapes of the evaluation API (src/http/routes/evaluations.types.ts, schemes.ts, bulletins.ts)
// and of the engine's results they carry (src/domain/evaluation/types.ts, sensitivity.ts,
// what-it-takes.ts), written out for the browser.
import type { SelfScoreComparison } from './self-score-types';

export interface RegionRef {
  code: string;
  name: string;
}

export interface IndicatorReference {
  target?: number | null;
  targetSource?: 'value' | 'metric' | 'timeProgress' | 'mean' | 'unit';
  targetMetric?: string;
  cap?: number;
  best?: number;
  min?: number;
  max?: number;
  mean?: number;
  compared?: number;
  rank?: number;
  lower?: number;
  upper?: number;
  threshold?: number;
  count?: number;
}

export interface IndicatorScore {
  dimension: string;
  id: string;
  name: string;
  rule: string;
  direction: 'higher_better' | 'lower_better';
  metrics: string[];
  points: number;
  value: number | null;
  missing: boolean;
  fill: 'none' | 'zero' | 'group_mean' | 'unfillable';
  scope: 'group' | 'all';
  reference: IndicatorReference;
  score: number;
  scored: boolean;
  flags: string[];
  /** The Chinese sentence that says how the score came about. */
  explanation: string;
}

export interface DimensionScore {
  id: string;
  name: string;
  points: number;
  score: number;
}

export interface AdjustmentLine {
  source: 'event' | 'manual';
  item: string | null;
  name: string;
  points: number;
  count?: number;
  reason?: string;
  author?: string;
  approvedBy?: string;
}

export interface AdjustmentSummary {
  raw: number;
  cap: number | null;
  total: number;
  capped: boolean;
  lines: AdjustmentLine[];
}

export interface UnitResult {
  code: string;
  name: string;
  group: string;
  values: Record<string, number | null>;
  indicators: IndicatorScore[];
  dimensions: DimensionScore[];
  base: number;
  bonus: AdjustmentSummary;
  penalty: AdjustmentSummary;
  adjusted: number;
  /** Competition rank (1, 2, 2, 4) within the group. */
  rank: number;
  groupSize: number;
  /** The consequence of the unit's rank band (流动红旗, 约谈), when the scheme declares bands. */
  consequence?: string;
}

export interface ResultFlag {
  code: string;
  message: string;
  group?: string;
  indicator?: string;
  unit?: string;
}

export interface EvaluationResult {
  scheme: { id: string; version: string; name: string; total: number };
  options: {
    missingPolicy: 'zero' | 'group_mean';
    includeAdjustments: boolean;
    aggregation: 'arithmetic' | 'geometric';
    normaliseOver: 'group' | 'all';
    groups: string[];
  };
  context: { timeProgress: number | null };
  groups: { id: string; ranking: string[] }[];
  units: UnitResult[];
  flags: ResultFlag[];
  /** Units' self-scores beside the verified scores; only when any unit reported one. */
  selfScores?: SelfScoreComparison;
}

export interface RankMove {
  unit: string;
  name: string;
  publishedRank: number | null;
  rank: number | null;
  publishedTotal: number | null;
  total: number | null;
}

/** POST /api/evaluations/draft. */
export interface DraftEvaluation {
  state: 'draft';
  period: string;
  parent: RegionRef;
  scheme: { id: string; name: string; version: string; edited: boolean };
  hash: string;
  published: { id: number; hash: string; identical: boolean; moves: RankMove[] } | null;
  result: EvaluationResult;
  /** publish: the caller may publish this draft; override: past the publish gate, with a reason. */
  permissions: { publish: boolean; override: boolean };
}

/** A refusal of the publish gate (docs/methodology.md §七): `message` in Chinese, `code` and `params` to translate. */
export interface GateRefusal {
  code: 'no_units' | 'units_without_data' | 'coverage' | 'quality_errors';
  message: string;
  params: Record<string, string | number>;
}

/** The publish gate's report: the 422 details of a refused publication, and stored with a published result. */
export interface PublishGate {
  minCoverage: number;
  coverage: number;
  cells: number;
  cellsWithData: number;
  unitsWithoutData: RegionRef[];
  qualityErrors: (RegionRef & { errors: number })[];
  refusals: GateRefusal[];
  /** Stored with a published result: who published past the refusals, and why. */
  override?: { reason: string; by: string; at: string } | null;
  /** In a refusal: whether the caller may publish anyway with a reason. */
  mayOverride?: boolean;
}

/** GET /api/evaluations (items). */
export interface PublishedSummary {
  id: number;
  scheme: string;
  schemeVersion: string;
  period: string;
  parent: RegionRef;
  hash: string;
  publishedBy: string | null;
  publishedAt: string | null;
  edition: number;
  /** Null while the result stands. */
  revocation: { reason: string; revokedBy: string; revokedAt: string } | null;
}

/** GET /api/evaluations/:id, POST /api/evaluations. */
export interface PublishedEvaluation extends PublishedSummary {
  state: 'published';
  result: EvaluationResult;
  /** Null for a result published before the gate existed. */
  gate: PublishGate | null;
  permissions?: { revoke: boolean };
}

/** GET /api/evaluations/:id/verify. */
export interface Verification {
  id: number;
  storedHash: string;
  /** Recomputed from the inputs stored with the result. */
  recomputedHash: string;
  identical: boolean;
  /** Recomputed from the current data (informative: data may change after publication). */
  current?: { hash: string; identical: boolean; moves?: RankMove[] };
}

/** The body of a draft request (also of its sensitivity and what-it-takes). */
export interface DraftBody {
  scheme?: string;
  schemeText?: string;
  period: string;
  region?: string;
  group?: string;
}

export interface UnitRobustness {
  code: string;
  name: string;
  group: string;
  nominalRank: number;
  medianRank: number;
  rankP5: number;
  rankP95: number;
  pFirst: number;
  pTop3: number;
  meanAbsShift: number;
}

export interface SensitivityIndex {
  factor: string;
  label: string;
  first: number;
  total: number;
}

export interface SensitivityResult {
  scheme: { id: string; version: string };
  replications: number;
  seed: number;
  factors: { id: string; label: string; levels: number }[];
  units: UnitRobustness[];
  indexOutput: 'mean_abs_rank_shift';
  indices: SensitivityIndex[];
  leaveOneDimensionOut: { dimension: string; name: string; ranks: Record<string, number> }[];
  flags: ResultFlag[];
}

export interface WhatItTakesEntry {
  metric: string;
  label: string;
  current: number | null;
  required: number | null;
  change: number | null;
  direction: 'increase' | 'decrease' | null;
  newRank: number | null;
  flags: string[];
}

export interface WhatItTakesResult {
  unit: string;
  name: string;
  group: string;
  rank: number;
  groupSize: number;
  entries: WhatItTakesEntry[];
  flags: ResultFlag[];
}

/** GET /api/schemes (items). */
export interface SchemeSummary {
  id: string;
  name: string;
  version: string;
  dimensions: { id: string; name: string; points: number }[];
}

export type SchemeTarget =
  | { value: number }
  | { metric: string }
  | { context: 'timeProgress' }
  | {
      comparator: 'mean';
    };

export interface SchemeCountItem {
  id: string;
  name: string;
  points_per_event: number;
  cap?: number;
}

/** A rule as the scheme file has it (src/domain/evaluation/scheme-schema.ts). */
export type SchemeRule =
  | { type: 'ratio_to_target'; target: SchemeTarget; cap: number; over?: 'group' | 'all' }
  | {
      type: 'step';
      target: SchemeTarget;
      base: number;
      step: number;
      points_per_step: number;
      above?: { step: number; points_per_step: number };
      below?: { step: number; points_per_step: number };
      rounding: 'pro_rata' | 'whole';
      min: number;
      max?: number;
      over?: 'group' | 'all';
    }
  | { type: 'relative_to_best'; over?: 'group' | 'all' }
  | { type: 'min_max'; over?: 'group' | 'all' }
  | { type: 'goalposts'; lower: number; upper: number }
  | {
      type: 'rank_bands';
      bands?: { from: number; to: number; points: number }[];
      first?: number;
      decrement?: number;
      min: number;
      over?: 'group' | 'all';
    }
  | { type: 'tiers'; tiers: { threshold: number; points: number }[] }
  | { type: 'count_points'; items: SchemeCountItem[] };

export interface SchemeIndicator {
  id: string;
  name: string;
  name_en?: string;
  description?: string;
  metric?: string;
  metrics?: { metric: string; weight: number }[];
  unit?: 'percent' | 'yuan' | 'count' | 'days' | 'number';
  direction: 'higher_better' | 'lower_better';
  rule: SchemeRule;
  points: number;
}

export interface SchemeDimension {
  id: string;
  name: string;
  name_en?: string;
  points: number;
  indicators: SchemeIndicator[];
}

export interface SchemeAdjustments {
  cap: number;
  items: SchemeCountItem[];
}

/** A validated scheme. */
export interface Scheme {
  id: string;
  version: string;
  name: string;
  name_en?: string;
  description?: string;
  total: number;
  missing_policy: 'zero' | 'group_mean';
  normalise_over: 'group' | 'all';
  groups: string[];
  dimensions: SchemeDimension[];
  bonus?: SchemeAdjustments;
  penalty?: SchemeAdjustments;
  tie_break: string[];
}

/** GET /api/schemes/:id. */
export interface SchemeFull {
  id: string;
  text: string;
  scheme: Scheme;
}

/** POST /api/schemes/validate. */
export interface SchemeValidation {
  ok: boolean;
  issues: string[];
  scheme: Scheme | null;
}
