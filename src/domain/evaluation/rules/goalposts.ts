// Fixed goalposts: P · clamp((x − L) / (U − L), 0, 1); lower-is-better measures from U down to L.
import type { RuleOf } from '../scheme-schema';
import { clamp, type RuleEnv, type RuleOutcome } from './types';

export function scoreGoalposts(rule: RuleOf<'goalposts'>, x: number, env: RuleEnv): RuleOutcome {
  const { lower, upper } = rule;
  const share =
    env.direction === 'higher_better' ? (x - lower) / (upper - lower) : (upper - x) / (upper - lower);
  const flags = share >= 1 ? ['capped'] : share <= 0 ? ['floored'] : [];
  return { score: env.points * clamp(share, 0, 1), scored: true, flags, reference: { lower, upper } };
}
