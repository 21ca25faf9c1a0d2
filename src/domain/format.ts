// Display formatting as Chinese bulletins write numbers: 亿元/万元, percentages, counts.
import { AMOUNT_METRICS, METRIC_LABELS, type MetricValue } from './metrics';
import { formatAmount } from './money';

/** 0.96901 → "96.9%"; null → "—". Rounds half away from zero on the decimal text. */
export function formatPercent(rate: number | null, digits = 1): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return `${roundHalfAway(rate * 100, digits)}%`;
}

export function roundHalfAway(value: number, digits: number): string {
  // toPrecision removes binary noise (0.9690000000001) before rounding at the shown digit.
  const clean = Number(value.toPrecision(12));
  const factor = 10 ** digits;
  const rounded = (Math.sign(clean) * Math.round(Math.abs(clean) * factor)) / factor;
  return rounded.toFixed(digits);
}

export function formatMetric(name: string, value: MetricValue): string {
  if (value === null) return '—';
  if (typeof value === 'bigint' || AMOUNT_METRICS.has(name)) return formatAmount(BigInt(value));
  if (name.endsWith('Rate') || name.endsWith('Share') || name === 'key.timeProgress') {
    return formatPercent(value, name === 'key.timeProgress' ? 1 : 2);
  }
  if (name === 'approvals.avgDays') return `${roundHalfAway(value, 1)}天`;
  return String(value);
}

export function metricLabel(name: string): string {
  return METRIC_LABELS[name] ?? name;
}
