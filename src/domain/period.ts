// Periods: "2020-09" (Jan–Sep), "2020Q3" (same span, quarterly), "2020" (whole year).

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  /** Canonical text as given ("2020-09", "2020Q3", "2020"). */
  id: string;
  kind: PeriodKind;
  year: number;
  /** Last month covered (1–12); the span always starts in January. */
  month: number;
  /** ISO dates of the first and last day covered. */
  start: string;
  end: string;
}

export class PeriodError extends Error {}

export function parsePeriod(text: string): Period {
  const t = text.trim();
  const month = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (month) return makePeriod(`${month[1]}-${month[2]!.padStart(2, '0')}`, 'month', +month[1]!, +month[2]!);
  const quarter = /^(\d{4})[Qq]([1-4])$/.exec(t);
  if (quarter) return makePeriod(`${quarter[1]}Q${quarter[2]}`, 'quarter', +quarter[1]!, +quarter[2]! * 3);
  const year = /^(\d{4})$/.exec(t);
  if (year) return makePeriod(year[1]!, 'year', +year[1]!, 12);
  throw new PeriodError(`无法识别的期间 "${text}"：应为 2020-09（月）、2020Q3（季度）或 2020（年度）`);
}

function makePeriod(id: string, kind: PeriodKind, year: number, month: number): Period {
  if (year < 1990 || year > 2100) throw new PeriodError(`期间年份超出范围：${id}`);
  if (month < 1 || month > 12) throw new PeriodError(`期间月份应为 1–12：${id}`);
  return { id, kind, year, month, start: `${year}-01-01`, end: lastDayOfMonth(year, month) };
}

export function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 时序进度: share of the year elapsed at the period end. */
export function timeProgress(period: Period): number {
  return period.month / 12;
}

/** The period before this one of the same kind (2020Q1 → 2019Q4), used for streaks. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'year') return parsePeriod(String(period.year - 1));
  if (period.kind === 'quarter') {
    const q = period.month / 3;
    return q === 1 ? parsePeriod(`${period.year - 1}Q4`) : parsePeriod(`${period.year}Q${q - 1}`);
  }
  return period.month === 1
    ? parsePeriod(`${period.year - 1}-12`)
    : parsePeriod(`${period.year}-${String(period.month - 1).padStart(2, '0')}`);
}

/** Chinese label: 2020年1-9月, 2020年第三季度, 2020年. */
export function periodLabel(period: Period): string {
  if (period.kind === 'year') return `${period.year}年`;
  if (period.kind === 'quarter') return `${period.year}年第${'一二三四'[period.month / 3 - 1]}季度`;
  return period.month === 1 ? `${period.year}年1月` : `${period.year}年1-${period.month}月`;
}
