import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../api/dashboard-types';
import { monthMovers, previousMonth, rankByRate, refreshSeconds } from './big-screen-figures';

const child = (code: string, rate: number | null) => ({
  region: { code, name: `地区${code}`, kind: 'city' },
  metrics: { 'key.investRate': rate },
  gap: null,
});
const dashboard = (period: string, rates: [string, number | null][]): Dashboard => ({
  region: { code: '410000', name: '河南省', kind: 'province' },
  period,
  lists: [],
  metrics: {},
  monthly: [],
  children: rates.map(([code, rate]) => child(code, rate)),
  lagging: [],
  rankHistory: [],
});

describe('rankByRate', () => {
  it('ranks by completion rate, ties share a rank, units without a target come last', () => {
    const ranked = rankByRate(
      dashboard('2020-09', [
        ['410300', 0.5],
        ['410100', 0.8],
        ['410200', 0.5],
        ['410400', null],
      ]).children,
    );
    expect(ranked.map((u) => `${u.code}:${u.rank}`)).toEqual([
      '410100:1',
      '410200:2',
      '410300:2',
      '410400:4',
    ]);
  });
});

describe('monthMovers', () => {
  const august = dashboard('2020-08', [
    ['410100', 0.6],
    ['410200', 0.55],
    ['410300', 0.3],
    ['410400', null],
  ]);
  const september = dashboard('2020-09', [
    ['410100', 0.65],
    ['410200', 0.58],
    ['410300', 0.7],
    ['410400', 0.4],
  ]);

  it('lists the points gained since last month, most first, with the change of rank', () => {
    const movers = monthMovers(september, august);
    expect(movers.map((m) => [m.code, m.gained, m.rankChange])).toEqual([
      ['410300', 40, 2],
      ['410100', 5, -1],
      ['410200', 3, -1],
    ]);
    expect(monthMovers(september, august, 1)).toHaveLength(1);
  });

  it('has nothing to compare in January or without the previous month', () => {
    expect(monthMovers(september, null)).toEqual([]);
    expect(
      monthMovers(dashboard('2021-01', [['410100', 0.1]]), dashboard('2020-12', [['410100', 0.9]])),
    ).toEqual([]);
  });
});

describe('previousMonth and refreshSeconds', () => {
  it('steps back one month within the year', () => {
    expect(previousMonth('2020-09')).toBe('2020-08');
    expect(previousMonth('2020-10')).toBe('2020-09');
    expect(previousMonth('2020-01')).toBeNull();
  });

  it('reads ?refresh= in seconds, 300 by default, at least 2', () => {
    expect(refreshSeconds(null)).toBe(300);
    expect(refreshSeconds('60')).toBe(60);
    expect(refreshSeconds('1')).toBe(300);
    expect(refreshSeconds('abc')).toBe(300);
  });
});
