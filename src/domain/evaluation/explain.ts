// One Chinese sentence per indicator score, e.g.
// "开工率 92.1%，低于全组平均 3.2 个百分点，按比例得 7.60 分（满分 10 分）".

import { metricDefinition } from '../metric-registry';
import { formatDiff, formatPoints, formatScore, formatValue, indicatorUnit } from './format';
import { metricLabel } from './metric-labels';
import { OFF_QUARTER_FLAG, quartersWording } from './quarters';
import type { Indicator, MetricUnit, Rule, Scope } from './scheme-schema';
import type { Cell } from './score-column';

interface Ctx {
  ind: Indicator;
  rule: Rule;
  cell: Cell;
  unit: MetricUnit;
  where: string;
  score: number;
  points: number;
  /** Event counts per rule item, for count_points. */
  counts: number[];
}

function tail(ctx: Ctx, how = ''): string {
  const reweighted = ctx.points !== ctx.ind.points ? '（按调整后的权重折算）' : '';
  return `${how}得 ${formatScore(ctx.score)} 分（满分 ${formatPoints(ctx.points)} 分）${reweighted}`;
}

function v(ctx: Ctx, x: number): string {
  return formatValue(x, ctx.unit);
}

function versusMean(ctx: Ctx): string {
  const { mean, compared } = ctx.cell.reference;
  const x = ctx.cell.value;
  if (mean === undefined || x === null || (compared ?? 0) < 2 || ctx.cell.fill === 'group_mean') return '';
  if (x === mean) return `，与${ctx.where}平均持平`;
  return `，${x > mean ? '高于' : '低于'}${ctx.where}平均 ${formatDiff(x - mean, ctx.unit)}`;
}

function targetLabel(ctx: Ctx): string {
  const { target, targetSource, targetMetric } = ctx.cell.reference;
  const shown = target === null || target === undefined ? '（缺失）' : ` ${v(ctx, target)}`;
  if (targetSource === 'timeProgress')
    return `时序进度${target == null ? '（缺失）' : ` ${formatValue(target, 'percent')}`}`;
  if (targetSource === 'mean') return `${ctx.where}平均${shown}`;
  if (targetSource === 'metric') return `${metricLabel(targetMetric ?? '')}${shown}`;
  if (targetSource === 'unit') return `本单位目标${shown}`;
  return `目标值${shown}`;
}

function notScored(ctx: Ctx, head: string): string {
  const why = ctx.cell.flags.includes('target_nonpositive') ? '不为正数' : '缺失';
  return `${head}，${targetLabel(ctx)}，目标值${why}，该项不计分，${tail(ctx, '')}`;
}

function ratioClause(ctx: Ctx, rule: Extract<Rule, { type: 'ratio_to_target' }>): string {
  const { target } = ctx.cell.reference;
  const x = ctx.cell.value ?? 0;
  const t = target ?? 0;
  if (ctx.cell.flags.includes('negative_value')) return `，${targetLabel(ctx)}，数值为负，${tail(ctx)}`;
  const ratio = ctx.ind.direction === 'higher_better' ? x / t : x === 0 ? Number.POSITIVE_INFINITY : t / x;
  const done = Number.isFinite(ratio) ? `，完成目标的 ${formatValue(ratio, 'percent')}` : '';
  const how = ctx.cell.flags.includes('capped')
    ? rule.cap === 1
      ? '达到目标，'
      : `达到上限 ${formatValue(rule.cap, 'percent')}，`
    : '按比例';
  return `，${targetLabel(ctx)}${done}，${tail(ctx, how)}`;
}

function stepClause(ctx: Ctx, rule: Extract<Rule, { type: 'step' }>): string {
  const x = ctx.cell.value ?? 0;
  const t = ctx.cell.reference.target ?? 0;
  const higher = ctx.ind.direction === 'higher_better';
  const good = higher ? x >= t : x <= t;
  const slope = (good ? rule.above : rule.below) ?? {
    step: rule.step,
    points_per_step: rule.points_per_step,
  };
  const rel =
    x === t
      ? `等于${targetLabel(ctx)}`
      : `比${targetLabel(ctx)} ${x > t ? '高' : '低'} ${formatDiff(x - t, ctx.unit)}`;
  const dir = good === higher ? '高' : '低';
  const each = `每${dir} ${formatDiff(slope.step, ctx.unit)}${good ? '加' : '减'} ${formatPoints(slope.points_per_step)} 分`;
  const whole = rule.rounding === 'whole' ? '（按整档计）' : '';
  const bound = ctx.cell.flags.includes('clamped_max')
    ? '，已达最高分'
    : ctx.cell.flags.includes('clamped_min')
      ? '，已到最低分'
      : '';
  return `，${rel}，基本分 ${formatPoints(rule.base)} 分，${each}${whole}${bound}，${tail(ctx)}`;
}

function comparativeClause(ctx: Ctx): string {
  const { reference: r, flags } = ctx.cell;
  const w = ctx.where;
  switch (ctx.rule.type) {
    case 'relative_to_best':
      if (flags.includes('zero_lower_better'))
        return `${versusMean(ctx)}，数值为 0，按"越低越好"无法比较，${tail(ctx)}`;
      if (flags.includes('best_nonpositive')) return `，${w}最高值不大于 0，${tail(ctx, '全部记 0 分，')}`;
      return `${versusMean(ctx)}，${w}${ctx.ind.direction === 'higher_better' ? '最高' : '最低'} ${v(ctx, r.best ?? 0)}，${tail(ctx, '按比例')}`;
    case 'min_max':
      if (flags.includes('all_equal')) return `，${w}数值全部相同，${tail(ctx, '均')}`;
      return `${versusMean(ctx)}，${w}最低 ${v(ctx, r.min ?? 0)}、最高 ${v(ctx, r.max ?? 0)}，${tail(ctx, '按极差法')}`;
    case 'rank_bands':
      return `${versusMean(ctx)}，${w}排名第 ${r.rank}${flags.includes('outside_bands') ? '，未进入计分名次段' : ''}，${tail(ctx)}`;
    default:
      return '';
  }
}

function fixedClause(ctx: Ctx): string {
  const { reference: r, flags } = ctx.cell;
  if (ctx.rule.type === 'goalposts')
    return `${versusMean(ctx)}，按下限 ${v(ctx, r.lower ?? 0)}、上限 ${v(ctx, r.upper ?? 0)} 线性计分，${tail(ctx)}`;
  if (flags.includes('no_tier')) return `${versusMean(ctx)}，未达到最低档，${tail(ctx)}`;
  const op = ctx.ind.direction === 'higher_better' ? '≥' : '≤';
  return `${versusMean(ctx)}，达到"${op} ${v(ctx, r.threshold ?? 0)}"档，${tail(ctx)}`;
}

function countSentence(ctx: Ctx, rule: Extract<Rule, { type: 'count_points' }>): string {
  const parts = rule.items.map(
    (it, k) =>
      `${it.name} ${ctx.counts[k] ?? 0} 次（每次 ${formatPoints(it.points_per_event)} 分${it.cap === undefined ? '' : `，上限 ${formatPoints(it.cap)} 分`}）`,
  );
  const how = ctx.ind.direction === 'lower_better' ? `从满分中扣除，` : '';
  return `${ctx.ind.name}：${parts.join('；')}，${tail(ctx, how)}`;
}

function zeroDenominatorSentence(ctx: Ctx): string | null {
  const { flags } = ctx.cell;
  const denominator = metricDefinition(ctx.ind.metric ?? '')?.ratio?.denominator;
  const why = `${ctx.ind.name}无法计算：分母为零${denominator ? `（${denominator}为 0）` : ''}`;
  if (flags.includes('zero_denominator_full')) return `${why}，按满分计，${tail(ctx)}`;
  if (flags.includes('zero_denominator_zero')) return `${why}，按 0 分计，${tail(ctx)}`;
  if (flags.includes('zero_denominator_neutral'))
    return `${why}，按不参评计：本项不计分，其分值按比例并入本维度其他指标`;
  return null;
}

function missingSentence(ctx: Ctx): string {
  const name = ctx.ind.name;
  const zero = zeroDenominatorSentence(ctx);
  if (zero) return zero;
  if (ctx.cell.fill === 'zero')
    return `${name}未报送，按缺失值记 0 分（满分 ${formatPoints(ctx.points)} 分）`;
  return `${name}未报送，且${ctx.where}无可用于补齐的数据，记 0 分（满分 ${formatPoints(ctx.points)} 分）`;
}

export function scopeWord(scope: Scope): string {
  return scope === 'group' ? '全组' : '全部参评单位';
}

export function explainIndicator(input: Omit<Ctx, 'unit' | 'where'> & { scope: Scope }): string {
  const { ind, rule: r, cell: c, score, points, counts } = input;
  const ctx: Ctx = {
    ind,
    rule: r,
    cell: c,
    score,
    points,
    counts,
    unit: indicatorUnit(ind),
    where: scopeWord(input.scope),
  };
  const { rule, cell } = ctx;
  if (cell.flags.includes(OFF_QUARTER_FLAG))
    return `${ind.name}：本季度不考核（仅在${quartersWording(ind.quarters ?? [])}考核），其分值按比例并入本维度其他指标`;
  if (rule.type === 'count_points') return countSentence(ctx, rule);
  if (cell.value === null) return missingSentence(ctx);
  const head =
    cell.fill === 'group_mean'
      ? `${ctx.ind.name}未报送，按本组平均 ${v(ctx, cell.value)} 补齐`
      : `${ctx.ind.name} ${v(ctx, cell.reported ?? cell.value)}${treatedClause(ctx)}`;
  if (!cell.scored) return notScored(ctx, head);
  if (rule.type === 'ratio_to_target') return head + versusMeanUnlessTarget(ctx) + ratioClause(ctx, rule);
  if (rule.type === 'step') return head + versusMeanUnlessTarget(ctx) + stepClause(ctx, rule);
  if (rule.type === 'goalposts' || rule.type === 'tiers') return head + fixedClause(ctx);
  return head + comparativeClause(ctx);
}

/** The scheme's outlier treatment changed the value: say so, with the value the rule compared. */
function treatedClause(ctx: Ctx): string {
  const { cell } = ctx;
  if (cell.reported === undefined || cell.value === null) return '';
  return cell.flags.includes('outlier_log')
    ? `（离群值：按方案做对数变换，以变换后的 ${Number(cell.value.toPrecision(4))} 参与比较）`
    : `（离群值：按方案缩尾为 ${v(ctx, cell.value)} 参与比较）`;
}

// When the target is the mean itself, the rule clause already states the distance to it.
function versusMeanUnlessTarget(ctx: Ctx): string {
  return ctx.cell.reference.targetSource === 'mean' ? '' : versusMean(ctx);
}
