// Display formatting as Chinese bulletins write numbers: 亿元/万元, percentages, counts.
import { AMOUNT_METRICS, METRIC_LABELS, type MetricValue } from './metrics';
import { formatAmount } from './money';
import { formatPercent, roundHalfAway } from './rounding';

export { formatPercent, roundHalfAway };

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
