// Parsing and validating a scheme from plain data (what YAML or JSON decode to).
import {
  checkIndicatorMetrics,
  checkIndicatorSource,
  checkRule,
  checkSchemeProblems,
  type MetricCatalogue,
  REGISTRY_CATALOGUE,
  type SchemeProblem,
} from './scheme-checks';
import { issueProblem } from './scheme-issues';
import {
  type Indicator,
  indicatorSchema,
  type Rule,
  ruleSchema,
  type Scheme,
  schemeSchema,
} from './scheme-schema';

export type { MetricCatalogue, SchemePath, SchemeProblem } from './scheme-checks';
export * from './scheme-schema';

/** `第 12 行第 7 列：…` when the problem's place in the file is known. */
export function problemText(problem: SchemeProblem): string {
  return problem.line === undefined
    ? problem.message
    : `第 ${problem.line} 行第 ${problem.column ?? 1} 列：${problem.message}`;
}

/** A scheme the engine cannot use; `problems` lists every problem found, `issues` one sentence each. */
export class SchemeError extends Error {
  readonly issues: string[];
  readonly problems: SchemeProblem[];
  readonly source: string | undefined;
  constructor(problems: (string | SchemeProblem)[], source?: string) {
    const list = problems.map((x) => (typeof x === 'string' ? { code: 'invalid', path: [], message: x } : x));
    const issues = list.map(problemText);
    const head = source
      ? `考评方案 ${source} 有 ${issues.length} 处错误`
      : `考评方案有 ${issues.length} 处错误`;
    super(`${head}：\n${issues.map((m) => `- ${m}`).join('\n')}`);
    this.name = 'SchemeError';
    this.issues = issues;
    this.problems = list;
    this.source = source;
  }
}

export interface ParseSchemeOptions {
  /** The metric names the scheme may read; default the closed registry (src/domain/metric-registry.ts). */
  metrics?: MetricCatalogue;
}

/** Every problem of decoded scheme data (empty when sound), and the scheme when there is none. */
export function schemeProblems(
  data: unknown,
  options: ParseSchemeOptions = {},
): { scheme: Scheme | null; problems: SchemeProblem[] } {
  const parsed = schemeSchema.safeParse(data);
  if (!parsed.success) {
    // Cross checks still run on what can be read, so one pass names the unknown metrics too.
    const extra = looseProblems(data, options.metrics ?? REGISTRY_CATALOGUE);
    return {
      scheme: null,
      problems: [...parsed.error.issues.map((issue) => issueProblem(issue, data)), ...extra],
    };
  }
  const problems = checkSchemeProblems(parsed.data, options.metrics ?? REGISTRY_CATALOGUE);
  return { scheme: problems.length ? null : parsed.data, problems };
}

/**
 * Metric names of a document that failed the schema: each indicator that parses on its own is
 * checked against the catalogue, so a typo in a metric is reported beside a schema error elsewhere.
 */
function looseProblems(data: unknown, catalogue: MetricCatalogue): SchemeProblem[] {
  const dims = (data as { dimensions?: unknown } | null)?.dimensions;
  if (!Array.isArray(dims)) return [];
  const out: SchemeProblem[] = [];
  dims.forEach((dim, i) => {
    const inds = (dim as { indicators?: unknown; name?: unknown } | null)?.indicators;
    if (!Array.isArray(inds)) return;
    const dimName =
      typeof (dim as { name?: unknown }).name === 'string'
        ? (dim as { name: string }).name
        : `第 ${i + 1} 个维度`;
    inds.forEach((raw, j) => {
      const one = indicatorSchema.safeParse(raw);
      if (!one.success) return;
      out.push(
        ...checkIndicatorMetrics(one.data, one.data.rule, catalogue, `指标 "${dimName} / ${one.data.name}"`, [
          'dimensions',
          i,
          'indicators',
          j,
        ]),
      );
    });
  });
  return out;
}

/** Validates decoded scheme data; throws SchemeError listing every problem. */
export function parseScheme(data: unknown, source?: string, options: ParseSchemeOptions = {}): Scheme {
  const { scheme, problems } = schemeProblems(data, options);
  if (!scheme) throw new SchemeError(problems, source);
  return scheme;
}

/** The years a scheme applies to, in words; null when it declares none. */
export function schemeYears(scheme: Scheme): string | null {
  const y = scheme.years;
  if (!y) return null;
  return y.to === undefined ? `${y.from} 年起` : y.from === y.to ? `${y.from} 年` : `${y.from}–${y.to} 年`;
}

/** A problem when `year` is outside the years the scheme declares it applies to. */
export function checkSchemeYear(scheme: Scheme, year: number): SchemeProblem | null {
  const y = scheme.years;
  if (!y || (year >= y.from && (y.to === undefined || year <= y.to))) return null;
  return {
    code: 'period_outside_years',
    path: ['years'],
    message: `考评期间 ${year} 年不在方案 "${scheme.name}" 适用的年度（${schemeYears(scheme)}）内`,
  };
}

/** Validates a replacement rule for one indicator (used by sensitivity analysis). */
export function parseRuleFor(indicator: Indicator, data: unknown): Rule {
  const where = `指标 "${indicator.name}" 的替代规则`;
  const parsed = ruleSchema.safeParse(data);
  if (!parsed.success)
    throw new SchemeError(
      parsed.error.issues.map((issue) => {
        const problem = issueProblem(issue, data);
        return { ...problem, message: `${where} ${problem.message}` };
      }),
    );
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
