// Tiered thresholds: the best tier reached gives its points (≥ threshold, or ≤ for lower-is-better).
import type { RuleOf } from '../scheme-schema';
import type { RuleEnv, RuleOutcome } from './types';

export function scoreTiers(rule: RuleOf<'tiers'>, x: number, env: RuleEnv): RuleOutcome {
  const reached = rule.tiers.filter((t) =>
    env.direction === 'higher_better' ? x >= t.threshold : x <= t.threshold,
  );
  if (reached.length === 0) return { score: 0, scored: true, flags: ['no_tier'], reference: {} };
  const best = reached.reduce((a, b) => (b.points > a.points ? b : a));
  return { score: best.points, scored: true, flags: [], reference: { threshold: best.threshold } };
}
