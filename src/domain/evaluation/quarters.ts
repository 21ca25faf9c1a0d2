// Quarter-only indicators (`quarters: [2, 4]`, docs/schemes.md → quarters): in a period outside the
// declared quarters the indicator is not scored, and its points go to the unit's other indicators
// exactly as under `zero_denominator: neutral` (aggregate.ts neutralFactors), so totals stay out of
// the scheme total. Which quarter a period counts as: a quarter is itself; a month period (January to
// that month) counts as the quarter its last month falls in (2020-05 → Q2); a year period covers every
// quarter, so every indicator applies in it.
import { type Period, PeriodError, parsePeriod } from '../period';
import type { Indicator, Scheme } from './scheme-schema';
import type { Cell, Column } from './score-column';
import type { ResultFlag } from './types';

/** The flag of a cell whose indicator is not scored in the period's quarter. */
export const OFF_QUARTER_FLAG = 'not_in_quarter';

/** The quarter (1–4) a period counts as, or null for a year period (every quarter). */
export function periodQuarter(period: Period): number | null {
  return period.kind === 'year' ? null : Math.ceil(period.month / 3);
}

/** The period of the evaluation input; null when absent (a flag says so when the scheme needs it). */
export function inputPeriod(text: string | undefined): Period | null {
  if (text === undefined) return null;
  try {
    return parsePeriod(text);
  } catch (e) {
    if (e instanceof PeriodError) throw new Error(`考评输入的期间 context.period 无效：${e.message}`);
    throw e;
  }
}

/** Whether an indicator is scored in the period (always, when it declares no quarters or no period is known). */
export function appliesIn(ind: Indicator, period: Period | null): boolean {
  if (!ind.quarters || period === null) return true;
  const q = periodQuarter(period);
  return q === null || ind.quarters.includes(q);
}

/** "第二、四季度" */
export function quartersWording(quarters: readonly number[]): string {
  const names = [...quarters].sort((a, b) => a - b).map((q) => '一二三四'[q - 1] ?? String(q));
  return `第${names.join('、')}季度`;
}

/** Flags when the scheme has quarter-only indicators but the input names no period: they are scored. */
export function periodFlags(indicators: readonly Indicator[], period: Period | null): ResultFlag[] {
  if (period !== null) return [];
  return indicators
    .filter((ind) => ind.quarters !== undefined)
    .map((ind) => ({
      code: 'period_missing',
      indicator: ind.id,
      message: `${ind.name}：仅在${quartersWording(ind.quarters!)}考核，但未提供考评期间 context.period，此项照常计分`,
    }));
}

/** The column of an indicator not scored in this quarter: 0 for every unit, left out (weights moved). */
export function offQuarterColumn(units: number): Column {
  const cells: Cell[] = Array.from({ length: units }, () => ({
    value: null,
    missing: false,
    fill: 'none',
    scored: true,
    flags: [OFF_QUARTER_FLAG],
    reference: {},
  }));
  return { scores: new Float64Array(units), cells, flags: [], neutral: new Uint8Array(units).fill(1) };
}

/** Whether the scheme has quarter-only indicators (then its evaluation input names the period). */
export function hasQuarterIndicators(scheme: Scheme): boolean {
  return scheme.dimensions.some((d) => d.indicators.some((ind) => ind.quarters !== undefined));
}
