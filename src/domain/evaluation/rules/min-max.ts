// Min–max normalisation: P · (x − min) / (max − min); everyone gets P when all values are equal.
import { clamp, type RuleEnv, type RuleOutcome } from './types';

export function scoreMinMax(x: number, env: RuleEnv): RuleOutcome {
  const { stats, points } = env;
  if (stats.min === null || stats.max === null)
    return { score: 0, scored: false, flags: ['no_comparison'], reference: { compared: 0 } };
  const reference = { min: stats.min, max: stats.max };
  // Nobody can be told apart, so nobody is penalised.
  if (stats.max === stats.min) return { score: points, scored: true, flags: ['all_equal'], reference };
  const share =
    env.direction === 'higher_better'
      ? (x - stats.min) / (stats.max - stats.min)
      : (stats.max - x) / (stats.max - stats.min);
  return { score: points * clamp(share, 0, 1), scored: true, flags: [], reference };
}
