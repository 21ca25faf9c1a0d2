// The metrics of domain.md computed from exact per-unit totals. Amounts stay bigint 元;
// rates are numbers; a share whose denominator is 0 is null (missing), never 0%.
import { METRICS, YUAN_METRICS } from './metric-registry';
import { ratio } from './money';

export interface UnitTotals {
  key: {
    projectCount: number;
    annualTarget: bigint;
    investYtd: bigint;
    plannedNewStarts: number;
    newStarted: number;
    plannedCompletions: number;
    completed: number;
    /** Planned to go into production in year Y; of those, in production by the period end. */
    plannedProductions: number;
    plannedInProduction: number;
    /** In production by the period end (any planned date), and Σ of their yearly output value, 元. */
    productionStarted: number;
    outputValue: bigint;
    reportsExpected: number;
    reportsOnTime: number;
  };
  deals: {
    signedCount: number;
    signedAmount: bigint;
    startedCount: number;
    fundsInPlace: bigint;
    outsideFunds: bigint;
    bigCount: number;
    top500Count: number;
  };
  reserve: { count: number; investment: bigint; majorCount: number; convertedCount: number };
  services: {
    approvalsDue: number;
    approvalsDone: number;
    approvalDaysTotal: number;
    approvalDaysCount: number;
    issuesRaised: number;
    issuesResolved: number;
  };
}

export type MetricValue = number | bigint | null;
export type MetricSet = Record<string, MetricValue>;

/** Amounts in 元, from the registry (src/domain/metric-registry.ts). */
export const AMOUNT_METRICS: ReadonlySet<string> = new Set(YUAN_METRICS);

/** Chinese labels, from the registry. */
export const METRIC_LABELS: Record<string, string> = Object.fromEntries(METRICS.map((m) => [m.key, m.label]));

export function emptyTotals(): UnitTotals {
  return {
    key: {
      projectCount: 0,
      annualTarget: 0n,
      investYtd: 0n,
      plannedNewStarts: 0,
      newStarted: 0,
      plannedCompletions: 0,
      completed: 0,
      plannedProductions: 0,
      plannedInProduction: 0,
      productionStarted: 0,
      outputValue: 0n,
      reportsExpected: 0,
      reportsOnTime: 0,
    },
    deals: {
      signedCount: 0,
      signedAmount: 0n,
      startedCount: 0,
      fundsInPlace: 0n,
      outsideFunds: 0n,
      bigCount: 0,
      top500Count: 0,
    },
    reserve: { count: 0, investment: 0n, majorCount: 0, convertedCount: 0 },
    services: {
      approvalsDue: 0,
      approvalsDone: 0,
      approvalDaysTotal: 0,
      approvalDaysCount: 0,
      issuesRaised: 0,
      issuesResolved: 0,
    },
  };
}

const share = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export function deriveMetrics(t: UnitTotals, month: number): MetricSet {
  return {
    'key.projectCount': t.key.projectCount,
    'key.annualTarget': t.key.annualTarget,
    'key.investYtd': t.key.investYtd,
    'key.investRate': ratio(t.key.investYtd, t.key.annualTarget),
    'key.timeProgress': month / 12,
    'key.plannedNewStarts': t.key.plannedNewStarts,
    'key.newStarted': t.key.newStarted,
    'key.newStartRate': share(t.key.newStarted, t.key.plannedNewStarts),
    'key.plannedCompletions': t.key.plannedCompletions,
    'key.completed': t.key.completed,
    'key.completionRate': share(t.key.completed, t.key.plannedCompletions),
    'key.plannedProductions': t.key.plannedProductions,
    'key.productionStarted': t.key.productionStarted,
    'key.productionRate': share(t.key.plannedInProduction, t.key.plannedProductions),
    'key.outputValue': t.key.outputValue,
    'deals.signedCount': t.deals.signedCount,
    'deals.signedAmount': t.deals.signedAmount,
    'deals.startedCount': t.deals.startedCount,
    'deals.fundsInPlace': t.deals.fundsInPlace,
    'deals.outsideFunds': t.deals.outsideFunds,
    'deals.bigShare': share(t.deals.bigCount, t.deals.signedCount),
    'deals.top500Share': share(t.deals.top500Count, t.deals.signedCount),
    'deals.landingRate': share(t.deals.startedCount, t.deals.signedCount),
    'reserve.count': t.reserve.count,
    'reserve.investment': t.reserve.investment,
    'reserve.majorCount': t.reserve.majorCount,
    'reserve.conversionRate': share(t.reserve.convertedCount, t.reserve.count),
    'approvals.due': t.services.approvalsDue,
    'approvals.completionRate': share(t.services.approvalsDone, t.services.approvalsDue),
    'approvals.avgDays': share(t.services.approvalDaysTotal, t.services.approvalDaysCount),
    'issues.raised': t.services.issuesRaised,
    'issues.resolutionRate': share(t.services.issuesResolved, t.services.issuesRaised),
    'reports.onTimeRate': share(t.key.reportsOnTime, t.key.reportsExpected),
  };
}

/** The JSON form of interfaces.md: amounts in 元 (integers, or decimal strings past 2^53). */
export function metricsToJson(metrics: MetricSet): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value === 'bigint') {
      const n = Number(value);
      out[name] = Number.isSafeInteger(n) ? n : value.toString();
    } else out[name] = value;
  }
  return out;
}

/** Engine input: every metric as a plain number (amounts in 元; fine for scoring, never for sums). */
export function metricsToNumbers(metrics: MetricSet): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(metrics))
    out[name] = typeof value === 'bigint' ? Number(value) : value;
  return out;
}

/** The totals of several units together: every total is a count or a sum, so they add exactly. */
export function addTotals(a: UnitTotals, b: UnitTotals): UnitTotals {
  const add = <T extends Record<string, number | bigint>>(x: T, y: T): T => {
    const out: Record<string, number | bigint> = {};
    for (const key of Object.keys(x)) {
      const u = x[key]!;
      const v = y[key]!;
      out[key] = typeof u === 'bigint' ? u + (v as bigint) : u + (v as number);
    }
    return out as T;
  };
  return {
    key: add(a.key, b.key),
    deals: add(a.deals, b.deals),
    reserve: add(a.reserve, b.reserve),
    services: add(a.services, b.services),
  };
}
