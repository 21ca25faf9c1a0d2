// Everything of one evaluation unit (a city, 济源示范区 or a 省直管县) for the demo years.

import type {
  ApprovalRecord,
  DealRecord,
  IssueRecord,
  ReportRecord,
  ReserveRecord,
} from '../domain/records.js';
import { cumulativeCounts } from './allocate.js';
import { buildApprovals } from './approvals.js';
import {
  CALIBRATED_QUARTER,
  CALIBRATED_YEAR,
  DEAL_AMOUNTS_2020_Q3,
  isCalibrated,
  LUOYANG_2020,
} from './calibration.js';
import { buildDeals, countsWithTotal, type DealSpec, dealCounts } from './deals.js';
import { buildIssues } from './issues.js';
import { type ProjectYear, type SetKind, unitContext } from './model.js';
import { assignProduction } from './production.js';
import { type UnitYearParams, unitYearParams } from './profiles.js';
import { buildSet, type SetSpec } from './projects.js';
import { buildSeries, emitReports, type SeriesSpec } from './reports.js';
import { buildReserve } from './reserve.js';

export const DEMO_YEARS = [2019, 2020, 2021] as const;

/** Median total investment of a fresh project in a typical city (万元), per set; and of a reserve project. */
const MEDIAN_WAN: Record<SetKind, number> = { K: 40_000, S: 32_000 };
const RESERVE_MEDIAN_WAN = 60_000;

export interface UnitOutput {
  unit: string;
  entries: ProjectYear[];
  reports: ReportRecord[];
  deals: DealRecord[];
  reserve: ReserveRecord[];
  approvals: ApprovalRecord[];
  issues: IssueRecord[];
}

function setSpec(params: UnitYearParams, set: SetKind): SetSpec {
  const cal = isCalibrated(params.unit, params.year);
  const fixed = set === 'K' ? LUOYANG_2020.key : LUOYANG_2020.list982;
  const total = cal ? fixed.projects : set === 'K' ? params.keyProjects : params.list982;
  const newCount = cal
    ? fixed.plannedNew
    : Math.round(total * (set === 'K' ? params.newShare : params.newShare982));
  const startCounts = cumulativeCounts(
    params.quarters.map((q) => q.startShare),
    newCount,
  );
  if (cal) {
    const exact = fixed.startedByQuarterEnd;
    for (let i = 0; i < 4; i++) {
      const q = i + 1;
      if (q < CALIBRATED_QUARTER) startCounts[i] = Math.min(startCounts[i]!, exact);
      else if (q === CALIBRATED_QUARTER) startCounts[i] = exact;
      else startCounts[i] = Math.max(startCounts[i]!, exact);
    }
  }
  return {
    set,
    total,
    newCount,
    provinceKey: set === 'K' ? (cal ? LUOYANG_2020.key.provinceKey : params.provinceKey) : 0,
    overlap: set === 'K' ? (cal ? LUOYANG_2020.key.overlap : params.overlap) : 0,
    startCounts,
    completionShares: params.quarters.map((q) => q.completionShare),
    medianWan: MEDIAN_WAN[set] * params.projectSize,
    targetSumWan: cal ? fixed.annualTargetWan : null,
  };
}

function seriesSpec(params: UnitYearParams, set: SetKind): SeriesSpec {
  const cal = isCalibrated(params.unit, params.year);
  const pace = set === 'S' ? params.pace982 : 1;
  const fixed = set === 'K' ? LUOYANG_2020.key : LUOYANG_2020.list982;
  return {
    rates: params.quarters.map((q) => q.investRate * pace),
    exact: cal ? { quarter: CALIBRATED_QUARTER, wan: fixed.investYtdWan } : null,
    missingShare: params.reportMissing,
  };
}

function dealSpec(params: UnitYearParams): DealSpec {
  if (!isCalibrated(params.unit, params.year)) {
    const fixed = params.year === CALIBRATED_YEAR ? DEAL_AMOUNTS_2020_Q3[params.unit] : undefined;
    const exactAmount = fixed === undefined ? null : { quarter: CALIBRATED_QUARTER, wan: fixed };
    return { counts: dealCounts(params), exactAmount, startedOverride: [] };
  }
  const d = LUOYANG_2020.deals;
  return {
    counts: countsWithTotal(params, CALIBRATED_QUARTER, d.signed),
    exactAmount: { quarter: CALIBRATED_QUARTER, wan: d.amountWan },
    startedOverride: [1, 2, 3, 4].map((q) => (q === CALIBRATED_QUARTER ? d.startedByQuarterEnd : null)),
  };
}

/** push(...items) without the argument-count limit of a spread. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

export function generateUnit(unit: string): UnitOutput {
  const ctx = unitContext(unit);
  const rng = ctx.rng;
  const out: UnitOutput = {
    unit,
    entries: [],
    reports: [],
    deals: [],
    reserve: [],
    approvals: [],
    issues: [],
  };

  const sets = new Map<number, { K: ProjectYear[]; S: ProjectYear[] }>();
  let prevK: ProjectYear[] = [];
  let prevS: ProjectYear[] = [];
  for (const year of DEMO_YEARS) {
    const params = unitYearParams(unit, year);
    const K = buildSet(ctx, rng.fork(`K:${year}`), year, setSpec(params, 'K'), prevK, prevS);
    const S =
      params.list982 > 0 ? buildSet(ctx, rng.fork(`S:${year}`), year, setSpec(params, 'S'), prevS, []) : [];
    sets.set(year, { K, S });
    prevK = K;
    prevS = S;
  }

  const dealNames = new Set<string>();
  for (const year of DEMO_YEARS) {
    const params = unitYearParams(unit, year);
    const { K, S } = sets.get(year)!;
    const entries = [...K, ...S];
    const issues = buildIssues(rng.fork(`issues:${year}`), entries, params);
    const byProject = new Map<string, IssueRecord[]>();
    for (const issue of issues) {
      const list = byProject.get(issue.projectCode) ?? [];
      list.push(issue);
      byProject.set(issue.projectCode, list);
    }
    append(out.approvals, buildApprovals(rng.fork(`approvals:${year}`), entries, params));
    buildSeries(rng.fork(`series:${year}:K`), K, seriesSpec(params, 'K'));
    if (S.length > 0) buildSeries(rng.fork(`series:${year}:S`), S, seriesSpec(params, 'S'));
    append(out.reports, emitReports(rng.fork(`reports:${year}`), entries, params, byProject));
    append(
      out.deals,
      buildDeals(ctx, rng.fork(`deals:${year}`), params, dealSpec(params), entries, dealNames),
    );
    append(out.issues, issues);
    append(out.entries, entries);
  }

  let previousReserve: ReturnType<typeof buildReserve> = [];
  for (const prepYear of DEMO_YEARS) {
    const params = unitYearParams(unit, prepYear);
    const targetYear = prepYear + 1;
    const target = sets.get(targetYear);
    const count = isCalibrated(unit, prepYear) ? LUOYANG_2020.reserveNextYear : params.reserveCount;
    previousReserve = buildReserve(
      ctx,
      rng.fork(`reserve:${targetYear}`),
      {
        targetYear,
        count,
        conversion: params.conversion,
        majorShare: params.majorShare,
        medianWan: RESERVE_MEDIAN_WAN * params.projectSize,
      },
      target ? [...target.K, ...target.S] : [],
      previousReserve,
    );
    append(out.reserve, previousReserve);
  }

  // Last, on streams of its own: production dates and output values move no other figure.
  assignProduction(rng, out.entries, (year) => unitYearParams(unit, year), DEMO_YEARS);
  return out;
}
