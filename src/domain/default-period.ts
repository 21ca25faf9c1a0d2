// The default period of every view (dashboard, big screen, map, warnings, evaluation): the latest
// month that is over (in China's calendar) and for which at least one report was submitted. A draft
// for the month still under way — or a month whose reports are all drafts — never moves it, so one
// project owner starting early cannot empty everybody's charts (issue #16 item 1). One rule, here;
// the server answers it (GET /api/periods) and the web only displays it.
import { chinaDate } from './report-workflow';

/** How many reports a region has for a month, by state. */
export interface ReportMonthCount {
  year: number;
  month: number;
  /** Reports submitted or approved (the figures the statistics read). */
  submitted: number;
  /** Drafts and returned reports (not yet figures). */
  pending: number;
}

export interface ReportMonth extends ReportMonthCount {
  /** "2020-09". */
  period: string;
  /** The month is over: today in China is past its last day. */
  closed: boolean;
  /** Over and with submitted reports: a period the views may default to. */
  hasData: boolean;
}

export interface DefaultPeriods {
  /** The latest closed month with submitted reports ("2020-11"), or null when there is none. */
  month: string | null;
  /** The latest quarter whose last month is closed and has submitted reports ("2020Q3"), or null. */
  quarter: string | null;
  /** The year of `month` ("2020"), or null. */
  year: string | null;
  /** Every month with reports, oldest first, marked. */
  months: ReportMonth[];
}

export function monthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function defaultPeriods(counts: readonly ReportMonthCount[], now: Date): DefaultPeriods {
  const current = chinaDate(now).slice(0, 7);
  const months = [...counts]
    .sort((a, b) => a.year - b.year || a.month - b.month)
    .map((count): ReportMonth => {
      const period = monthId(count.year, count.month);
      const closed = period < current;
      return { ...count, period, closed, hasData: closed && count.submitted > 0 };
    });
  const withData = months.filter((m) => m.hasData);
  const latest = withData.at(-1);
  const quarterEnd = withData.filter((m) => m.month % 3 === 0).at(-1);
  return {
    month: latest?.period ?? null,
    quarter: quarterEnd ? `${quarterEnd.year}Q${quarterEnd.month / 3}` : null,
    year: latest ? String(latest.year) : null,
    months,
  };
}
