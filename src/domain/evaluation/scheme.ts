// Parsing and validating a scheme from plain data (what YAML or JSON decode to).
import { checkIndicatorSource, checkRule, checkScheme } from './scheme-checks';
import { formatIssue } from './scheme-issues';
import { type Indicator, type Rule, ruleSchema, type Scheme, schemeSchema } from './scheme-schema';

export * from './scheme-schema';

/** A scheme the engine cannot use; `issues` lists every problem found, one sentence each. */
export class SchemeError extends Error {
  readonly issues: string[];
  constructor(issues: string[], source?: string) {
    const head = source
      ? `考评方案 ${source} 有 ${issues.length} 处错误`
      : `考评方案有 ${issues.length} 处错误`;
    super(`${head}：\n${issues.map((m) => `- ${m}`).join('\n')}`);
    this.name = 'SchemeError';
    this.issues = issues;
  }
}

/** Validates decoded scheme data; throws SchemeError listing every problem. */
export function parseScheme(data: unknown, source?: string): Scheme {
  const parsed = schemeSchema.safeParse(data);
  if (!parsed.success)
    throw new SchemeError(
      parsed.error.issues.map((issue) => formatIssue(issue, data)),
      source,
    );
  const errors = checkScheme(parsed.data);
  if (errors.length) throw new SchemeError(errors, source);
  return parsed.data;
}

/** Validates a replacement rule for one indicator (used by sensitivity analysis). */
export function parseRuleFor(indicator: Indicator, data: unknown): Rule {
  const where = `指标 "${indicator.name}" 的替代规则`;
  const parsed = ruleSchema.safeParse(data);
  if (!parsed.success)
    throw new SchemeError(parsed.error.issues.map((issue) => `${where} ${formatIssue(issue, data)}`));
  const errors = [
    ...checkIndicatorSource(indicator, parsed.data, where),
    ...checkRule(parsed.data, indicator.points, where),
  ];
  if (errors.length) throw new SchemeError(errors);
  return parsed.data;
}

/** Indicators in scheme order with their dimension, the order every result uses. */
export function schemeIndicators(
  scheme: Scheme,
): { dimension: Scheme['dimensions'][number]; indicator: Indicator }[] {
  return scheme.dimensions.flatMap((dimension) =>
    dimension.indicators.map((indicator) => ({ dimension, indicator })),
  );
}

/** Metric names an indicator reads: its value metrics and a target metric if any. */
export function indicatorMetrics(indicator: Indicator, rule: Rule = indicator.rule): string[] {
  const names = indicator.metric ? [indicator.metric] : (indicator.metrics ?? []).map((m) => m.metric);
  if ((rule.type === 'ratio_to_target' || rule.type === 'step') && 'metric' in rule.target)
    names.push(rule.target.metric);
  return [...new Set(names)];
}

/** Every metric the scheme reads, sorted. */
export function schemeMetrics(scheme: Scheme): string[] {
  return [
    ...new Set(schemeIndicators(scheme).flatMap(({ indicator }) => indicatorMetrics(indicator))),
  ].sort();
}
