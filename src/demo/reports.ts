// Monthly reports: a cumulative investment series per project-year whose unit totals hit the
// profile's rate at every quarter end (exactly for the calibrated figures), then the report rows.

import type { IssueRecord, ReportRecord } from '../domain/records.js';
import { isoDate, monthEnd, monthOf, yearOf } from './dates.js';
import type { ProjectYear } from './model.js';
import type { Rng } from './prng.js';
import type { UnitYearParams } from './profiles.js';

/** Relative monthly investment: slow around the Spring Festival, steady afterwards. */
const MONTH_WEIGHTS = [0, 0.045, 0.05, 0.08, 0.085, 0.09, 0.09, 0.09, 0.09, 0.095, 0.095, 0.095, 0.095];

export interface SeriesSpec {
  /** Cumulative Σ investYtd / Σ annualTarget wanted at each quarter end. */
  rates: readonly number[];
  /** An exact Σ investYtd (万元) at the end of one quarter, or null. */
  exact: { quarter: number; wan: number } | null;
  missingShare: number;
}

/** The month whose report counts at month `upTo`: the latest one filed (0 = none). */
export function effectiveMonth(py: ProjectYear, upTo: number): number {
  for (let m = upTo; m >= 1; m--) if (!py.missing[m]) return m;
  return 0;
}

function startMonth(py: ProjectYear): number {
  const s = py.p.actualStart;
  if (s === null || yearOf(s) > py.year) return 13;
  return yearOf(s) < py.year ? 1 : monthOf(s);
}

function lastWorkMonth(py: ProjectYear): number {
  const c = py.p.actualCompletion;
  return c !== null && yearOf(c) === py.year ? monthOf(c) : 12;
}

function rawIncrements(rng: Rng, py: ProjectYear): number[] {
  const inc = new Array<number>(13).fill(0);
  const f = Math.min(1.8, Math.max(0.45, rng.lognormal(1, 0.3)));
  if (py.nature === 'preparatory' && py.p.actualStart === null) {
    for (let m = 1; m <= 12; m++) inc[m] = py.targetWan * MONTH_WEIGHTS[m]! * f * rng.float(0.5, 1.5);
    return inc;
  }
  const s = startMonth(py);
  const c = lastWorkMonth(py);
  const boost = s > 1 && s <= 12 ? 1.3 : 1;
  for (let m = s; m <= 12; m++) {
    inc[m] =
      m <= c
        ? py.targetWan * MONTH_WEIGHTS[m]! * f * rng.float(0.6, 1.4) * boost
        : py.targetWan * 0.004 * rng.next();
  }
  return inc;
}

/** Fills `cum` and `missing` of every entry (all of one unit, year and set). */
export function buildSeries(rng: Rng, entries: readonly ProjectYear[], spec: SeriesSpec): void {
  const incs = entries.map((py) => {
    py.missing = [false];
    for (let m = 1; m <= 12; m++) py.missing.push(rng.chance(spec.missingShare));
    return rawIncrements(rng, py);
  });
  const totalTarget = entries.reduce((s, py) => s + py.targetWan, 0);
  const upTo = (inc: number[], month: number) => {
    let s = 0;
    for (let m = 1; m <= month; m++) s += inc[m]!;
    return s;
  };
  for (let q = 1; q <= 4; q++) {
    const a = q * 3 - 2;
    const b = q * 3;
    let fixed = 0;
    let scalable = 0;
    entries.forEach((py, i) => {
      const inc = incs[i]!;
      const e = effectiveMonth(py, b);
      if (e < a) {
        fixed += upTo(inc, e);
      } else {
        fixed += upTo(inc, a - 1);
        for (let m = a; m <= e; m++) scalable += inc[m]!;
      }
    });
    const wanted = spec.exact?.quarter === q ? spec.exact.wan : (spec.rates[q - 1] ?? 0) * totalTarget;
    const beta = scalable > 0 ? Math.max(0, (wanted - fixed) / scalable) : 1;
    for (const inc of incs) for (let m = a; m <= b; m++) inc[m]! *= beta;
  }
  entries.forEach((py, i) => {
    const inc = incs[i]!;
    let running = 0;
    py.cum = [0];
    for (let m = 1; m <= 12; m++) {
      running += inc[m]!;
      py.cum.push(Math.round(running));
    }
  });
  if (spec.exact) fixExact(entries, spec.exact.quarter * 3, spec.exact.wan);
}

/** Spreads the rounding residue at `month` over the projects, ±1 万元 each, keeping every series monotone. */
function fixExact(entries: readonly ProjectYear[], month: number, wanted: number): void {
  const eff = entries.map((py) => effectiveMonth(py, month));
  let residue = wanted - entries.reduce((s, py, i) => s + py.cum[eff[i]!]!, 0);
  const order = entries
    .map((_, i) => i)
    .sort((x, y) => entries[y]!.targetWan - entries[x]!.targetWan || x - y);
  while (residue !== 0) {
    let moved = false;
    for (const i of order) {
      if (residue === 0) break;
      const e = eff[i]!;
      if (e === 0) continue;
      const cum = entries[i]!.cum;
      const step = residue > 0 ? 1 : -1;
      if (step < 0 && cum[e]! - 1 < cum[e - 1]!) continue;
      for (let m = e; m <= 12; m++) cum[m]! += step;
      residue -= step;
      moved = true;
    }
    if (!moved) throw new Error('cannot place the calibration residue');
  }
}

const PREPARATORY_NOTES = [
  '可研报告编制中',
  '正在开展项目前期工作',
  '规划设计方案编制中',
  '项目建议书已批复，正在编制可研',
];
const COMPLETED_NOTES = ['项目已竣工，正在办理竣工验收', '已竣工投用', '主体工程完工，已投入使用'];

function progressNote(rng: Rng, py: ProjectYear, m: number, end: string): string {
  const p = py.p;
  if (p.actualCompletion !== null && p.actualCompletion <= end) return rng.pick(COMPLETED_NOTES);
  if (p.actualStart === null || p.actualStart > end) {
    if (py.nature === 'preparatory') return rng.pick(PREPARATORY_NOTES);
    const item = p.approvalItems.values().next().value;
    const plannedMonth = p.plannedStart !== null ? monthOf(p.plannedStart) : 6;
    return item !== undefined && rng.chance(0.6)
      ? `正在办理${item}，计划${plannedMonth}月开工`
      : '施工图设计及施工招标准备中';
  }
  const pct = Math.min(99, Math.max(1, Math.round((100 * (p.investedWan + py.cum[m]!)) / p.totalWan)));
  const stages = p.spec.stages;
  const stage = stages[Math.min(stages.length - 1, Math.floor((pct / 100) * stages.length))]!;
  const month = py.cum[m]! - py.cum[m - 1]!;
  return month > 0 ? `${stage}，形象进度约${pct}%，本月完成投资${month}万元` : `${stage}，形象进度约${pct}%`;
}

function problemsAt(issues: readonly IssueRecord[] | undefined, year: number, end: string): string | null {
  if (!issues) return null;
  const open = issues.filter(
    (i) =>
      i.raisedDate <= end &&
      yearOf(i.raisedDate) === year &&
      (i.resolvedDate === null || i.resolvedDate > end),
  );
  return open.length === 0 ? null : open.map((i) => i.description).join('；');
}

/** The report rows of entries whose series are built; afterwards adds the year's investment to each project. */
export function emitReports(
  rng: Rng,
  entries: readonly ProjectYear[],
  params: UnitYearParams,
  issuesByProject: ReadonlyMap<string, readonly IssueRecord[]>,
): ReportRecord[] {
  const out: ReportRecord[] = [];
  const ends = [''];
  for (let m = 1; m <= 12; m++) ends.push(monthEnd(params.year, m));
  for (const py of entries) {
    const p = py.p;
    const issues = issuesByProject.get(p.code);
    for (let m = 1; m <= 12; m++) {
      if (py.missing[m]) continue;
      const end = ends[m]!;
      const started = p.actualStart !== null && p.actualStart <= end;
      const completed = p.actualCompletion !== null && p.actualCompletion <= end;
      const onTime = rng.chance(params.quarters[Math.ceil(m / 3) - 1]!.reportOnTime);
      // Due by the 5th of the next month; late ones arrive between the 6th and the 25th.
      const reportedAt =
        m === 12
          ? isoDate(py.year + 1, 1, onTime ? rng.int(1, 5) : rng.int(6, 25))
          : isoDate(py.year, m + 1, onTime ? rng.int(1, 5) : rng.int(6, 25));
      out.push({
        projectCode: p.code,
        year: py.year,
        month: m,
        investYtd: BigInt(py.cum[m]!) * 10_000n,
        started,
        startDate: started ? p.actualStart : null,
        completed,
        completionDate: completed ? p.actualCompletion : null,
        progressNote: progressNote(rng, py, m, end),
        problems: problemsAt(issues, py.year, end),
        reportedAt,
      });
    }
    p.investedWan += py.cum[12]!;
  }
  return out;
}
