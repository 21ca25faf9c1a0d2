// Projects and their yearly list entries for one unit: carry unfinished projects over from last
// year, fill the rest with fresh ones, then decide starts, completions, targets and lists.

import type { Nature } from '../domain/records.js';
import { cumulativeCounts, scaleToSum } from './allocate.js';
import { addDays, isoDate, maxDate, quarterEnd, quarterStart, randomDate, toDay, yearOf } from './dates.js';
import type { DemoProject, ProjectYear, SetKind, UnitContext } from './model.js';
import { DEMO_LABEL, drawProject, projectOwner, uniqueDraw } from './names.js';
import type { Rng } from './prng.js';
import { DOMAIN_SPECS } from './vocabulary.js';

export interface SetSpec {
  set: SetKind;
  total: number;
  newCount: number;
  /** K only: how many on province_key, and how many of those also on city_key. */
  provinceKey: number;
  overlap: number;
  /** Cumulative count of the planned new starts started by each quarter end. */
  startCounts: readonly number[];
  /** Cumulative share of planned completions completed by each quarter end. */
  completionShares: readonly number[];
  /** Median total investment of a fresh project (万元). */
  medianWan: number;
  /** Exact Σ of annual targets (万元), or null to leave them as drawn. */
  targetSumWan: number | null;
}

const DOMAIN_WEIGHTS = DOMAIN_SPECS.map((s) => [s, s.weight] as const);
const MIN_WAN = 3_000;
const MAX_WAN = 950_000;

function nextSerial(ctx: UnitContext, codeYear: number, regionCode: string, rng: Rng): string {
  const key = `${codeYear}-${regionCode}`;
  const current = ctx.serials.get(key) ?? rng.int(1_000, 60_000);
  ctx.serials.set(key, current + rng.int(1, 37));
  return String(current).padStart(6, '0');
}

function dateInYear(rng: Rng, year: number, fromMonth = 1, toMonth = 12): string {
  return isoDate(year, rng.int(fromMonth, toMonth), rng.int(1, 28));
}

export function createProject(
  ctx: UnitContext,
  rng: Rng,
  year: number,
  nature: Nature,
  medianWan: number,
): DemoProject {
  const region = rng.weighted(ctx.regionWeights);
  const spec = rng.weighted(DOMAIN_WEIGHTS);
  const gov = rng.chance(spec.gov);
  const drawn = uniqueDraw(ctx.names, () => drawProject(rng, spec, region));
  const [industry, industryLabel] = drawn.industry;
  const approvalType = gov ? '01' : spec.domain === '能源' ? '02' : '03';
  const raw = Math.min(MAX_WAN, Math.max(MIN_WAN, rng.lognormal(medianWan, 0.95)));
  const totalWan = raw >= 20_000 ? Math.round(raw / 100) * 100 : Math.round(raw / 10) * 10;

  let codeYear = year;
  let plannedStart: string | null;
  let plannedCompletion: string | null;
  let actualStart: string | null = null;
  let investedWan = 0;
  if (nature === 'new') {
    codeYear = rng.chance(0.65) ? year : year - 1;
    plannedStart = dateInYear(rng, year, 1, 10);
    plannedCompletion = dateInYear(rng, year + (rng.chance(0.06) ? 0 : rng.int(1, 3)), 3, 12);
    if (plannedCompletion <= addDays(plannedStart, 90)) plannedCompletion = dateInYear(rng, year + 1, 3, 12);
  } else if (nature === 'preparatory') {
    codeYear = rng.chance(0.7) ? year : year - 1;
    plannedStart = dateInYear(rng, year + 1, 1, 9);
    plannedCompletion = dateInYear(rng, year + rng.int(2, 4), 1, 12);
  } else {
    const startYear =
      year -
      rng.weighted([
        [1, 0.55],
        [2, 0.3],
        [3, 0.15],
      ] as const);
    codeYear = startYear - (rng.chance(0.4) ? 1 : 0);
    actualStart = dateInYear(rng, startYear);
    plannedStart = addDays(actualStart, -rng.int(0, 75));
    const completionYear = nature === 'completing' ? year : year + (rng.chance(0.05) ? 0 : rng.int(1, 3));
    plannedCompletion = dateInYear(rng, completionYear, nature === 'completing' ? 3 : 1, 12);
    investedWan = Math.round(
      totalWan * (nature === 'completing' ? rng.float(0.5, 0.75) : rng.float(0.15, 0.5)),
    );
  }

  const code = `${codeYear}-${region.code}-${industry}-${approvalType}-${nextSerial(ctx, codeYear, region.code, rng)}`;
  return {
    code,
    name: drawn.name,
    region,
    unit: ctx.unit,
    owner: projectOwner(rng, spec, region, gov),
    leader: rng.pick(ctx.leaders),
    spec,
    industryLabel,
    enterprise: !gov,
    totalWan,
    plannedStart,
    plannedCompletion,
    actualStart,
    actualCompletion: null,
    plannedProduction: null,
    productionStart: null,
    outputWan: null,
    lng: Math.round((region.lng + rng.float(-region.spread, region.spread)) * 1e6) / 1e6,
    lat: Math.round((region.lat + rng.float(-region.spread, region.spread) * 0.8) * 1e6) / 1e6,
    scope: `${drawn.scope}（${DEMO_LABEL}）`,
    firstYear: year,
    investedWan,
    plannedWan: investedWan,
    wasProvinceKey: false,
    approvalItems: new Set(),
  };
}

function annualTarget(rng: Rng, p: DemoProject, nature: Nature): number {
  const share =
    nature === 'new'
      ? rng.float(0.22, 0.5)
      : nature === 'continuing'
        ? rng.float(0.2, 0.4)
        : nature === 'completing'
          ? rng.float(0.15, 0.35)
          : rng.float(0.01, 0.04);
  const remaining = Math.max(p.totalWan * 0.08, p.totalWan - p.plannedWan);
  const wan = Math.min(p.totalWan * share, nature === 'preparatory' ? Number.POSITIVE_INFINITY : remaining);
  return Math.max(10, Math.round(wan));
}

function entry(p: DemoProject, year: number, set: SetKind, nature: Nature): ProjectYear {
  return { p, year, set, nature, targetWan: 0, lists: [], cum: [], missing: [] };
}

/**
 * One unit's list entries of one set (K or S) for one year. `previous` are last year's entries of the
 * same set (their unfinished projects carry over first); `secondary` may fill remaining places with
 * started projects from another set.
 */
export function buildSet(
  ctx: UnitContext,
  rng: Rng,
  year: number,
  spec: SetSpec,
  previous: readonly ProjectYear[],
  secondary: readonly ProjectYear[],
): ProjectYear[] {
  const open = (pys: readonly ProjectYear[]) =>
    pys.filter((py) => py.p.actualCompletion === null && !rng.chance(0.06));
  const carried = open(previous);
  const unstarted = rng.shuffle(carried.filter((py) => py.p.actualStart === null));
  const started = rng.shuffle(carried.filter((py) => py.p.actualStart !== null));
  const extra = rng.shuffle(open(secondary).filter((py) => py.p.actualStart !== null));

  const entries: ProjectYear[] = [];
  const toNew = unstarted.slice(0, spec.newCount);
  for (const py of toNew) {
    if (py.nature === 'preparatory' && (py.p.plannedStart === null || yearOf(py.p.plannedStart) !== year)) {
      py.p.plannedStart = dateInYear(rng, year, 1, 9);
    }
    entries.push(entry(py.p, year, spec.set, 'new'));
  }
  for (let i = toNew.length; i < spec.newCount; i++) {
    entries.push(entry(createProject(ctx, rng, year, 'new', spec.medianWan), year, spec.set, 'new'));
  }
  const nonNewSlots = spec.total - spec.newCount;
  const stayPreparatory = unstarted.slice(spec.newCount).filter((py) => py.nature === 'preparatory');
  const nonNew = [...started, ...stayPreparatory, ...extra].slice(0, nonNewSlots);
  for (const py of nonNew) {
    let nature: Nature;
    if (py.p.actualStart === null) {
      nature = 'preparatory';
      py.p.plannedStart = dateInYear(rng, year + 1, 1, 9);
    } else {
      nature =
        py.p.plannedCompletion !== null && yearOf(py.p.plannedCompletion) <= year
          ? 'completing'
          : 'continuing';
    }
    entries.push(entry(py.p, year, spec.set, nature));
  }
  for (let i = nonNew.length; i < nonNewSlots; i++) {
    const nature = rng.weighted([
      ['continuing', 0.62],
      ['completing', 0.23],
      ['preparatory', 0.15],
    ] as const);
    entries.push(entry(createProject(ctx, rng, year, nature, spec.medianWan), year, spec.set, nature));
  }

  assignTargets(rng, entries, spec.targetSumWan);
  assignStarts(rng, year, entries, spec.startCounts);
  assignCompletions(rng, year, entries, spec.completionShares);
  assignLists(rng, entries, spec);
  return entries;
}

function assignTargets(rng: Rng, entries: ProjectYear[], exactSum: number | null): void {
  const drawn = entries.map((py) => annualTarget(rng, py.p, py.nature));
  const targets =
    exactSum === null
      ? drawn
      : scaleToSum(drawn, exactSum, 10, Math.max(...entries.map((py) => py.p.totalWan)));
  entries.forEach((py, i) => {
    const t = targets[i]!;
    py.targetWan = t;
    // A calibrated target may exceed a small project's drawn total: grow the total to stay plausible.
    if (t > py.p.totalWan * 0.6) py.p.totalWan = Math.round(t / 0.6 / 10) * 10;
    py.p.plannedWan += t;
  });
}

function assignStarts(rng: Rng, year: number, entries: ProjectYear[], startCounts: readonly number[]): void {
  const planned = entries
    .filter((py) => py.nature === 'new')
    .map((py) => [py, toDay(py.p.plannedStart ?? isoDate(year, 6, 1)) + rng.int(-45, 45)] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([py]) => py);
  let done = 0;
  for (let q = 1; q <= 4; q++) {
    const upTo = Math.min(planned.length, startCounts[q - 1] ?? 0);
    for (; done < upTo; done++) {
      planned[done]!.p.actualStart = randomDate(rng, quarterStart(year, q), addDays(quarterEnd(year, q), -2));
    }
  }
}

function startedBefore(py: ProjectYear, quarter: number): boolean {
  const s = py.p.actualStart;
  if (s === null) return false;
  return s < quarterStart(py.year, quarter);
}

function assignCompletions(rng: Rng, year: number, entries: ProjectYear[], shares: readonly number[]): void {
  const planned = entries
    .filter(
      (py) =>
        py.nature === 'completing' ||
        (py.p.plannedCompletion !== null && yearOf(py.p.plannedCompletion) === year),
    )
    .map((py) => [py, toDay(py.p.plannedCompletion ?? isoDate(year, 12, 1)) + rng.int(-60, 60)] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([py]) => py);
  const targets = cumulativeCounts(shares, planned.length);
  let completed = 0;
  for (let q = 1; q <= 4; q++) {
    for (const py of planned) {
      if (completed >= targets[q - 1]!) break;
      if (py.p.actualCompletion !== null || !startedBefore(py, q)) continue;
      const from = maxDate(addDays(py.p.actualStart!, 45), quarterStart(year, q));
      if (from > quarterEnd(year, q)) continue;
      py.p.actualCompletion = randomDate(rng, from, quarterEnd(year, q));
      completed++;
    }
  }
}

function assignLists(rng: Rng, entries: ProjectYear[], spec: SetSpec): void {
  if (spec.set === 'S') {
    for (const py of entries) py.lists = [{ list: '982', targetWan: py.targetWan }];
    return;
  }
  const ranked = entries
    .map((py) => [py, (py.p.wasProvinceKey ? 1e9 : 0) + py.p.totalWan * rng.float(0.6, 1.4)] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([py]) => py);
  const province = ranked.slice(0, spec.provinceKey);
  const both = new Set(rng.sample(province, spec.overlap));
  for (const py of ranked) {
    const onProvince = province.includes(py);
    py.p.wasProvinceKey = onProvince;
    if (!onProvince) {
      py.lists = [{ list: 'city_key', targetWan: py.targetWan }];
    } else if (both.has(py)) {
      // The city sometimes sets itself a lower target for the same project than the province does.
      const cityTarget = rng.chance(0.4) ? Math.max(10, Math.round(py.targetWan * 0.85)) : py.targetWan;
      py.lists = [
        { list: 'province_key', targetWan: py.targetWan },
        { list: 'city_key', targetWan: cityTarget },
      ];
    } else {
      py.lists = [{ list: 'province_key', targetWan: py.targetWan }];
    }
  }
}
