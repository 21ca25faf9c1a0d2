// The arithmetic of the 驾驶舱, free of React so it is unit-tested (dashboard-figures.test.ts):
// the child units ranked by investment completion, how far a rate is ahead of or behind time
// progress, the unit a money chart is drawn in, and the region's standing in each evaluation scheme
// with its run of first places ("连续3个季度第一", as src/domain/bulletin/streak.ts words it).
import { pointsOf, signedPoints } from '../../../src/domain/tables/columns';
import type { RankEntry } from '../api/dashboard-types';
import { roundedString } from '../format';
import type { Locale } from '../i18n/locale';

const WAN = 10_000n;
const YI = 100_000_000n;
const MILLION = 1_000_000n;
const BILLION = 1_000_000_000n;

// The child units' rows and sorting live with the units table's columns (shared with its export).
export {
  type SortOrder,
  sortValues,
  type UnitRow,
  unitRows,
} from '../../../src/domain/tables/dashboard-units';
export { pointsOf };

// ---- pace against time progress ------------------------------------------------------------

export interface Pace {
  direction: 'ahead' | 'behind' | 'level';
  /** Percentage points, one decimal, unsigned: "3.1". */
  points: string;
}

/** A rate against time progress, in percentage points as shown (level when it rounds to 0.0). */
export function paceOf(value: number | null, timeProgress: number | null): Pace | null {
  if (value === null || timeProgress === null) return null;
  const gap = value - timeProgress;
  const points = pointsOf(gap);
  if (points === '0.0') return { direction: 'level', points };
  return { direction: gap > 0 ? 'ahead' : 'behind', points };
}

/** A gap (a fraction) in signed percentage points: "+2.3", "−5.1" (a minus sign, not a hyphen), "—". */
export const formatPoints = (gap: number | null): string =>
  gap === null || !Number.isFinite(gap) ? '—' : signedPoints(gap);

// ---- money on a chart ----------------------------------------------------------------------

export interface AmountScale {
  unit: bigint;
  /** The axis name: 亿元 / 万元, CNY bn / CNY m (as format.ts writes amounts). */
  name: string;
}

/** 亿元 once the largest amount reaches 1 亿, else 万元; in English, billions or millions. */
export function amountScale(amounts: readonly bigint[], locale: Locale): AmountScale {
  const largest = amounts.reduce((max, a) => {
    const abs = a < 0n ? -a : a;
    return abs > max ? abs : max;
  }, 0n);
  if (locale === 'en')
    return largest >= BILLION ? { unit: BILLION, name: 'CNY bn' } : { unit: MILLION, name: 'CNY m' };
  return largest >= YI ? { unit: YI, name: '亿元' } : { unit: WAN, name: '万元' };
}

/** Where an amount sits on the axis, rounded to 0.01 of the unit. For drawing only: labels format the exact amount. */
export function plotValue(yuan: bigint, scale: AmountScale): number {
  return Number(roundedString(yuan, scale.unit, 2));
}

// ---- rank history --------------------------------------------------------------------------

export type PeriodKind = 'month' | 'quarter' | 'year';

/** An evaluation period id as a kind and a position on its own scale (months since year 0, or the year). */
export function periodOrdinal(id: string): { kind: PeriodKind; at: number } | null {
  const month = /^(\d{4})-(\d{1,2})$/.exec(id);
  if (month) return { kind: 'month', at: Number(month[1]) * 12 + Number(month[2]) };
  const quarter = /^(\d{4})[Qq]([1-4])$/.exec(id);
  if (quarter) return { kind: 'quarter', at: Number(quarter[1]) * 12 + Number(quarter[2]) * 3 };
  if (/^\d{4}$/.test(id)) return { kind: 'year', at: Number(id) };
  return null;
}

const STEP: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 1 };

/** Whether period `a` comes right before period `b` (same kind). */
export function followsDirectly(a: string, b: string): boolean {
  const pa = periodOrdinal(a);
  const pb = periodOrdinal(b);
  return pa !== null && pb !== null && pa.kind === pb.kind && pb.at - pa.at === STEP[pa.kind];
}

export interface Standing {
  schemeId: string;
  group: string;
  /** One entry per period, oldest first (the latest evaluation of a period when it was published again). */
  entries: RankEntry[];
  latest: RankEntry;
  kind: PeriodKind | null;
  /** First places in a row ending with the latest period, each right after the one before; 0 if not first now. */
  streak: number;
  /** Places gained since the period right before the latest (negative: lost); null when not evaluated then. */
  moved: number | null;
}

/** The rank history grouped by scheme and group, the most recently evaluated first. */
export function standings(history: readonly RankEntry[]): Standing[] {
  const byKey = new Map<string, Map<string, RankEntry>>();
  for (const entry of history) {
    const key = `${entry.schemeId}\u0000${entry.group}`;
    const periods = byKey.get(key) ?? new Map<string, RankEntry>();
    const seen = periods.get(entry.period);
    if (!seen || entry.evaluationId > seen.evaluationId) periods.set(entry.period, entry);
    byKey.set(key, periods);
  }
  const ordinal = (e: RankEntry) => periodOrdinal(e.period)?.at ?? 0;
  const result = [...byKey.values()].map((periods): Standing => {
    const entries = [...periods.values()].sort(
      (a, b) => ordinal(a) - ordinal(b) || a.period.localeCompare(b.period),
    );
    const latest = entries[entries.length - 1]!;
    const previous = entries[entries.length - 2];
    let streak = 0;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (e.rank !== 1 || (i < entries.length - 1 && !followsDirectly(e.period, entries[i + 1]!.period)))
        break;
      streak += 1;
    }
    const moved =
      previous && followsDirectly(previous.period, latest.period) ? previous.rank - latest.rank : null;
    return {
      schemeId: latest.schemeId,
      group: latest.group,
      entries,
      latest,
      kind: periodOrdinal(latest.period)?.kind ?? null,
      streak,
      moved,
    };
  });
  return result.sort(
    (a, b) =>
      ordinal(b.latest) - ordinal(a.latest) ||
      a.schemeId.localeCompare(b.schemeId) ||
      a.group.localeCompare(b.group),
  );
}

// ---- the summary sentence ------------------------------------------------------------------

/** The placeholders of the summary (dashboard.summary) that show a metric, and that metric. */
export const SUMMARY_METRICS = {
  projectCount: 'key.projectCount',
  investYtd: 'key.investYtd',
  investRate: 'key.investRate',
  plannedNewStarts: 'key.plannedNewStarts',
  newStarted: 'key.newStarted',
  newStartRate: 'key.newStartRate',
  signedCount: 'deals.signedCount',
  signedAmount: 'deals.signedAmount',
  dealsStarted: 'deals.startedCount',
  reserveCount: 'reserve.count',
  reserveMajor: 'reserve.majorCount',
} as const;

/** The summary's metric placeholders filled by `format` (a metric's display text). */
export function summaryParams(format: (metric: string) => string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SUMMARY_METRICS).map(([param, metric]) => [param, format(metric)]),
  );
}
