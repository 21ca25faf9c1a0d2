// Reading an evaluation result the way a bulletin does: the ranking in words (ties 并列), who leads
// each dimension and indicator (with figures), who lags and which indicator cost them most.
import { indicatorUnit } from '../evaluation/format';
import { OFF_QUARTER_FLAG } from '../evaluation/quarters';
import type { Indicator, MetricUnit, Scheme } from '../evaluation/scheme-schema';
import type { IndicatorScore, UnitResult } from '../evaluation/types';
import { chineseQuotes } from './phrases';
import {
  amountWordingOf,
  chineseNumeral,
  daysWording,
  joinList,
  ordinalWording,
  rateWording,
  roundText,
  roundThresholdBelow,
  scoreWording,
} from './wording';

/** Units of one group in rank order (then code), as the engine lists them. */
export function groupUnits(units: readonly UnitResult[], group: string): UnitResult[] {
  return units.filter((u) => u.group === group).sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : 1));
}

export function isTied(unit: UnitResult, units: readonly UnitResult[]): boolean {
  return units.some((u) => u !== unit && u.group === unit.group && u.rank === unit.rank);
}

/** Rank as a table cell: "1", "并列2". */
export function rankCell(unit: UnitResult, units: readonly UnitResult[]): string {
  return isTied(unit, units) ? `并列${unit.rank}` : String(unit.rank);
}

/** Units that share each rank, in rank order: [[A], [B, C], [D]]. */
function byRank(units: readonly UnitResult[]): UnitResult[][] {
  const out: UnitResult[][] = [];
  for (const u of units) {
    const last = out[out.length - 1];
    if (last && last[0]!.rank === u.rank) last.push(u);
    else out.push([u]);
  }
  return out;
}

const withScore = (u: UnitResult) => `${u.name}（${scoreWording(u.adjusted)}）`;

/**
 * The top of the ranking in words: "综合排名前三位的依次是A（95.1分）、B（93.4分）、C（92分）";
 * with ties "综合排名前三位的是A、B并列第一（95.1分），C第三（92分）". Units tied at the cut all count.
 */
export function topRankingWords(units: readonly UnitResult[], top = 3): string {
  const cut = Math.min(top, units.length);
  if (cut === 0) return '';
  const leaders = units.filter((u) => u.rank <= cut);
  const head = `综合排名前${chineseNumeral(cut) === '二' ? '两' : chineseNumeral(cut)}位的`;
  const tiers = byRank(leaders);
  if (tiers.every((t) => t.length === 1)) return `${head}依次是${joinList(leaders.map(withScore))}`;
  const parts = tiers.map((t) =>
    t.length === 1
      ? `${t[0]!.name}${ordinalWording(t[0]!.rank)}（${scoreWording(t[0]!.adjusted)}）`
      : `${joinList(t.map((u) => u.name))}并列${ordinalWording(t[0]!.rank)}（${scoreWording(t[0]!.adjusted)}）`,
  );
  return `${head}是${parts.join('，')}`;
}

/** The last `count` places (ties at the cut included), worst last; none of them among `exclude`. */
export function laggingUnits(
  units: readonly UnitResult[],
  count: number,
  exclude: ReadonlySet<string> = new Set(),
): UnitResult[] {
  if (count <= 0 || units.length === 0) return [];
  const sorted = [...units].sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : 1));
  const cutRank = sorted[Math.max(0, sorted.length - count)]!.rank;
  return sorted.filter((u) => u.rank >= cutRank && !exclude.has(u.code));
}

/** How many last places a bulletin names for a group of `size` units. */
export function laggingCount(size: number): number {
  if (size >= 9) return 3;
  if (size >= 4) return 2;
  return size >= 2 ? 1 : 0;
}

/** The indicator that cost the unit most points (points possible − score), ties by scheme order. */
export function costliestIndicator(unit: UnitResult): IndicatorScore | null {
  let worst: IndicatorScore | null = null;
  for (const ind of unit.indicators) {
    const lost = ind.points - ind.score;
    if (lost <= 1e-9) continue;
    if (!worst || lost > worst.points - worst.score + 1e-9) worst = ind;
  }
  return worst;
}

/** An engine explanation as bulletin text: no spaces between Chinese and numbers, Chinese quotes. */
export function tidyExplanation(text: string): string {
  return chineseQuotes(text.replace(/\s+/g, ''));
}

/** Competition rank of `unit` on one dimension within its group. */
export function dimensionRank(unit: UnitResult, units: readonly UnitResult[], dimensionId: string): number {
  const mine = unit.dimensions.find((d) => d.id === dimensionId)?.score ?? 0;
  return (
    1 +
    units.filter(
      (u) =>
        u.group === unit.group && (u.dimensions.find((d) => d.id === dimensionId)?.score ?? 0) > mine + 1e-9,
    ).length
  );
}

/** The units with the highest score on a dimension (ties all listed). */
export function dimensionLeaders(
  units: readonly UnitResult[],
  dimensionId: string,
): { units: UnitResult[]; score: number } | null {
  const scored = units.map((u) => ({ u, s: u.dimensions.find((d) => d.id === dimensionId)?.score ?? null }));
  const present = scored.filter((x): x is { u: UnitResult; s: number } => x.s !== null);
  if (present.length === 0) return null;
  const best = Math.max(...present.map((x) => x.s));
  return { units: present.filter((x) => Math.abs(x.s - best) < 1e-9).map((x) => x.u), score: best };
}

export function indicatorOf(scheme: Scheme, id: string): Indicator | null {
  for (const d of scheme.dimensions) for (const i of d.indicators) if (i.id === id) return i;
  return null;
}

/** A value of an indicator in bulletin wording, by the indicator's unit. */
export function valueWording(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'yuan':
      return amountWordingOf(value);
    case 'percent':
      return rateWording(value);
    case 'count':
      return `${roundText(value, 0)}个`;
    case 'days':
      return daysWording(value);
    default:
      return roundText(value, 2).replace(/\.?0+$/, '');
  }
}

interface Entry {
  unit: UnitResult;
  value: number;
}

const MAX_TIED_NAMED = 6;

/**
 * Who leads one indicator, with figures, in the shapes public bulletins use:
 * "省外境外到位资金超过200亿元的有A（245.3亿元）、B（210亿元）", "20亿元以上项目占比较高的是A（24.3%）、B（18.8%）",
 * "平均办理天数较短的是…", "联审联批办结率并列最高的有A、B、C、D（均为100%）". Null when nothing was reported.
 */
export function indicatorLeaderPhrase(
  scheme: Scheme,
  units: readonly UnitResult[],
  indicatorId: string,
  top = 3,
): string | null {
  const def = indicatorOf(scheme, indicatorId);
  const sample = units[0]?.indicators.find((i) => i.id === indicatorId);
  // Not assessed this quarter (quarters.ts): nothing to say about it.
  if (!def || !sample || sample.flags.includes(OFF_QUARTER_FLAG)) return null;
  const byScore = def.rule.type === 'count_points';
  const unit: MetricUnit = byScore ? 'number' : indicatorUnit(def);
  const higher = byScore || def.direction === 'higher_better';
  const entries: Entry[] = [];
  for (const u of units) {
    const ind = u.indicators.find((i) => i.id === indicatorId);
    if (!ind) continue;
    if (byScore) entries.push({ unit: u, value: ind.score });
    else if (!ind.missing && ind.value !== null && ind.fill === 'none')
      entries.push({ unit: u, value: ind.value });
  }
  if (entries.length < 2) return null;
  entries.sort((a, b) => (higher ? b.value - a.value : a.value - b.value) || a.unit.rank - b.unit.rank);
  const shown = (e: Entry) => (byScore ? scoreWording(e.value) : valueWording(e.value, unit));
  const same = (a: number, b: number) =>
    shown({ unit: units[0]!, value: a }) === shown({ unit: units[0]!, value: b });
  const name = byScore ? `${def.name}得分` : def.name;
  const best = entries[0]!;
  const tiedAtTop = entries.filter((e) => same(e.value, best.value));
  if (tiedAtTop.length === entries.length) return `各单位${name}均为${shown(best)}`;
  if (tiedAtTop.length >= top) {
    const names = tiedAtTop.map((e) => e.unit.name);
    const listed =
      names.length > MAX_TIED_NAMED
        ? `${joinList(names.slice(0, MAX_TIED_NAMED - 1))}等${names.length}个单位`
        : joinList(names);
    return `${name}并列${higher ? '最高' : '最低'}的有${listed}（均为${shown(best)}）`;
  }
  // Units tied at the cut are all named, unless that would list more than one extra unit.
  const cutValue = entries[Math.min(top, entries.length) - 1]!.value;
  const atCut = entries.filter((e) => same(e.value, cutValue));
  const above = entries.filter(
    (e) => !same(e.value, cutValue) && (higher ? e.value > cutValue : e.value < cutValue),
  );
  const leaders = above.length + atCut.length <= top + 1 ? [...above, ...atCut] : above;
  const listed = joinList(leaders.map((e) => `${e.unit.name}（${shown(e)}）`));
  if (unit === 'yuan' && higher) {
    const threshold = roundThresholdBelow(Math.min(...leaders.map((e) => e.value)));
    if (threshold !== null) return `${name}超过${amountWordingOf(threshold)}的有${listed}`;
  }
  const degree = leaders.length === 1 ? '最' : '较';
  const word =
    degree + (higher ? (unit === 'count' || unit === 'yuan' ? '多' : '高') : unit === 'days' ? '短' : '低');
  return `${name}${word}的是${listed}`;
}
