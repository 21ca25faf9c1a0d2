// Recurring phrases of both documents: the activity's name, the serial line, status and method notes.
import type { Scheme } from '../evaluation/scheme-schema';
import type { Period } from '../period';
import type { EarlierRanks, EvaluationSource } from './inputs';
import { dateWording, joinList } from './wording';

/** '重点项目"四比四看"活动综合考评（2020年版）' → '重点项目“四比四看”活动'. */
export function activityName(scheme: Scheme): string {
  const base = scheme.name.replace(/综合考评.*$/, '').trim() || scheme.name;
  return chineseQuotes(base);
}

/** The quoted short name, '“四比四看”', or the whole activity name when it has none. */
export function activityShort(scheme: Scheme): string {
  const name = activityName(scheme);
  return /“[^”]+”/.exec(name)?.[0] ?? name;
}

/** Straight double quotes → “…” pairs. */
export function chineseQuotes(text: string): string {
  let open = true;
  return text.replace(/"/g, () => {
    const q = open ? '“' : '”';
    open = !open;
    return q;
  });
}

/** "比谋划看储备、比招引看投资、比开工看进度、比服务看实效". */
export function dimensionNames(scheme: Scheme): string {
  return joinList(scheme.dimensions.map((d) => d.name));
}

/** The serial line under the issuer: "2020年第3期" for a quarter, "2020年第9期" for a month, "2020年度". */
export function serialLine(period: Period): string {
  if (period.kind === 'quarter') return `${period.year}年第${period.month / 3}期`;
  if (period.kind === 'month') return `${period.year}年第${period.month}期`;
  return `${period.year}年度`;
}

/** "我市"/"全市", "我县"/"全县", "我区"/"全区" from the unit's name. */
export function selfWords(name: string): { self: string; whole: string } {
  const last = name.slice(-1);
  const c = last === '县' || last === '区' ? last : '市';
  return { self: `我${c}`, whole: `全${c}` };
}

/** Where a unit is ranked: "全省" among a province's units, "全市" among a city's. */
export function scopeWord(parentKind: string): string {
  return parentKind === 'province'
    ? '全省'
    : parentKind === 'city' || parentKind === 'demo_zone'
      ? '全市'
      : '全域';
}

export const SIMULATED_NOTE = '本文数据为演示用模拟数据，不代表任何地区的真实情况。';

/** Notes on where the scores come from, what is simulated, and how the scheme ranks. */
export function sourceNotes(
  source: EvaluationSource,
  earlier: readonly EarlierRanks[],
  simulated: boolean,
): string[] {
  const notes: string[] = [];
  const { status, scheme } = source;
  if (status.kind === 'published') {
    notes.push(
      `本文依据${dateWording(status.publishedAt)}发布的考评结果（编号${status.id}，内容校验码${status.hash.slice(0, 12)}）。`,
    );
    if (status.figures === 'current') {
      notes.push('该考评结果发布时未存档通报数据：文中统计数字按当前数据计算，得分和排名为已发布结果。');
    }
  } else {
    notes.push('草稿：本期考评结果尚未发布，文中得分和排名按当前数据计算，仅供审阅，不作为正式结果。');
  }
  const recomputed = earlier.filter((e) => !e.published);
  if (recomputed.length > 0) {
    const stored = status.kind === 'published' && status.figures === 'stored';
    notes.push(
      `此前期次中${stored ? '本期发布时' : ''}尚未发布的（${joinList(recomputed.map((e) => e.period.id))}），排名按${stored ? '本期发布时的数据' : '当前数据重新'}计算。`,
    );
  }
  if (simulated) notes.push(SIMULATED_NOTE);
  const tie = scheme.tie_break
    .map((id) => scheme.dimensions.find((d) => d.id === id)?.name)
    .filter((n): n is string => Boolean(n));
  const tieText = tie.length
    ? `总分相同时依次比较${tie.map((n) => `“${n}”`).join('')}得分，仍相同的并列`
    : '总分相同的并列';
  notes.push(
    `考评方案：${chineseQuotes(scheme.name)}，版本${scheme.version}，满分${scheme.total}分；得分保留两位小数，排名按未经四舍五入的得分计算，${tieText}。`,
  );
  return notes;
}

/** Marks at the top left: 模拟数据 and 草稿. */
export function marksFor(source: EvaluationSource, simulated: boolean): string[] {
  return [...(simulated ? ['模拟数据'] : []), ...(source.status.kind === 'draft' ? ['草稿'] : [])];
}
