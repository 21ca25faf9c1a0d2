// The indicators an evaluation scores, with the rule, weight and comparison set each one uses
// after applying the options (weights, rule overrides, drops, scope override).
import { effectiveWeights } from './aggregate';
import { indicatorMetrics, schemeIndicators } from './scheme';
import type { Dimension, Indicator, Rule, Scheme, Scope } from './scheme-schema';
import type { EvaluationOptions } from './types';

export interface PlannedIndicator {
  dimension: Dimension;
  indicator: Indicator;
  rule: Rule;
  /** Points possible after weight changes. */
  weight: number;
  scope: Scope;
  metrics: string[];
}

/** Comparison set: the options' override, else the rule's own `over`, else the scheme default. */
export function scopeOf(rule: Rule, scheme: Scheme, override?: Scope): Scope {
  const own = 'over' in rule ? rule.over : undefined;
  return override ?? own ?? scheme.normalise_over;
}

export function planIndicators(scheme: Scheme, options: EvaluationOptions): PlannedIndicator[] {
  const weights = effectiveWeights(scheme, options);
  const dropInd = new Set(options.dropIndicators ?? []);
  const dropDim = new Set(options.dropDimensions ?? []);
  return schemeIndicators(scheme).flatMap(({ dimension, indicator }, k) => {
    if (dropInd.has(indicator.id) || dropDim.has(dimension.id)) return [];
    const rule = options.ruleOverrides?.[indicator.id] ?? indicator.rule;
    const scope = scopeOf(rule, scheme, options.normaliseOver);
    return [
      {
        dimension,
        indicator,
        rule,
        weight: weights[k] ?? 0,
        scope,
        metrics: indicatorMetrics(indicator, rule),
      },
    ];
  });
}
