// 投产达效: planned and actual production dates and the yearly output value of the projects that
// produce something (manufacturing, energy, enterprise agriculture). Runs after everything else of a
// unit is generated, on its own PRNG streams, so no other figure of the demo moves because of it.

import { cumulativeCounts } from './allocate.js';
import { addDays, maxDate, quarterEnd, quarterStart, randomDate, toDay, yearOf } from './dates.js';
import type { DemoProject, ProjectYear } from './model.js';
import type { Rng } from './prng.js';
import type { UnitYearParams } from './profiles.js';

/** 投产后年产值 per unit of total investment, by domain. */
const OUTPUT_PER_INVESTMENT: Readonly<Record<string, readonly [number, number]>> = {
  先进制造业: [1.0, 2.5],
  现代农业: [0.8, 1.8],
  能源: [0.4, 1.0],
};

/** No production sooner than this after construction starts (planned), or actually. */
const MIN_PLANNED_DAYS = 240;
const MIN_ACTUAL_DAYS = 120;
/** A project that misses its year goes into production the next year with this probability (else later). */
const LATE_NEXT_YEAR = 0.75;

function produces(p: DemoProject): boolean {
  if (!(p.spec.domain in OUTPUT_PER_INVESTMENT)) return false;
  // Government farmland and irrigation works build capacity for others; they report no output value.
  return p.spec.domain !== '现代农业' || p.enterprise;
}

const roundWan = (wan: number) => (wan >= 20_000 ? Math.round(wan / 100) * 100 : Math.round(wan / 10) * 10);

/** Planned production date and output value, from the project's own final dates and size. */
function plan(p: DemoProject, rng: Rng): void {
  const anchor = p.actualStart ?? p.plannedStart;
  if (anchor === null) return;
  let planned: string;
  if (p.plannedCompletion === null) planned = addDays(anchor, rng.int(365, 1_095));
  // Mostly shortly before completion (trial production); a third produce a first phase well before.
  else if (rng.chance(0.35)) planned = addDays(p.plannedCompletion, -rng.int(90, 365));
  else planned = addDays(p.plannedCompletion, -rng.int(0, 90));
  p.plannedProduction = maxDate(planned, addDays(anchor, MIN_PLANNED_DAYS));
  const [low, high] = OUTPUT_PER_INVESTMENT[p.spec.domain]!;
  p.outputWan = Math.max(10, roundWan(p.totalWan * rng.float(low, high)));
}

/** Puts the first targets[q-1] of `due` (in planned order) into production by the end of quarter q. */
function startInQuarters(
  rng: Rng,
  year: number,
  due: readonly DemoProject[],
  targets: readonly number[],
): void {
  let done = 0;
  for (let q = 1; q <= 4; q++) {
    for (const p of due) {
      if (done >= targets[q - 1]!) break;
      if (p.productionStart !== null || p.actualStart === null) continue;
      const from = maxDate(addDays(p.actualStart, MIN_ACTUAL_DAYS), quarterStart(year, q));
      if (from > quarterEnd(year, q)) continue;
      p.productionStart = randomDate(rng, from, quarterEnd(year, q));
      done++;
    }
  }
}

/**
 * One unit's production fields. `rng` is the unit's root stream: plans are drawn per project
 * (`production:<code>`), actual starts per planned year (`production:<year>`).
 */
export function assignProduction(
  rng: Rng,
  entries: readonly ProjectYear[],
  paramsOf: (year: number) => UnitYearParams,
  years: readonly number[],
): void {
  const projects = [...new Map(entries.map((py) => [py.p.code, py.p])).values()].filter(produces);
  for (const p of projects) plan(p, rng.fork(`production:${p.code}`));
  const first = years[0]!;
  const last = years[years.length - 1]!;

  // Planned before the demo years: long in production, on time.
  for (const p of projects) {
    if (p.plannedProduction === null || p.actualStart === null || yearOf(p.plannedProduction) >= first)
      continue;
    const r = rng.fork(`production:early:${p.code}`);
    p.productionStart = maxDate(
      addDays(p.plannedProduction, r.int(-20, 60)),
      addDays(p.actualStart, MIN_ACTUAL_DAYS),
    );
  }

  for (const year of years) {
    const r = rng.fork(`production:${year}`);
    const shares = paramsOf(year).quarters.map((q) => q.productionShare);
    const due = projects
      .filter((p) => p.plannedProduction !== null && yearOf(p.plannedProduction) === year)
      .map((p) => [p, toDay(p.plannedProduction!) + r.int(-40, 40)] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([p]) => p);
    // The shares hold for the year's key lists (what the statistics read) and, separately, for the rest.
    const key = new Set(entries.filter((py) => py.year === year && py.set === 'K').map((py) => py.p.code));
    for (const group of [due.filter((p) => key.has(p.code)), due.filter((p) => !key.has(p.code))]) {
      startInQuarters(r, year, group, cumulativeCounts(shares, group.length));
    }
    // The rest are late: mostly within the first three quarters of the next year, if it is a demo year.
    if (year >= last) continue;
    for (const p of due) {
      if (p.productionStart !== null || p.actualStart === null || !r.chance(LATE_NEXT_YEAR)) continue;
      const from = maxDate(addDays(p.actualStart, MIN_ACTUAL_DAYS), quarterStart(year + 1, 1));
      const to = quarterEnd(year + 1, 3);
      if (from <= to) p.productionStart = randomDate(r, from, to);
    }
  }
}
