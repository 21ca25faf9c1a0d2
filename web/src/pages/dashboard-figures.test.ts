import { describe, expect, it } from 'vitest';
import type { Dashboard, RankEntry } from '../api/dashboard-types';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import {
  amountScale,
  followsDirectly,
  formatPoints,
  paceOf,
  plotValue,
  SUMMARY_METRICS,
  sortValues,
  standings,
  summaryParams,
  unitRows,
} from './dashboard-figures';

const unit = (
  code: string,
  name: string,
  metrics: Dashboard['children'][number]['metrics'],
  gap: number | null,
) => ({
  region: { code, name, kind: 'county' },
  metrics,
  gap,
});

const dashboard = (children: Dashboard['children'], lagging: string[] = []): Dashboard => ({
  region: { code: '410300', name: '洛阳市', kind: 'city' },
  period: '2020-09',
  lists: ['province_key'],
  metrics: {},
  monthly: [],
  children,
  lagging,
  rankHistory: [],
});

const entry = (period: string, rank: number, extra: Partial<RankEntry> = {}): RankEntry => ({
  evaluationId: 1,
  schemeId: 'sibisikan-2020',
  period,
  group: 'city',
  rank,
  groupSize: 18,
  total: 90,
  ...extra,
});

describe('pace against time progress', () => {
  it('states percentage points ahead, behind or level as they are shown', () => {
    expect(paceOf(0.969, 0.75)).toEqual({ direction: 'ahead', points: '21.9' });
    expect(paceOf(0.7, 0.75)).toEqual({ direction: 'behind', points: '5.0' });
    expect(paceOf(0.75004, 0.75)).toEqual({ direction: 'level', points: '0.0' });
    expect(paceOf(null, 0.75)).toBeNull();
  });

  it('signs a gap with a real minus sign', () => {
    expect(formatPoints(0.023)).toBe('+2.3');
    expect(formatPoints(-0.051)).toBe('\u22125.1');
    expect(formatPoints(-0.0001)).toBe('0.0');
    expect(formatPoints(null)).toBe('—');
  });
});

describe('child units', () => {
  const d = dashboard(
    [
      unit(
        '410311',
        '洛龙区',
        { 'key.investRate': 0.8, 'key.investYtd': 800, 'key.annualTarget': 1000 },
        0.05,
      ),
      unit('410322', '孟津县', { 'key.investRate': 0.6, 'key.investYtd': '123456789012345678901' }, -0.15),
      unit('410323', '新安县', { 'key.investRate': null, 'key.projectCount': 0 }, null),
      unit('410324', '栾川县', { 'key.investRate': 0.8, 'key.projectCount': 3 }, 0.05),
    ],
    ['410322'],
  );

  it('ranks by investment completion, ties sharing a place, units without a target last', () => {
    const rows = unitRows(d);
    expect(rows.map((r) => [r.code, r.rank])).toEqual([
      ['410311', 1],
      ['410324', 1],
      ['410322', 3],
      ['410323', null],
    ]);
    expect(rows.find((r) => r.code === '410322')).toMatchObject({
      lagging: true,
      gap: -0.15,
      investYtd: 123456789012345678901n,
    });
    expect(rows.filter((r) => r.lagging).map((r) => r.code)).toEqual(['410322']);
    expect(rows[0]).toMatchObject({ investYtd: 800n, annualTarget: 1000n, projectCount: null });
  });

  it('sorts absent values last in both directions', () => {
    const values = [2, null, 1, 3];
    expect([...values].sort((a, b) => sortValues(a, b, 'ascend'))).toEqual([1, 2, 3, null]);
    // A table reverses the comparison for a descending sort.
    expect([...values].sort((a, b) => -sortValues(a, b, 'descend'))).toEqual([3, 2, 1, null]);
    expect(sortValues(5n, 7n)).toBe(-1);
  });
});

describe('money on a chart', () => {
  it('draws in 亿元 from 1 亿 up, else 万元; billions or millions in English', () => {
    expect(amountScale([153_200_000_000n, 0n], 'zh-CN')).toEqual({ unit: 100_000_000n, name: '亿元' });
    expect(amountScale([99_999_999n], 'zh-CN')).toEqual({ unit: 10_000n, name: '万元' });
    expect(amountScale([], 'zh-CN').name).toBe('万元');
    expect(amountScale([1_000_000_000n], 'en').name).toBe('CNY bn');
    expect(amountScale([999_999_999n], 'en').name).toBe('CNY m');
  });

  it('places an amount rounded to 0.01 of the unit, from its exact value', () => {
    const yi = amountScale([153_200_000_000n], 'zh-CN');
    expect(plotValue(153_249_999_999n, yi)).toBe(1532.5);
    // Past 2^53 元 the position is still the exact amount rounded, not a float's neighbour.
    expect(plotValue(9_007_199_254_740_993n, yi)).toBe(90071992.55);
  });
});

describe('rank history', () => {
  it('knows which period comes right before which', () => {
    expect(followsDirectly('2020Q2', '2020Q3')).toBe(true);
    expect(followsDirectly('2020Q4', '2021Q1')).toBe(true);
    expect(followsDirectly('2020Q1', '2020Q3')).toBe(false);
    expect(followsDirectly('2020-12', '2021-01')).toBe(true);
    expect(followsDirectly('2020-09', '2020Q3')).toBe(false);
    expect(followsDirectly('2019', '2020')).toBe(true);
  });

  it('counts the run of first places up to the latest period, as in the seed article', () => {
    // 我市继在第一、二季度夺得头名后，于第三季度再获全省第一: 连续三季度.
    const [s] = standings([entry('2020Q3', 1), entry('2020Q1', 1), entry('2020Q2', 1)]);
    expect(s).toMatchObject({ streak: 3, moved: 0, kind: 'quarter' });
    expect(s!.entries.map((e) => e.period)).toEqual(['2020Q1', '2020Q2', '2020Q3']);
  });

  it('breaks the run at a lower place or a missing period, and says how the place moved', () => {
    expect(standings([entry('2020Q1', 1), entry('2020Q2', 2), entry('2020Q3', 1)])[0]).toMatchObject({
      streak: 1,
      moved: 1,
    });
    expect(standings([entry('2020Q1', 1), entry('2020Q3', 1)])[0]).toMatchObject({ streak: 1, moved: null });
    expect(standings([entry('2020Q2', 2), entry('2020Q3', 5)])[0]).toMatchObject({ streak: 0, moved: -3 });
  });

  it('keeps schemes and groups apart, the latest evaluation of a period, the most recent first', () => {
    const list = standings([
      entry('2022Q1', 4, { schemeId: 'sangeyipi-2022' }),
      entry('2020Q3', 2, { evaluationId: 1 }),
      entry('2020Q3', 1, { evaluationId: 7 }),
    ]);
    expect(list.map((s) => [s.schemeId, s.latest.rank, s.entries.length])).toEqual([
      ['sangeyipi-2022', 4, 1],
      ['sibisikan-2020', 1, 1],
    ]);
  });
});

describe('summary sentence', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('fills every placeholder of the sentence in both languages', () => {
    const filled = [...Object.keys(summaryParams((m) => m)), 'period', 'pace'].sort();
    expect(placeholders(zhCN['dashboard.summary'])).toEqual(filled);
    expect(placeholders(en['dashboard.summary'])).toEqual(filled);
    expect(summaryParams((m) => `<${m}>`).investYtd).toBe(`<${SUMMARY_METRICS.investYtd}>`);
  });
});
