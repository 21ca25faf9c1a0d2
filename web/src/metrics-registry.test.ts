// The web app keeps its own copy of the metrics' labels (i18n `metric.*`, beside the rest of its
// messages); which metrics are amounts it reads from the registry itself (metric-kinds.ts), and
// which are rates by their names. This test fails as soon as these and the registry disagree.
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/domain/metric-registry';
import { en } from './i18n/en';
import { zhCN } from './i18n/zh-CN';
import { AMOUNT_METRICS, isRate } from './metric-kinds';

const metricKeys = (table: Record<string, string>) =>
  Object.keys(table)
    .filter((k) => k.startsWith('metric.'))
    .map((k) => k.slice('metric.'.length))
    .sort();

describe('web metrics mirror the registry', () => {
  it('has a label for exactly the registry’s metrics, in both languages', () => {
    const keys = METRICS.map((m) => m.key).sort();
    expect(metricKeys(zhCN)).toEqual(keys);
    expect(metricKeys(en)).toEqual(keys);
  });

  it('uses the registry’s labels', () => {
    const zh = zhCN as Record<string, string>;
    const english = en as Record<string, string>;
    for (const m of METRICS) {
      expect(zh[`metric.${m.key}`], m.key).toBe(m.label);
      expect(english[`metric.${m.key}`], m.key).toBe(m.labelEn);
    }
  });

  it('formats amounts and rates as the registry’s units say', () => {
    expect([...AMOUNT_METRICS].sort()).toEqual(
      METRICS.filter((m) => m.unit === 'yuan')
        .map((m) => m.key)
        .sort(),
    );
    for (const m of METRICS) expect(isRate(m.key), m.key).toBe(m.unit === 'percent');
  });
});
