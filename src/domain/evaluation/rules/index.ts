// Dispatch from a rule to its scoring function.
import type { Rule } from '../scheme-schema';
import { scoreCountPoints } from './count-points';
import { scoreGoalposts } from './goalposts';
import { scoreMinMax } from './min-max';
import { scoreRankBands } from './rank-bands';
import { scoreRatioToTarget } from './ratio-to-target';
import { scoreRelativeToBest } from './relative-to-best';
import { scoreStep } from './step';
import { scoreTiers } from './tiers';
import type { RuleEnv, RuleOutcome } from './types';

export type { ResolvedTarget, RuleEnv, RuleOutcome } from './types';

export function scoreRule(rule: Rule, x: number, env: RuleEnv): RuleOutcome {
  switch (rule.type) {
    case 'ratio_to_target':
      return scoreRatioToTarget(rule, x, env);
    case 'step':
      return scoreStep(rule, x, env);
    case 'relative_to_best':
      return scoreRelativeToBest(x, env);
    case 'min_max':
      return scoreMinMax(x, env);
    case 'goalposts':
      return scoreGoalposts(rule, x, env);
    case 'rank_bands':
      return scoreRankBands(rule, x, env);
    case 'tiers':
      return scoreTiers(rule, x, env);
    case 'count_points':
      return scoreCountPoints(rule, env);
  }
}

/** Rules that compare a unit with others (their score depends on the comparison set). */
export function isComparative(rule: Rule): boolean {
  return rule.type === 'relative_to_best' || rule.type === 'min_max' || rule.type === 'rank_bands';
}
