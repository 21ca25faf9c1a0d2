// 按排名赋分: points by rank band (1–3 → 7, …) or first − d · (rank − 1); tied units share a band.
import type { RuleOf } from '../scheme-schema';
import { rankAmong } from '../stats';
import type { RuleEnv, RuleOutcome } from './types';

export function scoreRankBands(rule: RuleOf<'rank_bands'>, x: number, env: RuleEnv): RuleOutcome {
  const rank = rankAmong(env.stats, x, env.direction);
  const reference = { rank };
  if (rule.bands) {
    const band = rule.bands.find((b) => b.from <= rank && rank <= b.to);
    return band
      ? { score: band.points, scored: true, flags: [], reference }
      : { score: 0, scored: true, flags: ['outside_bands'], reference };
  }
  const first = rule.first ?? env.points;
  const score = Math.max(rule.min, first - (rule.decrement ?? 0) * (rank - 1));
  return { score, scored: true, flags: [], reference };
}
