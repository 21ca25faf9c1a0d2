import { describe, expect, it } from 'vitest';
import { QUALITY_METRIC_NAMES } from './data-quality';
import { metricLabel } from './evaluation/metric-labels';
import { METRIC_KEYS, METRICS, metricDefinition, nearestMetric, registryLabel } from './metric-registry';
import { deriveMetrics, emptyTotals, METRIC_LABELS } from './metrics';

describe('metric registry', () => {
  it('is exactly the metrics the SQL layer and the data-quality checks provide', () => {
    const provided = [...Object.keys(deriveMetrics(emptyTotals(), 9)), ...QUALITY_METRIC_NAMES].sort();
    expect([...METRIC_KEYS].sort()).toEqual(provided);
    expect(new Set(METRIC_KEYS).size).toBe(METRIC_KEYS.length);
  });

  it('describes every metric fully, and every ratio by metrics that exist', () => {
    for (const m of METRICS) {
      for (const text of [m.label, m.labelEn, m.source, m.absent]) expect(text.trim(), m.key).not.toBe('');
      expect(/[\u4e00-\u9fff]/.test(m.labelEn), m.key).toBe(false);
      for (const d of m.ratio?.zeroWhen ?? []) expect(metricDefinition(d), `${m.key} → ${d}`).toBeDefined();
    }
    // Every share or rate that can be absent has a way to tell a zero denominator from no report.
    const absentRates = METRICS.filter(
      (m) => /Rate|Share|avgDays/.test(m.key) && m.key !== 'key.timeProgress',
    );
    for (const m of absentRates) expect(m.ratio?.zeroWhen.length, m.key).toBeGreaterThan(0);
  });

  it('is where the server’s label tables come from', () => {
    for (const m of METRICS) {
      expect(METRIC_LABELS[m.key]).toBe(m.label);
      expect(metricLabel(m.key)).toBe(m.label);
      expect(registryLabel(m.key, 'en')).toBe(m.labelEn);
    }
    expect(registryLabel('no.such')).toBe('no.such');
  });

  it('suggests the metric a typo was meant to be, and nothing for a stranger', () => {
    expect(nearestMetric('key.investRat')).toBe('key.investRate');
    expect(nearestMetric('deals.outsideFund')).toBe('deals.outsideFunds');
    expect(nearestMetric('completely different')).toBeUndefined();
  });
});
