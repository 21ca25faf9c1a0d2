// Checks zod cannot express field by field: sums, cross references, uniqueness and rule
// parameters that only make sense together (L < U, bands that do not overlap, ...).
import type { Indicator, Rule, RuleOf, Scheme } from './scheme-schema';

const EPS = 1e-9;

function n(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

function checkRatio(rule: RuleOf<'ratio_to_target'>, where: string): string[] {
  const t = rule.target;
  return 'value' in t && t.value <= 0 ? [`${where} 的 rule.target 必须是正数（当前为 ${n(t.value)}）`] : [];
}

function checkStep(rule: RuleOf<'step'>, points: number, where: string): string[] {
  const errors: string[] = [];
  const max = rule.max ?? points;
  if (max > points + EPS) errors.push(`${where} 的 rule.max（${n(max)}）不能超过该指标分值 ${n(points)} 分`);
  if (rule.min > max + EPS)
    errors.push(`${where} 的 rule.min（${n(rule.min)}）不能大于 rule.max（${n(max)}）`);
  if (rule.base < rule.min - EPS || rule.base > max + EPS)
    errors.push(`${where} 的 rule.base（${n(rule.base)}）应在 rule.min 与 rule.max 之间`);
  return errors;
}

function checkGoalposts(rule: RuleOf<'goalposts'>, where: string): string[] {
  if (rule.lower === rule.upper)
    return [`${where} 的 rule.lower 与 rule.upper 不能相等（当前均为 ${n(rule.lower)}），否则无法插值`];
  if (rule.lower > rule.upper) return [`${where} 的 rule.lower 必须小于 rule.upper`];
  return [];
}

function checkRankBands(rule: RuleOf<'rank_bands'>, points: number, where: string): string[] {
  const errors: string[] = [];
  if ((rule.bands === undefined) === (rule.decrement === undefined))
    return [`${where} 的 rule 须且只能设置 bands（按名次段赋分）或 decrement（每降一名减分）之一`];
  if (rule.first !== undefined && rule.first > points + EPS)
    errors.push(`${where} 的 rule.first 不能超过该指标分值 ${n(points)} 分`);
  const sorted = [...(rule.bands ?? [])].sort((a, b) => a.from - b.from);
  sorted.forEach((band, k) => {
    if (band.from > band.to)
      errors.push(`${where} 的 rule.bands 第 ${band.from}–${band.to} 名：起始名次大于结束名次`);
    if (band.points > points + EPS)
      errors.push(`${where} 的 rule.bands 分值 ${n(band.points)} 超过该指标分值`);
    const prev = sorted[k - 1];
    if (prev && band.from <= prev.to)
      errors.push(`${where} 的 rule.bands 名次段 ${prev.from}–${prev.to} 与 ${band.from}–${band.to} 重叠`);
  });
  return errors;
}

function checkTiers(rule: RuleOf<'tiers'>, points: number, where: string): string[] {
  const errors: string[] = [];
  const seen = new Set<number>();
  for (const tier of rule.tiers) {
    if (tier.points > points + EPS)
      errors.push(`${where} 的 rule.tiers 分值 ${n(tier.points)} 超过该指标分值 ${n(points)} 分`);
    if (seen.has(tier.threshold)) errors.push(`${where} 的 rule.tiers 门槛 ${n(tier.threshold)} 重复`);
    seen.add(tier.threshold);
  }
  return errors;
}

function checkCountItems(rule: RuleOf<'count_points'>, points: number, where: string): string[] {
  return rule.items
    .filter((item) => item.cap !== undefined && item.cap > points + EPS)
    .map(
      (item) => `${where} 的计分项 "${item.name}" 上限 ${n(item.cap ?? 0)} 超过该指标分值 ${n(points)} 分`,
    );
}

/** Rule parameters checked against the indicator's points; `where` names the indicator. */
export function checkRule(rule: Rule, points: number, where: string): string[] {
  switch (rule.type) {
    case 'ratio_to_target':
      return checkRatio(rule, where);
    case 'step':
      return checkStep(rule, points, where);
    case 'goalposts':
      return checkGoalposts(rule, where);
    case 'rank_bands':
      return checkRankBands(rule, points, where);
    case 'tiers':
      return checkTiers(rule, points, where);
    case 'count_points':
      return checkCountItems(rule, points, where);
    default:
      return [];
  }
}

/** The metric fields must match the rule: event-counted indicators name no metric, others exactly one form. */
export function checkIndicatorSource(ind: Indicator, rule: Rule, where: string): string[] {
  const hasMetric = ind.metric !== undefined;
  const hasMetrics = ind.metrics !== undefined;
  if (rule.type === 'count_points')
    return hasMetric || hasMetrics
      ? [`${where} 使用 count_points 规则（按事件计分），不应设置 metric 或 metrics`]
      : [];
  if (hasMetric === hasMetrics) return [`${where} 须且只能设置 metric（单一指标）或 metrics（加权组合）之一`];
  return [];
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

function checkIds(scheme: Scheme): string[] {
  const errors: string[] = [];
  const indicators = scheme.dimensions.flatMap((d) => d.indicators);
  for (const id of duplicates(scheme.dimensions.map((d) => d.id))) errors.push(`维度 id "${id}" 重复`);
  for (const id of duplicates(indicators.map((i) => i.id)))
    errors.push(`指标 id "${id}" 重复（指标 id 在整个方案内必须唯一）`);
  const itemIds = [
    ...indicators.flatMap((i) => (i.rule.type === 'count_points' ? i.rule.items.map((it) => it.id) : [])),
    ...(scheme.bonus?.items ?? []).map((it) => it.id),
    ...(scheme.penalty?.items ?? []).map((it) => it.id),
  ];
  for (const id of duplicates(itemIds)) errors.push(`计分事件项 id "${id}" 重复（同一事件只能计入一处）`);
  for (const id of duplicates(scheme.groups)) errors.push(`groups 中的 "${id}" 重复`);
  const dims = new Set(scheme.dimensions.map((d) => d.id));
  for (const id of scheme.tie_break)
    if (!dims.has(id))
      errors.push(`tie_break 中的 "${id}" 不是本方案的维度 id（可用：${[...dims].join('、')}）`);
  return errors;
}

function checkSums(scheme: Scheme): string[] {
  const errors: string[] = [];
  let total = 0;
  for (const dim of scheme.dimensions) {
    const sum = dim.indicators.reduce((s, i) => s + i.points, 0);
    total += dim.points;
    if (Math.abs(sum - dim.points) > EPS)
      errors.push(`维度 "${dim.name}" 的指标分值合计 ${n(sum)} 分，与维度分值 ${n(dim.points)} 分不一致`);
  }
  if (Math.abs(total - scheme.total) > EPS)
    errors.push(`各维度分值合计 ${n(total)} 分，与方案总分 total ${n(scheme.total)} 分不一致`);
  return errors;
}

function checkAdjustmentItems(scheme: Scheme): string[] {
  const errors: string[] = [];
  for (const [key, label] of [
    ['bonus', '加分项'],
    ['penalty', '扣分项'],
  ] as const) {
    const cat = scheme[key];
    for (const item of cat?.items ?? [])
      if (cat && item.cap !== undefined && item.cap > cat.cap + EPS)
        errors.push(`${label} "${item.name}" 的 cap（${n(item.cap)}）超过该类上限 ${n(cat.cap)} 分`);
  }
  return errors;
}

/** All cross-field errors of a scheme that passed the zod schema; empty when the scheme is sound. */
export function checkScheme(scheme: Scheme): string[] {
  const errors = [...checkIds(scheme), ...checkSums(scheme), ...checkAdjustmentItems(scheme)];
  for (const dim of scheme.dimensions)
    for (const ind of dim.indicators) {
      const where = `指标 "${dim.name} / ${ind.name}"`;
      errors.push(...checkIndicatorSource(ind, ind.rule, where), ...checkRule(ind.rule, ind.points, where));
    }
  return errors;
}
