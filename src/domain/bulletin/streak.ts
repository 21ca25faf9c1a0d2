// The standing of one unit across the periods of a year, in the seed article's words:
// "我市继在第一、二季度夺得头名后，于第三季度再获全省第一" … "连续三季度获得全省第一".
import type { Period } from '../period';
import { chineseCount, chineseNumeral, quartersWording } from './wording';

export interface Standing {
  period: Period;
  /** Rank within the group; null when the unit was not ranked in that period. */
  rank: number | null;
}

export interface StreakWording {
  /** The clause after "…综合考评结果近日公布，": "我市继在第一、二季度夺得头名后，于第三季度再获全省第一". */
  lead: string;
  /** Headline: "我市再获全省第一", "我市位列全省第三名". */
  headline: string;
  /** "连续三季度获得全省第一" when first in two or more consecutive periods up to this one, else null. */
  streakLine: string | null;
  /** Consecutive first places ending with this period (0 when not first now). */
  streak: number;
  /** Rank change since the previous period: positive = moved up; null when unknown. */
  moved: number | null;
}

function periodName(p: Period): string {
  if (p.kind === 'quarter') return quartersWording([p.month / 3]);
  if (p.kind === 'month') return `${p.month}月`;
  return `${p.year}年`;
}

/** "上季度", "上月", "上年". */
export function previousWord(p: Period): string {
  return p.kind === 'quarter' ? '上季度' : p.kind === 'month' ? '上月' : '上年';
}

/** "季度", "个月", "年": the unit of "连续三季度". */
function spanWord(p: Period): string {
  return p.kind === 'quarter' ? '季度' : p.kind === 'month' ? '个月' : '年';
}

/** "较上季度上升2位" / "下降1位" / "与上季度持平"; null when the previous rank is unknown. */
export function moveWording(current: Period, moved: number | null): string | null {
  if (moved === null) return null;
  const prev = previousWord(current);
  if (moved === 0) return `与${prev}持平`;
  return `较${prev}${moved > 0 ? '上升' : '下降'}${Math.abs(moved)}位`;
}

/**
 * `earlier`: the earlier periods of the same year that were looked at, oldest first; only the run of
 * first places that ends right before this period counts for the streak.
 * `scope`: "全省" (a province ranks its cities), "全市" (a city ranks its counties), or a group phrase.
 */
export function streakWording(
  current: Standing & { rank: number },
  earlier: readonly Standing[],
  scope: string,
  self = '我市',
): StreakWording {
  const previous = earlier[earlier.length - 1] ?? null;
  const adjacent = previous !== null && isAdjacent(previous.period, current.period);
  const moved = adjacent && previous.rank !== null ? previous.rank - current.rank : null;
  let run = 0;
  if (current.rank === 1) {
    run = 1;
    let expected = current.period;
    for (let i = earlier.length - 1; i >= 0; i--) {
      const s = earlier[i]!;
      if (s.rank !== 1 || !isAdjacent(s.period, expected)) break;
      run += 1;
      expected = s.period;
    }
  }
  const now = periodName(current.period);
  if (current.rank === 1 && run >= 2) {
    const before = earlier.slice(earlier.length - (run - 1));
    const beforeText =
      current.period.kind === 'quarter'
        ? quartersWording(before.map((s) => s.period.month / 3))
        : before.map((s) => periodName(s.period)).join('、');
    return {
      lead: `${self}继在${beforeText}夺得头名后，于${now}再获${scope}第一`,
      headline: `${self}再获${scope}第一`,
      streakLine: `连续${chineseCount(run)}${spanWord(current.period)}获得${scope}第一`,
      streak: run,
      moved,
    };
  }
  if (current.rank === 1) {
    const before = earlier.some((s) => s.rank === 1);
    const move = moveWording(current.period, moved);
    return {
      lead: `${self}于${now}${before ? '重获' : '获得'}${scope}第一${move && moved !== 0 ? `，${move}` : ''}`,
      headline: `${self}${before ? '重获' : '获得'}${scope}第一`,
      streakLine: null,
      streak: 1,
      moved,
    };
  }
  const place = `${scope}第${chineseNumeral(current.rank)}名`;
  const move = moveWording(current.period, moved);
  return {
    lead: `${self}位列${place}${move ? `，${move}` : ''}`,
    headline: `${self}位列${place}`,
    streakLine: null,
    streak: 0,
    moved,
  };
}

/** Whether `a` is the period right before `b` (same kind). */
export function isAdjacent(a: Period, b: Period): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'year') return a.year + 1 === b.year;
  const step = a.kind === 'quarter' ? 3 : 1;
  const ai = a.year * 12 + a.month;
  const bi = b.year * 12 + b.month;
  return bi - ai === step;
}
