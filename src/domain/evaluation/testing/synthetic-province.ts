// A deterministic synthetic province for tests and benchmarks: the 18 city-level units
// (17 省辖市 + 济源示范区) and the 10 省直管县(市) of Henan with plausible Q3 metric values.
import { mulberry32 } from '../prng';
import type { EvaluationUnit, MetricValues } from '../types';

const CITIES: [string, string][] = [
  ['410100', '郑州市'],
  ['410200', '开封市'],
  ['410300', '洛阳市'],
  ['410400', '平顶山市'],
  ['410500', '安阳市'],
  ['410600', '鹤壁市'],
  ['410700', '新乡市'],
  ['410800', '焦作市'],
  ['410900', '濮阳市'],
  ['411000', '许昌市'],
  ['411100', '漯河市'],
  ['411200', '三门峡市'],
  ['411300', '南阳市'],
  ['411400', '商丘市'],
  ['411500', '信阳市'],
  ['411600', '周口市'],
  ['411700', '驻马店市'],
  ['419001', '济源市（济源示范区）'],
];

const COUNTIES: [string, string][] = [
  ['410181', '巩义市'],
  ['410225', '兰考县'],
  ['410482', '汝州市'],
  ['410526', '滑县'],
  ['410783', '长垣市'],
  ['411381', '邓州市'],
  ['411481', '永城市'],
  ['411525', '固始县'],
  ['411628', '鹿邑县'],
  ['411729', '新蔡县'],
];

export function syntheticUnits(): EvaluationUnit[] {
  return [
    ...CITIES.map(([code, name]) => ({ code, name, group: 'city' })),
    ...COUNTIES.map(([code, name]) => ({ code, name, group: 'direct_county' })),
  ];
}

function unitValues(size: number, tp: number, r: () => number): Record<string, number> {
  const projectCount = Math.round(size * 300 * (0.7 + 0.6 * r()));
  const annualTarget = Math.round(projectCount * 3e8 * (0.8 + 0.4 * r()));
  const investRate = tp * (0.85 + 0.3 * r());
  const plannedNewStarts = Math.max(1, Math.round(projectCount * 0.5));
  const newStarted = Math.round(plannedNewStarts * (0.85 + 0.15 * r()));
  const plannedCompletions = Math.max(1, Math.round(projectCount * 0.2));
  const completed = Math.round(plannedCompletions * tp * (0.6 + 0.5 * r()));
  const signedCount = Math.max(1, Math.round(size * 150 * (0.6 + 0.8 * r())));
  const signedAmount = Math.round(signedCount * 5e8 * (0.5 + r()));
  const reserveCount = Math.round(size * 600 * (0.6 + 0.8 * r()));
  const productionStarted = Math.round(completed * (0.5 + 0.5 * r()));
  return {
    'key.projectCount': projectCount,
    'key.annualTarget': annualTarget,
    'key.investYtd': Math.round(annualTarget * investRate),
    'key.investRate': investRate,
    'key.plannedNewStarts': plannedNewStarts,
    'key.newStarted': newStarted,
    'key.newStartRate': newStarted / plannedNewStarts,
    'key.plannedCompletions': plannedCompletions,
    'key.completed': completed,
    'key.completionRate': completed / plannedCompletions,
    'key.productionStarted': productionStarted,
    'key.productionRate': 0.4 + 0.6 * r(),
    'key.outputValue': Math.round(productionStarted * 2e8 * (0.5 + r())),
    'deals.signedCount': signedCount,
    'deals.signedAmount': signedAmount,
    'deals.outsideFunds': Math.round(signedAmount * (0.1 + 0.3 * r())),
    'deals.bigShare': 0.05 + 0.25 * r(),
    'deals.top500Share': 0.02 + 0.15 * r(),
    'deals.landingRate': 0.5 + 0.45 * r(),
    'reserve.count': reserveCount,
    'reserve.investment': Math.round(reserveCount * 4e8 * (0.5 + r())),
    'reserve.majorCount': Math.round(reserveCount * 0.3 * (0.5 + r())),
    'reserve.conversionRate': 0.1 + 0.4 * r(),
    'approvals.completionRate': 0.8 + 0.2 * r(),
    'approvals.avgDays': 5 + 20 * r(),
    'issues.resolutionRate': 0.75 + 0.25 * r(),
    'reports.onTimeRate': 0.85 + 0.15 * r(),
  };
}

/** Metric values for every synthetic unit; the same seed gives the same numbers. */
export function syntheticValues(seed = 2020, timeProgress = 0.75): MetricValues {
  const r = mulberry32(seed);
  const out: MetricValues = {};
  for (const u of syntheticUnits())
    out[u.code] = unitValues(u.group === 'city' ? 0.5 + 1.5 * r() : 0.15 + 0.2 * r(), timeProgress, r);
  return out;
}
