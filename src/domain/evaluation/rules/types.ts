// What every scoring rule receives and returns; rules are pure per-unit functions.
import type { Direction } from '../scheme-schema';
import type { ScopeStats } from '../stats';
import type { IndicatorReference } from '../types';

export interface ResolvedTarget {
  value: number | null;
  source: 'value' | 'metric' | 'timeProgress' | 'mean' | 'unit';
  metric?: string;
}

export interface RuleEnv {
  points: number;
  direction: Direction;
  /** Reported values of the comparison set (group or all units). */
  stats: ScopeStats;
  /** Resolved target for ratio_to_target and step; null for other rules. */
  target: ResolvedTarget | null;
  /** count_points: event counts aligned with rule.items. */
  counts: number[];
}

export interface RuleOutcome {
  score: number;
  /** False when the rule could not score (score 0, flagged). */
  scored: boolean;
  flags: string[];
  reference: IndicatorReference;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(x, hi));
}

// Built field by field: object spread is ~20× slower in V8 and this runs per unit per indicator.
export function targetReference(target: ResolvedTarget | null, cap?: number): IndicatorReference {
  const ref: IndicatorReference = {};
  if (!target) return ref;
  ref.target = target.value;
  ref.targetSource = target.source;
  if (target.metric) ref.targetMetric = target.metric;
  if (cap !== undefined) ref.cap = cap;
  return ref;
}

/** A target the rule cannot use: not scored, flagged. */
export function unusableTarget(target: ResolvedTarget | null): RuleOutcome | null {
  const value = target?.value ?? null;
  if (value === null)
    return { score: 0, scored: false, flags: ['target_missing'], reference: targetReference(target) };
  return null;
}
