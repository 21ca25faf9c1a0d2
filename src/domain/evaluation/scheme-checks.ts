// Checks zod cannot express field by field: sums, cross references, uniqueness, the closed metric
// registry and rule parameters that only make sense together (L < U, bands that do not overlap, ...).
// Every problem carries the path of the offending field, so a file's line can be named.
import { metricDefinition, nearestMetric } from '../metric-registry';
import { GROUP_LABELS } from '../regions';
import { checkOutlierDeclarations } from './outlier-checks';
import { checkMethodProblems } from './scheme-checks-method';
import type { Indicator, Rule, RuleOf, Scheme } from './scheme-schema';

const EPS = 1e-9;

export type SchemePath = (string | number)[];

/** One problem of a scheme: a stable code, the path of the field, one Chinese sentence. */
export interface SchemeProblem {
  code: string;
  path: SchemePath;
  message: string;
  /** 1-based position in the file, when the scheme came from text. */
  line?: number;
  column?: number;
}

/** Which metric names a scheme may read: the registry in the product, anything in abstract tests. */
export interface MetricCatalogue {
  has(name: string): boolean;
  /** A registry name close to a misspelt one. */
  suggest?(name: string): string | undefined;
  /** Metrics of the same unit whose zero shows a ratio's denominator was zero; undefined = not a ratio. */
  zeroWhen?(name: string): readonly string[] | undefined;
}

function n(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

const p = (code: string, path: SchemePath, message: string): SchemeProblem => ({ code, path, message });

function checkRatio(rule: RuleOf<'ratio_to_target'>, where: string, at: SchemePath): SchemeProblem[] {
  const t = rule.target;
  return 'value' in t && t.value <= 0
    ? [
        p(
          'target_nonpositive',
          [...at, 'target'],
          `${where} 的 rule.target 必须是正数（当前为 ${n(t.value)}）`,
        ),
      ]
    : [];
}

function checkStep(rule: RuleOf<'step'>, points: number, where: string, at: SchemePath): SchemeProblem[] {
  const errors: SchemeProblem[] = [];
  const max = rule.max ?? points;
  if (max > points + EPS)
    errors.push(
      p('rule_range', [...at, 'max'], `${where} 的 rule.max（${n(max)}）不能超过该指标分值 ${n(points)} 分`),
    );
  if (rule.min > max + EPS)
    errors.push(
      p('rule_range', [...at, 'min'], `${where} 的 rule.min（${n(rule.min)}）不能大于 rule.max（${n(max)}）`),
    );
  if (rule.base < rule.min - EPS || rule.base > max + EPS)
    errors.push(
      p(
        'rule_range',
        [...at, 'base'],
        `${where} 的 rule.base（${n(rule.base)}）应在 rule.min 与 rule.max 之间`,
      ),
    );
  return errors;
}

function checkGoalposts(rule: RuleOf<'goalposts'>, where: string, at: SchemePath): SchemeProblem[] {
  if (rule.lower === rule.upper)
    return [
      p(
        'rule_range',
        [...at, 'upper'],
        `${where} 的 rule.lower 与 rule.upper 不能相等（当前均为 ${n(rule.lower)}），否则无法插值`,
      ),
    ];
  if (rule.lower > rule.upper)
    return [p('rule_range', [...at, 'lower'], `${where} 的 rule.lower 必须小于 rule.upper`)];
  return [];
}

function checkRankBands(
  rule: RuleOf<'rank_bands'>,
  points: number,
  where: string,
  at: SchemePath,
): SchemeProblem[] {
  const errors: SchemeProblem[] = [];
  if ((rule.bands === undefined) === (rule.decrement === undefined))
    return [
      p(
        'rule_parameters',
        at,
        `${where} 的 rule 须且只能设置 bands（按名次段赋分）或 decrement（每降一名减分）之一`,
      ),
    ];
  if (rule.first !== undefined && rule.first > points + EPS)
    errors.push(
      p('rule_range', [...at, 'first'], `${where} 的 rule.first 不能超过该指标分值 ${n(points)} 分`),
    );
  const bands = rule.bands ?? [];
  const order = bands.map((_, k) => k).sort((a, b) => bands[a]!.from - bands[b]!.from);
  order.forEach((k, pos) => {
    const band = bands[k]!;
    const here = [...at, 'bands', k];
    if (band.from > band.to)
      errors.push(
        p('rule_range', here, `${where} 的 rule.bands 第 ${band.from}–${band.to} 名：起始名次大于结束名次`),
      );
    if (band.points > points + EPS)
      errors.push(
        p('rule_range', [...here, 'points'], `${where} 的 rule.bands 分值 ${n(band.points)} 超过该指标分值`),
      );
    const prev = pos > 0 ? bands[order[pos - 1]!] : undefined;
    if (prev && band.from <= prev.to)
      errors.push(
        p(
          'rule_range',
          here,
          `${where} 的 rule.bands 名次段 ${prev.from}–${prev.to} 与 ${band.from}–${band.to} 重叠`,
        ),
      );
  });
  return errors;
}

function checkTiers(rule: RuleOf<'tiers'>, points: number, where: string, at: SchemePath): SchemeProblem[] {
  const errors: SchemeProblem[] = [];
  const seen = new Set<number>();
  rule.tiers.forEach((tier, k) => {
    if (tier.points > points + EPS)
      errors.push(
        p(
          'rule_range',
          [...at, 'tiers', k, 'points'],
          `${where} 的 rule.tiers 分值 ${n(tier.points)} 超过该指标分值 ${n(points)} 分`,
        ),
      );
    if (seen.has(tier.threshold))
      errors.push(
        p(
          'rule_range',
          [...at, 'tiers', k, 'threshold'],
          `${where} 的 rule.tiers 门槛 ${n(tier.threshold)} 重复`,
        ),
      );
    seen.add(tier.threshold);
  });
  return errors;
}

function checkCountItems(
  rule: RuleOf<'count_points'>,
  points: number,
  where: string,
  at: SchemePath,
): SchemeProblem[] {
  return rule.items.flatMap((item, k) =>
    item.cap !== undefined && item.cap > points + EPS
      ? [
          p(
            'rule_range',
            [...at, 'items', k, 'cap'],
            `${where} 的计分项 "${item.name}" 上限 ${n(item.cap)} 超过该指标分值 ${n(points)} 分`,
          ),
        ]
      : [],
  );
}

/** Rule parameters checked against the indicator's points; `where` names the indicator, `at` is the rule's path. */
export function checkRule(
  rule: Rule,
  points: number,
  where: string,
  at: SchemePath = ['rule'],
): SchemeProblem[] {
  switch (rule.type) {
    case 'ratio_to_target':
      return checkRatio(rule, where, at);
    case 'step':
      return checkStep(rule, points, where, at);
    case 'goalposts':
      return checkGoalposts(rule, where, at);
    case 'rank_bands':
      return checkRankBands(rule, points, where, at);
    case 'tiers':
      return checkTiers(rule, points, where, at);
    case 'count_points':
      return checkCountItems(rule, points, where, at);
    default:
      return [];
  }
}

/** The metric fields must match the rule: event-counted indicators name no metric, others exactly one form. */
export function checkIndicatorSource(
  ind: Indicator,
  rule: Rule,
  where: string,
  at: SchemePath = [],
): SchemeProblem[] {
  const hasMetric = ind.metric !== undefined;
  const hasMetrics = ind.metrics !== undefined;
  if (rule.type === 'count_points')
    return hasMetric || hasMetrics
      ? [
          p(
            'metric_with_count_points',
            [...at, hasMetric ? 'metric' : 'metrics'],
            `${where} 使用 count_points 规则（按事件计分），不应设置 metric 或 metrics`,
          ),
        ]
      : [];
  if (hasMetric === hasMetrics)
    return [p('metric_source', at, `${where} 须且只能设置 metric（单一指标）或 metrics（加权组合）之一`)];
  return [];
}

function unknownMetric(
  catalogue: MetricCatalogue,
  name: string,
  role: string,
  where: string,
  at: SchemePath,
): SchemeProblem[] {
  if (catalogue.has(name)) return [];
  const near = catalogue.suggest?.(name);
  const hint = near ? `，是否应为 "${near}"？` : '';
  return [
    p(
      'unknown_metric',
      at,
      `${where} 的${role} "${name}" 不是已知的统计指标${hint}（可用的指标见 docs/schemes.md 的指标表）`,
    ),
  ];
}

/** Every metric name an indicator writes (value, combination parts, target) is in the catalogue. */
export function checkIndicatorMetrics(
  ind: Indicator,
  rule: Rule,
  catalogue: MetricCatalogue,
  where: string,
  at: SchemePath = [],
): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  if (ind.metric !== undefined)
    out.push(...unknownMetric(catalogue, ind.metric, ' metric', where, [...at, 'metric']));
  (ind.metrics ?? []).forEach((m, k) => {
    out.push(
      ...unknownMetric(catalogue, m.metric, ` metrics[${k}].metric`, where, [...at, 'metrics', k, 'metric']),
    );
  });
  if ((rule.type === 'ratio_to_target' || rule.type === 'step') && 'metric' in rule.target)
    out.push(
      ...unknownMetric(catalogue, rule.target.metric, '目标 rule.target.metric', where, [
        ...at,
        'rule',
        'target',
        'metric',
      ]),
    );
  if (ind.zero_denominator !== undefined) {
    const ratio =
      ind.metric !== undefined && catalogue.has(ind.metric) ? catalogue.zeroWhen?.(ind.metric) : undefined;
    if (ind.metric !== undefined && catalogue.has(ind.metric) && catalogue.zeroWhen && ratio === undefined)
      out.push(
        p(
          'zero_denominator_not_ratio',
          [...at, 'zero_denominator'],
          `${where} 的 zero_denominator 只适用于比率类指标，"${ind.metric}" 不是比率，没有分母`,
        ),
      );
    if (ind.metric === undefined && rule.type !== 'count_points')
      out.push(
        p(
          'zero_denominator_not_ratio',
          [...at, 'zero_denominator'],
          `${where} 的 zero_denominator 只适用于单一比率指标（metric），不适用于加权组合 metrics`,
        ),
      );
  }
  return out;
}

/** Path of the second and later occurrences of each duplicated id. */
function repeats(entries: { id: string; path: SchemePath }[]): { id: string; path: SchemePath }[] {
  const seen = new Set<string>();
  const out: { id: string; path: SchemePath }[] = [];
  for (const e of entries) {
    if (seen.has(e.id)) out.push(e);
    seen.add(e.id);
  }
  return out;
}

function checkIds(scheme: Scheme): SchemeProblem[] {
  const errors: SchemeProblem[] = [];
  for (const { id, path } of repeats(
    scheme.dimensions.map((d, i) => ({ id: d.id, path: ['dimensions', i, 'id'] })),
  ))
    errors.push(p('duplicate_id', path, `维度 id "${id}" 重复`));
  const indicators = scheme.dimensions.flatMap((d, i) =>
    d.indicators.map((ind, j) => ({ ind, path: ['dimensions', i, 'indicators', j] as SchemePath })),
  );
  for (const { id, path } of repeats(
    indicators.map(({ ind, path }) => ({ id: ind.id, path: [...path, 'id'] })),
  ))
    errors.push(p('duplicate_id', path, `指标 id "${id}" 重复（指标 id 在整个方案内必须唯一）`));
  const itemIds = [
    ...indicators.flatMap(({ ind, path }) =>
      ind.rule.type === 'count_points'
        ? ind.rule.items.map((it, k) => ({ id: it.id, path: [...path, 'rule', 'items', k, 'id'] }))
        : [],
    ),
    ...(scheme.bonus?.items ?? []).map((it, k) => ({ id: it.id, path: ['bonus', 'items', k, 'id'] })),
    ...(scheme.penalty?.items ?? []).map((it, k) => ({ id: it.id, path: ['penalty', 'items', k, 'id'] })),
  ];
  for (const { id, path } of repeats(itemIds))
    errors.push(p('duplicate_id', path, `计分事件项 id "${id}" 重复（同一事件只能计入一处）`));
  for (const { id, path } of repeats(scheme.groups.map((g, k) => ({ id: g, path: ['groups', k] }))))
    errors.push(p('duplicate_id', path, `groups 中的 "${id}" 重复`));
  return errors;
}

function checkReferences(scheme: Scheme): SchemeProblem[] {
  const errors: SchemeProblem[] = [];
  const known = Object.keys(GROUP_LABELS);
  scheme.groups.forEach((g, k) => {
    if (!known.includes(g))
      errors.push(
        p(
          'unknown_group',
          ['groups', k],
          `groups 中的 "${g}" 不是已知的参评分组（可用：${known.map((x) => `${x}（${GROUP_LABELS[x]}）`).join('、')}）`,
        ),
      );
  });
  const dims = new Set(scheme.dimensions.map((d) => d.id));
  scheme.tie_break.forEach((id, k) => {
    if (!dims.has(id))
      errors.push(
        p(
          'unknown_dimension',
          ['tie_break', k],
          `tie_break 中的 "${id}" 不是本方案的维度 id（可用：${[...dims].join('、')}）`,
        ),
      );
  });
  if (scheme.years?.to !== undefined && scheme.years.to < scheme.years.from)
    errors.push(
      p(
        'years_range',
        ['years', 'to'],
        `years.to（${scheme.years.to}）不能早于 years.from（${scheme.years.from}）`,
      ),
    );
  return errors;
}

function checkSums(scheme: Scheme): SchemeProblem[] {
  const errors: SchemeProblem[] = [];
  let total = 0;
  scheme.dimensions.forEach((dim, i) => {
    const sum = dim.indicators.reduce((s, ind) => s + ind.points, 0);
    total += dim.points;
    if (Math.abs(sum - dim.points) > EPS)
      errors.push(
        p(
          'points_sum',
          ['dimensions', i, 'points'],
          `维度 "${dim.name}" 的指标分值合计 ${n(sum)} 分，与维度分值 ${n(dim.points)} 分不一致`,
        ),
      );
  });
  if (Math.abs(total - scheme.total) > EPS)
    errors.push(
      p(
        'points_total',
        ['total'],
        `各维度分值合计 ${n(total)} 分，与方案总分 total ${n(scheme.total)} 分不一致`,
      ),
    );
  return errors;
}

function checkAdjustmentItems(scheme: Scheme): SchemeProblem[] {
  const errors: SchemeProblem[] = [];
  for (const [key, label] of [
    ['bonus', '加分项'],
    ['penalty', '扣分项'],
  ] as const) {
    const cat = scheme[key];
    (cat?.items ?? []).forEach((item, k) => {
      if (cat && item.cap !== undefined && item.cap > cat.cap + EPS)
        errors.push(
          p(
            'rule_range',
            [key, 'items', k, 'cap'],
            `${label} "${item.name}" 的 cap（${n(item.cap)}）超过该类上限 ${n(cat.cap)} 分`,
          ),
        );
    });
  }
  return errors;
}

/** All cross-field problems of a scheme that passed the zod schema; empty when the scheme is sound. */
export function checkSchemeProblems(scheme: Scheme, catalogue?: MetricCatalogue): SchemeProblem[] {
  const errors = [
    ...checkIds(scheme),
    ...checkReferences(scheme),
    ...checkSums(scheme),
    ...checkAdjustmentItems(scheme),
    ...checkMethodProblems(scheme),
    ...checkOutlierDeclarations(scheme),
  ];
  scheme.dimensions.forEach((dim, i) => {
    dim.indicators.forEach((ind, j) => {
      const where = `指标 "${dim.name} / ${ind.name}"`;
      const at: SchemePath = ['dimensions', i, 'indicators', j];
      errors.push(
        ...checkIndicatorSource(ind, ind.rule, where, at),
        ...(catalogue ? checkIndicatorMetrics(ind, ind.rule, catalogue, where, at) : []),
        ...checkRule(ind.rule, ind.points, where, [...at, 'rule']),
      );
    });
  });
  return errors;
}

/** The messages of checkSchemeProblems (kept for callers that want sentences only). */
export function checkScheme(scheme: Scheme, catalogue?: MetricCatalogue): string[] {
  return checkSchemeProblems(scheme, catalogue).map((e) => e.message);
}

/** The catalogue of the product: the closed metric registry. */
export const REGISTRY_CATALOGUE: MetricCatalogue = {
  has: (name) => metricDefinition(name) !== undefined,
  suggest: nearestMetric,
  zeroWhen: (name) => metricDefinition(name)?.ratio?.zeroWhen,
};
