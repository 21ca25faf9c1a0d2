// 谋划储备: projects prepared for next year's lists; part of them became that year's new projects.

import type { ReserveRecord } from '../domain/records.js';
import type { ProjectYear, UnitContext } from './model.js';
import { drawProject, uniqueDraw } from './names.js';
import type { Rng } from './prng.js';
import { DOMAIN_SPECS, RESERVE_MATURITY } from './vocabulary.js';

const DOMAIN_WEIGHTS = DOMAIN_SPECS.map((s) => [s, s.weight] as const);

export interface ReserveSpec {
  targetYear: number;
  count: number;
  conversion: number;
  majorShare: number;
  medianWan: number;
}

/**
 * `converted` are the target year's entries a reserve project may have become (its new projects);
 * `carried` are last round's unconverted reserve projects, some of which are prepared again.
 */
export function buildReserve(
  ctx: UnitContext,
  rng: Rng,
  spec: ReserveSpec,
  converted: readonly ProjectYear[],
  carried: readonly ReserveRecord[],
): ReserveRecord[] {
  const names = new Set<string>();
  const out: ReserveRecord[] = [];
  const conversions = rng.sample(
    converted.filter((py) => py.nature === 'new'),
    Math.min(spec.count, Math.round(spec.count * spec.conversion)),
  );
  for (const py of conversions) {
    names.add(`${py.p.region.code}|${py.p.name}`);
    out.push({
      name: py.p.name,
      regionCode: py.p.region.code,
      targetYear: spec.targetYear,
      totalInvestment: BigInt(py.p.totalWan) * 10_000n,
      domain: py.p.spec.domain,
      maturity: RESERVE_MATURITY[0],
      major: false,
      convertedProjectCode: py.p.code,
    });
  }
  for (const r of rng.shuffle(carried.filter((r) => r.convertedProjectCode === null && rng.chance(0.2)))) {
    if (out.length >= spec.count) break;
    const key = `${r.regionCode}|${r.name}`;
    if (names.has(key)) continue;
    names.add(key);
    out.push({
      ...r,
      targetYear: spec.targetYear,
      maturity: rng.pick(RESERVE_MATURITY.slice(0, 2)),
      major: false,
    });
  }
  while (out.length < spec.count) {
    const region = rng.weighted(ctx.regionWeights);
    const domain = rng.weighted(DOMAIN_WEIGHTS);
    const drawn = uniqueDraw(
      names,
      () => drawProject(rng, domain, region),
      (n) => `${region.code}|${n}`,
    );
    const wan = Math.min(2_000_000, Math.max(3_000, rng.lognormal(spec.medianWan, 1.0)));
    out.push({
      name: drawn.name,
      regionCode: region.code,
      targetYear: spec.targetYear,
      totalInvestment: BigInt(Math.round(wan / 100) * 100) * 10_000n,
      domain: domain.domain,
      maturity: rng.weighted([
        [RESERVE_MATURITY[0], 0.2],
        [RESERVE_MATURITY[1], 0.35],
        [RESERVE_MATURITY[2], 0.3],
        [RESERVE_MATURITY[3], 0.15],
      ] as const),
      major: false,
      convertedProjectCode: null,
    });
  }
  // 重大项目: the largest share of the reserve.
  const major = Math.round(out.length * spec.majorShare);
  const bySize = out
    .map((r, i) => [r.totalInvestment ?? 0n, i] as const)
    .sort((a, b) => (a[0] > b[0] ? -1 : a[0] < b[0] ? 1 : a[1] - b[1]));
  for (const [, i] of bySize.slice(0, major)) out[i]!.major = true;
  return out;
}
