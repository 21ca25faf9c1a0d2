// Input and result shapes of the evaluation engine. Results are plain JSON data.
import type { Direction, Rule, RuleType, Scheme, Scope } from './scheme-schema';
import type { SelfScore, SelfScoreComparison } from './self-scores';

export type MissingPolicy = 'zero' | 'group_mean';
export type Aggregation = 'arithmetic' | 'geometric';

/** group e.g. 'city' (省辖市 with 济源示范区), 'direct_county', 'district', 'county'. */
export interface EvaluationUnit {
  code: string;
  name: string;
  group: string;
}

/** unit code → metric name → value; null = missing (a share whose denominator was 0 is null, not 0). */
export type MetricValues = Record<string, Record<string, number | null>>;

/** Counted events that feed count_points indicators and bonus / penalty items. */
export interface CountEvent {
  unit: string;
  item: string;
  count: number;
  note?: string;
}

export interface ManualAdjustment {
  unit: string;
  kind: 'bonus' | 'penalty';
  item?: string;
  points: number;
  reason: string;
  author: string;
  /** Who approved it (entries enter an evaluation only once approved by someone else). */
  approvedBy?: string;
}

export interface EvaluationOptions {
  /** Overrides the scheme's missing_policy. */
  missingPolicy?: MissingPolicy;
  /** Bonus and penalty (events and manual); default true. */
  includeAdjustments?: boolean;
  /** Geometric aggregation is for analysis only; default arithmetic (Σ points). */
  aggregation?: Aggregation;
  /** Overrides the scheme's normalise_over for every comparative rule. */
  normaliseOver?: Scope;
  /** Which groups to rank; default the scheme's groups. */
  groups?: string[];
  /** Chinese explanation sentences; default true (false is faster, for searches). */
  explain?: boolean;
  /** Relative indicator weights by indicator id (others keep their points), renormalised to the scheme total. */
  weights?: Record<string, number>;
  /** Replacement rules by indicator id (validated rules, see parseRuleFor). */
  ruleOverrides?: Record<string, Rule>;
  /** Replaces the cap of every ratio_to_target rule. */
  targetCap?: number;
  /** Indicators left out; the remaining weights are renormalised to the scheme total. */
  dropIndicators?: string[];
  /** Dimensions left out; the remaining weights are renormalised to the scheme total. */
  dropDimensions?: string[];
}

export interface EvaluationInput {
  scheme: Scheme;
  units: EvaluationUnit[];
  values: MetricValues;
  events?: CountEvent[];
  adjustments?: ManualAdjustment[];
  /** Units' self-scores (自评分), only when any were reported and the scheme declares `self_score`. */
  selfScores?: SelfScore[];
  /**
   * period: the period's id ("2020Q3", "2020-09", "2020"), given only when the scheme has quarter-only
   * indicators (docs/schemes.md → quarters), so other schemes' snapshots hash as before.
   */
  context?: { timeProgress?: number; period?: string };
  options?: EvaluationOptions;
}

export type FillKind = 'none' | 'zero' | 'group_mean' | 'unfillable';

/** What the rule compared the value with. */
export interface IndicatorReference {
  target?: number | null;
  targetSource?: 'value' | 'metric' | 'timeProgress' | 'mean' | 'unit';
  targetMetric?: string;
  cap?: number;
  best?: number;
  min?: number;
  max?: number;
  mean?: number;
  /** Number of reported values in the comparison set. */
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
  rule: RuleType;
  direction: Direction;
  metrics: string[];
  /** Points possible after any weight change (the scheme's points by default). */
  points: number;
  /** The value scored: reported, or filled under the missing policy; null when nothing was scored. */
  value: number | null;
  /** The reported value when the scheme's outlier treatment changed it (value is then the treated one); absent otherwise. */
  reported?: number;
  missing: boolean;
  fill: FillKind;
  scope: Scope;
  reference: IndicatorReference;
  score: number;
  /** False when the rule could not score (e.g. target missing): the score is 0 and flagged. */
  scored: boolean;
  flags: string[];
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
  /** Sum before the category cap. */
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
  /** Raw metric values the scheme read (null = missing). */
  values: Record<string, number | null>;
  indicators: IndicatorScore[];
  dimensions: DimensionScore[];
  base: number;
  bonus: AdjustmentSummary;
  penalty: AdjustmentSummary;
  adjusted: number;
  /** Competition rank (1, 2, 2, 4) within the group on the adjusted total as published (rank.ts). */
  rank: number;
  groupSize: number;
  /** The consequence of the unit's rank band (流动红旗, 约谈); absent when none applies. */
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
    missingPolicy: MissingPolicy;
    includeAdjustments: boolean;
    aggregation: Aggregation;
    normaliseOver: Scope;
    groups: string[];
  };
  /** period: only when the input gave one (quarter-only indicators). */
  context: { timeProgress: number | null; period?: string };
  /** Unit codes of each group in rank order. */
  groups: { id: string; ranking: string[] }[];
  /** Ordered by group (scheme order), then rank, then code. */
  units: UnitResult[];
  flags: ResultFlag[];
  /** Self-scores beside the verified scores; present only when the input carries self-scores. */
  selfScores?: SelfScoreComparison;
}
