// The statistics' metrics (src/domain/metrics.ts): which are amounts in 元, which are rates,
// their groups and their display. Labels live in i18n as `metric.<name>`.
import { formatAmount, formatCount, formatPercent, roundHalfAway } from './format';
import { isMessageKey, type Locale, type Translate } from './i18n';
import { AMOUNT_METRICS, isRate } from './metric-kinds';

export { AMOUNT_METRICS, isRate };

export const METRIC_GROUPS = ['key', 'deals', 'reserve', 'approvals', 'issues', 'reports'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

export const metricGroup = (name: string): string => name.split('.')[0] ?? name;

export function metricLabel(name: string, t: Translate): string {
  const key = `metric.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

export function formatMetric(
  name: string,
  value: number | string | null | undefined,
  t: Translate,
  locale: Locale,
): string {
  if (value === null || value === undefined) return '—';
  if (AMOUNT_METRICS.has(name)) return formatAmount(value, locale);
  if (isRate(name)) return formatPercent(typeof value === 'number' ? value : Number(value));
  if (name === 'approvals.avgDays')
    return t('unit.days', { n: typeof value === 'number' ? roundHalfAway(value, 1) : value });
  return formatCount(value);
}
