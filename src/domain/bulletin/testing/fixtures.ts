// A small constructed province for bulletin tests: five cities (two of them tied), two directly
// administered counties, scored by the built-in 2020 scheme; Luoyang's figures are the seed's.

import { loadSchemeSync } from '../../../schemes/load-scheme';
import { evaluate } from '../../evaluation/engine';
import type { Scheme } from '../../evaluation/scheme-schema';
import type {
  EvaluationResult,
  EvaluationUnit,
  ManualAdjustment,
  MetricValues,
} from '../../evaluation/types';
import { emptyTotals, type UnitTotals } from '../../metrics';
import { parsePeriod } from '../../period';
import type { EarlierRanks, EvaluationSource, RegionFigures } from '../inputs';
import type { WarningsSnapshot } from '../snapshot';
import type { BulletinWarning } from '../warnings';

const YI = 1e8;

export const UNITS: EvaluationUnit[] = [
  { code: '410100', name: '郑州市', group: 'city' },
  { code: '410200', name: '开封市', group: 'city' },
  { code: '410300', name: '洛阳市', group: 'city' },
  { code: '410800', name: '焦作市', group: 'city' },
  { code: '411600', name: '周口市', group: 'city' },
  { code: '410181', name: '巩义市', group: 'direct_county' },
  { code: '410225', name: '兰考县', group: 'direct_county' },
];

type Row = Record<string, number | null>;

function row(o: Partial<Row>): Row {
  return {
    'reserve.count': 500,
    'reserve.investment': 5000 * YI,
    'reserve.majorCount': 100,
    'reserve.conversionRate': 0.2,
    'deals.outsideFunds': 100 * YI,
    'deals.signedAmount': 800 * YI,
    'deals.bigShare': 0.1,
    'deals.top500Share': 0.05,
    'deals.landingRate': 0.7,
    'key.investRate': 0.8,
    'key.investYtd': 800 * YI,
    'key.newStartRate': 0.9,
    'key.completionRate': 0.6,
    'approvals.completionRate': 0.95,
    'approvals.avgDays': 20,
    'issues.resolutionRate': 0.9,
    'reports.onTimeRate': 0.95,
    ...o,
  };
}

// Zhengzhou and Kaifeng report identical figures, so they tie on the total and every tie-break.
const TIED = row({ 'reserve.count': 700, 'deals.outsideFunds': 150 * YI, 'key.newStartRate': 0.93 });

export const VALUES: MetricValues = {
  '410300': row({
    'reserve.count': 1036,
    'reserve.investment': 15559.7 * YI,
    'reserve.majorCount': 311,
    'reserve.conversionRate': 0.17,
    'deals.outsideFunds': 253.6 * YI,
    'deals.signedAmount': 1771.5 * YI,
    'deals.bigShare': 0.188,
    'deals.top500Share': 0.079,
    'deals.landingRate': 0.803,
    'key.investRate': 0.969,
    'key.investYtd': 1532 * YI,
    'key.newStartRate': 250 / 253,
    'key.completionRate': 0.617,
    'approvals.completionRate': 0.989,
    'approvals.avgDays': 17.5,
    'issues.resolutionRate': 0.956,
    'reports.onTimeRate': 0.99,
  }),
  '410800': row({
    'reserve.count': 900,
    'deals.outsideFunds': 245.3 * YI,
    'deals.signedAmount': 1500 * YI,
    'deals.bigShare': 0.243,
    'deals.top500Share': 0.12,
    'deals.landingRate': 0.85,
    'key.investRate': 0.9,
    'key.investYtd': 1200 * YI,
  }),
  '410100': TIED,
  '410200': { ...TIED },
  '411600': row({
    'reserve.count': 300,
    'deals.outsideFunds': 20 * YI,
    'deals.bigShare': 0.02,
    'key.investRate': 0.55,
    'key.newStartRate': 0.6,
    'approvals.completionRate': 0.7,
    'issues.resolutionRate': 0.8,
    'reports.onTimeRate': 0.85,
  }),
  '410181': row({ 'reserve.count': 120, 'key.investRate': 0.85 }),
  '410225': row({ 'reserve.count': 80, 'key.investRate': 0.7, 'key.newStartRate': 0.7 }),
};

export const PENALTY: ManualAdjustment = {
  unit: '411600',
  kind: 'penalty',
  item: 'data_untrue',
  points: 1,
  reason: '9月月报投资额经核查不实',
  author: 'test',
};

let cached: { scheme: Scheme; result: EvaluationResult } | null = null;

export function constructedEvaluation(): { scheme: Scheme; result: EvaluationResult } {
  if (!cached) {
    const scheme = loadSchemeSync('sibisikan-2020');
    const result = evaluate({
      scheme,
      units: UNITS,
      values: VALUES,
      adjustments: [PENALTY],
      context: { timeProgress: 0.75 },
    });
    cached = { scheme, result };
  }
  return cached;
}

export function source(status: EvaluationSource['status'] = { kind: 'draft' }): EvaluationSource {
  return { ...constructedEvaluation(), status };
}

export const Q3 = parsePeriod('2020Q3');

/** Luoyang first in Q1 and Q2; Zhaozuo second; Zhoukou climbing from last. */
export function earlierQuarters(published = true): EarlierRanks[] {
  return [
    {
      period: parsePeriod('2020Q1'),
      ranks: { '410300': 1, '410800': 2, '411600': 5, '410100': 3, '410200': 4 },
      published,
    },
    {
      period: parsePeriod('2020Q2'),
      ranks: { '410300': 1, '410800': 5, '411600': 4, '410100': 2, '410200': 3 },
      published,
    },
  ];
}

/** The seed's figures for Luoyang at the end of September 2020. */
export function luoyangFigures(): RegionFigures {
  const t: UnitTotals = emptyTotals();
  t.key = {
    ...t.key,
    projectCount: 515,
    annualTarget: 158_100_000_000n,
    investYtd: 153_200_000_000n,
    plannedNewStarts: 253,
    newStarted: 250,
    plannedCompletions: 94,
    completed: 58,
  };
  t.deals = {
    ...t.deals,
    signedCount: 254,
    signedAmount: 177_150_000_000n,
    startedCount: 204,
    outsideFunds: 25_360_000_000n,
    fundsInPlace: 59_120_000_000n,
  };
  t.reserve = { count: 1036, investment: 1_555_970_000_000n, majorCount: 311, convertedCount: 176 };
  t.services = {
    approvalsDue: 2279,
    approvalsDone: 2254,
    approvalDaysTotal: 0,
    approvalDaysCount: 0,
    issuesRaised: 249,
    issuesResolved: 223,
  };
  const programme = {
    ...emptyTotals().key,
    projectCount: 728,
    annualTarget: 181_100_000_000n,
    investYtd: 184_700_000_000n,
    plannedNewStarts: 610,
    newStarted: 605,
  };
  return { totals: t, programme982: programme };
}

/** Province totals: Luoyang's scaled up, enough to word the overall paragraph. */
export function provinceFigures(): RegionFigures {
  const t = luoyangFigures();
  t.totals.key = {
    ...t.totals.key,
    projectCount: 9830,
    annualTarget: 2_300_000_000_000n,
    investYtd: 1_850_000_000_000n,
    plannedNewStarts: 3100,
    newStarted: 2950,
    plannedCompletions: 1200,
    completed: 700,
  };
  return t;
}

/**
 * A month with many warned projects: each of the seven units has `red` red and `yellow` yellow
 * projects (the demo province has about 1,500 in all), with different annual targets.
 */
export function manyWarnings(red: number, yellow: number): WarningsSnapshot {
  const projects: BulletinWarning[] = [];
  for (const unit of UNITS) {
    for (const [level, n] of [
      ['red', red],
      ['yellow', yellow],
    ] as const) {
      for (let i = 1; i <= n; i++) {
        const code = `${unit.code}-${level[0]}${String(i).padStart(3, '0')}`;
        const target = BigInt(i) * 12_345_678_900n;
        projects.push({
          code,
          name: `${unit.name.slice(0, -1)}第${i}号${level === 'red' ? '产业园' : '道路'}建设项目`,
          regionCode: unit.code,
          regionName: unit.name,
          unitCode: unit.code,
          unitName: unit.name,
          level,
          alerts: [
            {
              message: `投资完成率 ${30 + (i % 20)}%，落后时序进度 75% 共 ${45 - (i % 20)} 个百分点；请加快投资进度，下月月报补上差距`,
            },
          ],
          annualTarget: target,
          investYtd: (target * 3n) / 10n,
        });
      }
    }
  }
  return {
    units: UNITS.map((u) => ({ code: u.code, name: u.name })),
    counts: { red: red * UNITS.length, yellow: yellow * UNITS.length, green: 5000 },
    projects,
  };
}
