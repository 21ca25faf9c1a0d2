// 完成目标得满分，未完成按比例: P · clamp(x / T, 0, cap).
import type { RuleOf } from '../scheme-schema';
import { clamp, type RuleEnv, type RuleOutcome, targetReference, unusableTarget } from './types';

export function scoreRatioToTarget(rule: RuleOf<'ratio_to_target'>, x: number, env: RuleEnv): RuleOutcome {
  const unusable = unusableTarget(env.target);
  if (unusable) return unusable;
  const t = env.target!.value!;
  const reference = targetReference(env.target, rule.cap);
  if (t <= 0) return { score: 0, scored: false, flags: ['target_nonpositive'], reference };
  if (x < 0) return { score: 0, scored: true, flags: ['negative_value'], reference };
  // Lower-is-better turns the ratio round (T / x); x = 0 beats any positive target, so it earns the cap.
  const ratio = env.direction === 'higher_better' ? x / t : x === 0 ? Number.POSITIVE_INFINITY : t / x;
  const flags = ratio >= rule.cap ? ['capped'] : [];
  return { score: env.points * clamp(ratio, 0, rule.cap), scored: true, flags, reference };
}
