// Display formatting for explanations: percentages, 亿元/万元, counts, days, points.
// Results keep unrounded numbers; only these sentences round.
import { metricDefinition } from '../metric-registry';
import type { Indicator, MetricUnit } from './scheme-schema';

// 1.005 · 100 is 100.49999999999999 in floats; nudging by 2^-40 relative rounds it the way people expect.
const NUDGE = 1 + 2 ** -40;

/** Rounds half away from zero at `digits` decimals. */
export function fixed(x: number, digits: number): string {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f * NUDGE) / f;
  const s = r.toFixed(digits);
  return x < 0 && r !== 0 ? `-${s}` : s;
}

/** Points as shown in a bulletin: 2 decimals. */
export function formatScore(x: number): string {
  return fixed(x, 2);
}

/** Points possible: "10", "7.5". */
export function formatPoints(x: number): string {
  return fixed(x, 2).replace(/\.?0+$/, '');
}

const unitCache = new Map<string, MetricUnit>();

export function inferUnit(metric: string): MetricUnit {
  const cached = unitCache.get(metric);
  if (cached) return cached;
  const unit = inferUnitOf(metric);
  unitCache.set(metric, unit);
  return unit;
}

function inferUnitOf(metric: string): MetricUnit {
  const known = metricDefinition(metric);
  if (known) return known.unit;
  const name = metric.split('.').pop() ?? metric;
  if (/(Rate|Share|Progress)$/.test(name)) return 'percent';
  if (/(Amount|Funds|Ytd|Target|investment|Value)$/.test(name)) return 'yuan';
  if (/Days$/.test(name)) return 'days';
  if (/(Count|^count|Started|^completed|Completions|Starts)$/.test(name)) return 'count';
  return 'number';
}

export function indicatorUnit(ind: Indicator): MetricUnit {
  if (ind.unit) return ind.unit;
  if (ind.metric) return inferUnit(ind.metric);
  const units = new Set((ind.metrics ?? []).map((m) => inferUnit(m.metric)));
  return units.size === 1 ? [...units][0]! : 'number';
}

function trimmed(x: number, digits: number): string {
  return fixed(x, digits).replace(/\.0+$/, '');
}

export function formatValue(x: number, unit: MetricUnit): string {
  switch (unit) {
    case 'percent':
      return `${fixed(x * 100, 1)}%`;
    case 'yuan':
      return Math.abs(x) >= 1e8 ? `${fixed(x / 1e8, 2)} 亿元` : `${fixed(x / 1e4, 2)} 万元`;
    case 'days':
      return `${trimmed(x, 1)} 天`;
    case 'count':
      return trimmed(x, 1);
    default:
      return trimmed(x, 4);
  }
}

/** A difference: "3.2 个百分点", "1.20 亿元", "3". */
export function formatDiff(d: number, unit: MetricUnit): string {
  const a = Math.abs(d);
  return unit === 'percent' ? `${fixed(a * 100, 1)} 个百分点` : formatValue(a, unit);
}
