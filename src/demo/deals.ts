// 招商引资签约项目: deals signed per quarter with exact shares of outside, big and top-500 deals,
// started so the landing rate at each quarter end matches the profile; some never start.

import type { DealOrigin, DealRecord, Top500 } from '../domain/records.js';
import { cumulativeCounts, largestRemainder, scaleToSum } from './allocate.js';
import { addDays, isoDate, maxDate, monthOf, quarterEnd, quarterStart, randomDate, yearOf } from './dates.js';
import type { ProjectYear, UnitContext } from './model.js';
import { dealInvestor, drawProject, uniqueDraw } from './names.js';
import type { Rng } from './prng.js';
import type { UnitYearParams } from './profiles.js';
import { DOMAIN_BY_NAME, type Domain } from './vocabulary.js';

const DEAL_DOMAINS: readonly (readonly [Domain, number])[] = [
  ['先进制造业', 50],
  ['现代服务业', 20],
  ['能源', 12],
  ['现代农业', 10],
  ['生态环保', 3],
  ['新型城镇化', 3],
  ['社会民生', 2],
];

const BIG_WAN = 200_000;

interface DraftDeal {
  quarter: number;
  signedDate: string;
  origin: DealOrigin;
  top500: Top500 | null;
  big: boolean;
  amountWan: number;
  startDate: string | null;
}

export interface DealSpec {
  /** Deals signed in each quarter. */
  counts: readonly number[];
  /** Exact Σ contract amount (万元) of the deals signed in quarters 1..quarter, or null. */
  exactAmount: { quarter: number; wan: number } | null;
  /** Started-by-quarter-end counts that must hold exactly (index = quarter − 1), else from landing. */
  startedOverride: readonly (number | null)[];
}

export function dealCounts(params: UnitYearParams): number[] {
  return params.quarters.map((q) => Math.round(q.dealCount));
}

/** Splits `signed` deals over the first quarters in the profile's proportions. */
export function countsWithTotal(params: UnitYearParams, quarters: number, signed: number): number[] {
  const head = largestRemainder(
    params.quarters.slice(0, quarters).map((q) => q.dealCount),
    signed,
  );
  return [...head, ...dealCounts(params).slice(quarters)];
}

function exactShare<T>(rng: Rng, n: number, share: number, yes: T, no: T): T[] {
  const k = Math.round(share * n);
  return rng.shuffle(Array.from({ length: n }, (_, i) => (i < k ? yes : no)));
}

function draftQuarter(
  rng: Rng,
  year: number,
  quarter: number,
  n: number,
  params: UnitYearParams,
): DraftDeal[] {
  const q = params.quarters[quarter - 1]!;
  const big = exactShare(rng, n, q.bigShare, true, false);
  const top = exactShare(rng, n, q.top500Share, true, false);
  const outside = Math.round(q.outsideShare * n);
  const abroad = Math.round(q.abroadShare * outside);
  const origins = rng.shuffle(
    Array.from(
      { length: n },
      (_, i): DealOrigin => (i < abroad ? 'abroad' : i < outside ? 'out_of_province' : 'in_province'),
    ),
  );
  const out: DraftDeal[] = [];
  for (let i = 0; i < n; i++) {
    const isBig = big[i]!;
    const raw = isBig
      ? Math.min(1_500_000, Math.max(BIG_WAN, rng.lognormal(params.bigDealMedianWan * params.dealSize, 0.35)))
      : Math.min(199_000, Math.max(1_000, rng.lognormal(params.dealMedianWan * params.dealSize, 0.9)));
    out.push({
      quarter,
      signedDate: randomDate(rng, quarterStart(year, quarter), quarterEnd(year, quarter)),
      origin: origins[i]!,
      top500: top[i] ? (rng.chance(1 / 3) ? 'global500' : 'china500') : null,
      big: isBig,
      amountWan: Math.round(raw / 100) * 100,
      startDate: null,
    });
  }
  return out;
}

/** Rescales the ordinary (non-big) deals so the signed amount is exact, in whole 百万元. */
function fitAmount(deals: DraftDeal[], wan: number): void {
  const big = deals.filter((d) => d.big);
  const small = deals.filter((d) => !d.big);
  const bigSum = big.reduce((s, d) => s + d.amountWan, 0);
  let rest = wan - bigSum;
  if (rest < small.length * 1_000) {
    // Too much in big deals: bring them down towards 20 亿元 first.
    const bigTarget = wan - small.length * 5_000;
    const scaled = scaleToSum(
      big.map((d) => d.amountWan / 100),
      bigTarget / 100,
      BIG_WAN / 100,
      15_000,
    );
    big.forEach((d, i) => {
      d.amountWan = scaled[i]! * 100;
    });
    rest = wan - bigTarget;
  }
  const scaled = scaleToSum(
    small.map((d) => d.amountWan / 100),
    rest / 100,
    10,
    1_990,
  );
  small.forEach((d, i) => {
    d.amountWan = scaled[i]! * 100;
  });
}

function assignStarts(
  rng: Rng,
  year: number,
  deals: DraftDeal[],
  params: UnitYearParams,
  spec: DealSpec,
): void {
  const signedBy = [1, 2, 3, 4].map((q) => deals.filter((d) => d.quarter <= q).length);
  const landing = params.quarters.map((q) => q.landing);
  let started = 0;
  for (let q = 1; q <= 4; q++) {
    const wanted = spec.startedOverride[q - 1] ?? cumulativeCounts([landing[q - 1]!], signedBy[q - 1]!)[0]!;
    const end = quarterEnd(year, q);
    const open = deals.filter((d) => d.quarter <= q && d.startDate === null);
    const roomy = open.filter((d) => addDays(d.signedDate, 7) <= end);
    const pool = roomy.length >= wanted - started ? roomy : open;
    for (const d of rng.sample(pool, wanted - started)) {
      const from = addDays(d.signedDate, 7) <= end ? addDays(d.signedDate, 7) : d.signedDate;
      d.startDate = randomDate(rng, maxDate(from, quarterStart(year, q)), end);
      started++;
    }
  }
  for (const d of deals) {
    if (d.startDate !== null) continue;
    if (year < 2021 && rng.chance(0.55))
      d.startDate = randomDate(rng, isoDate(year + 1, 1, 10), isoDate(year + 1, 6, 30));
  }
}

/** Projects a started deal may be linked to: new this year, enterprise-owned, started in `month`. */
function linkIndex(entries: readonly ProjectYear[], year: number): Map<number, ProjectYear[]> {
  const byMonth = new Map<number, ProjectYear[]>();
  for (const py of entries) {
    const s = py.p.actualStart;
    if (
      py.nature !== 'new' ||
      !py.p.enterprise ||
      py.p.firstYear !== year ||
      s === null ||
      yearOf(s) !== year
    )
      continue;
    const list = byMonth.get(monthOf(s)) ?? [];
    list.push(py);
    byMonth.set(monthOf(s), list);
  }
  return byMonth;
}

export function buildDeals(
  ctx: UnitContext,
  rng: Rng,
  params: UnitYearParams,
  spec: DealSpec,
  entries: readonly ProjectYear[],
  names: Set<string>,
): DealRecord[] {
  const year = params.year;
  const drafts = spec.counts.flatMap((n, i) => draftQuarter(rng, year, i + 1, n, params));
  if (spec.exactAmount)
    fitAmount(
      drafts.filter((d) => d.quarter <= spec.exactAmount!.quarter),
      spec.exactAmount.wan,
    );
  assignStarts(rng, year, drafts, params, spec);
  drafts.sort((a, b) => (a.signedDate < b.signedDate ? -1 : a.signedDate > b.signedDate ? 1 : 0));

  const linkable = linkIndex(entries, year);
  const linked = new Set<string>();
  return drafts.map((d): DealRecord => {
    const q = params.quarters[d.quarter - 1]!;
    let region = rng.weighted(ctx.regionWeights);
    let spec = DOMAIN_BY_NAME.get(rng.weighted(DEAL_DOMAINS))!;
    let name: string | null = null;
    let industry: string | null = null;
    let projectCode: string | null = null;
    let startDate = d.startDate;
    if (startDate !== null && yearOf(startDate) === year && rng.chance(0.3)) {
      const candidates = (linkable.get(monthOf(startDate)) ?? []).filter(
        (py) =>
          !linked.has(py.p.code) &&
          py.p.actualStart! >= d.signedDate &&
          !names.has(`${py.p.region.code}|${py.p.name}`),
      );
      if (candidates.length > 0) {
        const py = rng.pick(candidates);
        linked.add(py.p.code);
        region = py.p.region;
        spec = py.p.spec;
        name = py.p.name;
        industry = py.p.industryLabel;
        projectCode = py.p.code;
        startDate = py.p.actualStart;
        names.add(`${region.code}|${name}`);
      }
    }
    if (name === null) {
      const r = region;
      const s = spec;
      const drawn = uniqueDraw(
        names,
        () => drawProject(rng, s, r),
        (n) => `${r.code}|${n}`,
      );
      name = drawn.name;
      industry = drawn.industry[1];
    }
    const amount = d.amountWan;
    const funds =
      startDate !== null
        ? Math.min(amount, Math.round((amount * q.fundsRate * rng.float(0.6, 1.4)) / 10) * 10)
        : Math.round((amount * rng.float(0, 0.06)) / 10) * 10;
    return {
      name,
      regionCode: region.code,
      investor: dealInvestor(rng, d.origin, spec.companyWords),
      origin: d.origin,
      top500: d.top500,
      signedDate: d.signedDate,
      contractAmount: BigInt(amount) * 10_000n,
      fundsInPlace: BigInt(funds) * 10_000n,
      industry,
      startDate,
      projectCode,
    };
  });
}
