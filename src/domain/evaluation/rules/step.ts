// 每超/低 k 加/减 a 分: base + a · (x − T) / k, clamped to [min, max]; whole steps or pro rata.
import type { RuleOf } from '../scheme-schema';
import { clamp, type RuleEnv, type RuleOutcome, targetReference, unusableTarget } from './types';

// (0.95 − 0.93) / 0.02 is 0.9999999999999 in floats; a whole step must still count.
const STEP_EPS = 1e-9;

export function stepsFrom(distance: number, size: number, rounding: 'pro_rata' | 'whole'): number {
  const steps = distance / size;
  if (rounding === 'pro_rata') return steps;
  return steps >= 0 ? Math.floor(steps + STEP_EPS) : Math.ceil(steps - STEP_EPS);
}

export function scoreStep(rule: RuleOf<'step'>, x: number, env: RuleEnv): RuleOutcome {
  const unusable = unusableTarget(env.target);
  if (unusable) return unusable;
  const t = env.target!.value!;
  // Distance in the good direction: above target for higher-better, below it for lower-better.
  const d = env.direction === 'higher_better' ? x - t : t - x;
  const slope = (d >= 0 ? rule.above : rule.below) ?? {
    step: rule.step,
    points_per_step: rule.points_per_step,
  };
  const raw = rule.base + slope.points_per_step * stepsFrom(d, slope.step, rule.rounding);
  const max = rule.max ?? env.points;
  const score = clamp(raw, rule.min, max);
  const flags = raw > max ? ['clamped_max'] : raw < rule.min ? ['clamped_min'] : [];
  return { score, scored: true, flags, reference: targetReference(env.target) };
}
