// The fill form's values and what is sent of them: the form's fields as the server prepared them
// (the amount in 万元, dates as dayjs), the body (exact 元, ISO dates, blank text as null), the
// fields a revision changes, and the month's own amount. Pure: its unit test runs in Node.
import dayjs, { type Dayjs } from 'dayjs';
import type { ReportForm } from '../api/reports-types';
import { wanToYuan, yuanToWan } from '../components/wan';

export interface Values {
  investWan: string;
  started: boolean;
  startDate: Dayjs | null;
  completed: boolean;
  completionDate: Dayjs | null;
  progressNote: string;
  problems: string;
  reason?: string;
}

export type Body = Omit<ReportForm['values'], never>;

const day = (date: string | null) => (date ? dayjs(date) : null);
const text = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

/** The form's key: a new report, another month or another version of it starts a fresh form. */
export const formKey = (data: ReportForm) =>
  `${data.project.id}-${data.year}-${data.month}-${data.report?.id ?? 'new'}-${data.report?.version ?? 0}`;

/** The form's fields from the values the server prepared. */
export function initialValues(values: Body): Values {
  return {
    investWan: yuanToWan(values.investYtd),
    started: values.started,
    startDate: day(values.startDate),
    completed: values.completed,
    completionDate: day(values.completionDate),
    progressNote: values.progressNote ?? '',
    problems: values.problems ?? '',
  };
}

export function toBody(values: Values): Body {
  return {
    investYtd: wanToYuan(values.investWan ?? '') ?? '0',
    started: values.started,
    startDate: values.started && values.startDate ? values.startDate.format('YYYY-MM-DD') : null,
    completed: values.completed,
    completionDate:
      values.completed && values.completionDate ? values.completionDate.format('YYYY-MM-DD') : null,
    progressNote: text(values.progressNote),
    problems: text(values.problems),
  };
}

/** The fields of `next` that differ from `before`. */
export function changes(next: Body, before: Body): Partial<Body> {
  const out: Partial<Body> = {};
  for (const key of Object.keys(next) as (keyof Body)[]) {
    if (next[key] !== before[key]) Object.assign(out, { [key]: next[key] });
  }
  return out;
}

/**
 * The month's own amount in 元, exact: the cumulative amount typed (万元) less last month's
 * (January: itself); null when the text is no amount or last month has no report.
 */
export function monthAmount(
  data: Pick<ReportForm, 'year' | 'month' | 'previous'>,
  investWan: string,
): bigint | null {
  const yuan = wanToYuan(investWan ?? '');
  const prev = data.previous;
  const lastMonthBefore =
    prev && prev.year === data.year && prev.month === data.month - 1 ? BigInt(prev.investYtd) : null;
  return yuan === null
    ? null
    : data.month === 1
      ? BigInt(yuan)
      : lastMonthBefore === null
        ? null
        : BigInt(yuan) - lastMonthBefore;
}
