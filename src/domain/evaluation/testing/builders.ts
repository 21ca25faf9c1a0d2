// Small scheme and input builders for tests: a scheme is written as data, like a user would.

import type { RuleEnv } from '../rules/types';
import { type MetricCatalogue, parseScheme } from '../scheme';
import type { RuleInput, Scheme, SchemeInput } from '../scheme-schema';
import { scopeStats } from '../stats';
import type { EvaluationUnit, MetricValues } from '../types';

type IndicatorInput = SchemeInput['dimensions'][number]['indicators'][number];

/**
 * Abstract tests score made-up metrics ('m', 'x', ...): this catalogue accepts any name. The product
 * never uses it: files and edited copies are checked against the closed registry.
 */
export const ANY_METRIC: MetricCatalogue = { has: () => true };

export interface OneIndicator {
  rule: RuleInput;
  direction?: 'higher_better' | 'lower_better';
  points?: number;
  metric?: string;
}

/** A valid scheme of one dimension with the given indicators (points summed for the totals). */
export function schemeWith(indicators: IndicatorInput[], extra: Partial<SchemeInput> = {}): Scheme {
  const points = indicators.reduce((s, i) => s + i.points, 0);
  return parseScheme(
    {
      id: 'test',
      version: '1',
      name: '测试方案',
      total: points,
      groups: ['city', 'direct_county'],
      dimensions: [{ id: 'd', name: '维度', points, indicators }],
      ...extra,
    },
    undefined,
    { metrics: ANY_METRIC },
  );
}

export function oneIndicatorScheme(o: OneIndicator, extra: Partial<SchemeInput> = {}): Scheme {
  return schemeWith(
    [
      {
        id: 'i',
        name: '指标',
        metric: o.rule.type === 'count_points' ? undefined : (o.metric ?? 'm'),
        direction: o.direction ?? 'higher_better',
        points: o.points ?? 10,
        rule: o.rule,
      },
    ],
    extra,
  );
}

/** Units named after their codes, all in one group. */
export function unitsOf(codes: string[], group = 'city'): EvaluationUnit[] {
  return codes.map((code) => ({ code, name: `单位${code}`, group }));
}

/** Values of one metric: { a: 1, b: null } → MetricValues. */
export function valuesOf(metric: string, byUnit: Record<string, number | null>): MetricValues {
  const out: MetricValues = {};
  for (const [u, v] of Object.entries(byUnit)) out[u] = { [metric]: v };
  return out;
}

export function envOf(values: number[], o: Partial<RuleEnv> = {}): RuleEnv {
  return {
    points: 10,
    direction: 'higher_better',
    stats: scopeStats(values),
    target: null,
    counts: [],
    ...o,
  };
}
