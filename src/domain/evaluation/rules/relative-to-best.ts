// 以最高值为满分，其余按比例: P · x / max; lower-is-better P · min / x (min over values above 0).
import { clamp, type RuleEnv, type RuleOutcome } from './types';

function outcome(score: number, flag: string | null, best: number | null): RuleOutcome {
  return { score, scored: true, flags: flag ? [flag] : [], reference: best === null ? {} : { best } };
}

export function scoreRelativeToBest(x: number, env: RuleEnv): RuleOutcome {
  const { stats, points } = env;
  if (env.direction === 'higher_better') {
    const best = stats.max;
    if (best === null || best <= 0) return outcome(0, 'best_nonpositive', best);
    return outcome(points * clamp(x / best, 0, 1), x < 0 ? 'negative_value' : null, best);
  }
  const best = stats.minPositive;
  // 0 in a lower-is-better set usually means "nothing happened", so it is not the best: it earns 0.
  if (x <= 0) return outcome(0, 'zero_lower_better', best);
  if (best === null) return outcome(0, 'best_nonpositive', null);
  return outcome(points * clamp(best / x, 0, 1), null, best);
}
