// The generator's working state: projects with their static fields, and one entry per project and
// year with the year's nature, target, lists and monthly cumulative investment.

import type { Nature } from '../domain/records.js';
import { personName } from './names.js';
import { Rng } from './prng.js';
import { type RegionInfo, unitRegions } from './regions.js';
import type { DomainSpec } from './vocabulary.js';

/** K = the key lists (province_key ∪ city_key), S = the "982" list; disjoint in the demo. */
export type SetKind = 'K' | 'S';

export interface DemoProject {
  code: string;
  name: string;
  region: RegionInfo;
  unit: string;
  owner: string;
  leader: string;
  spec: DomainSpec;
  /** 所属产业 label, e.g. 装备制造. */
  industryLabel: string;
  /** An enterprise (not government) project: the kind deals link to. */
  enterprise: boolean;
  totalWan: number;
  plannedStart: string | null;
  plannedCompletion: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
  /** 投产达效 (production.ts): planned and actual production dates, yearly output value (万元); null when not a producing project. */
  plannedProduction: string | null;
  productionStart: string | null;
  outputWan: number | null;
  lng: number;
  lat: number;
  scope: string;
  /** First year the project is on a list. */
  firstYear: number;
  /** Invested before the first listed year (continuing projects), then running total. */
  investedWan: number;
  /** Σ of annual targets so far plus investedWan at creation: keeps later targets plausible. */
  plannedWan: number;
  wasProvinceKey: boolean;
  approvalItems: Set<string>;
}

export interface ListEntry {
  list: string;
  targetWan: number;
}

export interface ProjectYear {
  p: DemoProject;
  year: number;
  set: SetKind;
  nature: Nature;
  /** The largest target over its lists. */
  targetWan: number;
  lists: ListEntry[];
  /** Cumulative investYtd (万元) at the end of month m, index 0..12 (index 0 is always 0). */
  cum: number[];
  /** missing[m]: no report was filed for month m. */
  missing: boolean[];
}

export interface UnitContext {
  unit: string;
  regions: RegionInfo[];
  regionWeights: (readonly [RegionInfo, number])[];
  leaders: string[];
  /** Project names already used in the unit. */
  names: Set<string>;
  /** Next serial per "codeYear-regionCode". */
  serials: Map<string, number>;
  rng: Rng;
}

export function unitContext(unit: string): UnitContext {
  const regions = unitRegions(unit);
  const rng = new Rng(`sibi-demo:${unit}`);
  const leaderRng = rng.fork('leaders');
  const leaders = new Set<string>();
  while (leaders.size < 12) leaders.add(personName(leaderRng));
  const regionWeights: (readonly [RegionInfo, number])[] =
    regions.length === 1
      ? [[regions[0]!, 1]]
      : regions.map((r, i) => [r, i === 0 ? 0.3 * (regions.length - 1) : 0.7] as const);
  return { unit, regions, regionWeights, leaders: [...leaders], names: new Set(), serials: new Map(), rng };
}
