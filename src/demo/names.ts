// Builders for the Chinese names and texts of the demo: projects, owners, leaders, investors.

import type { Rng } from './prng.js';
import type { RegionInfo } from './regions.js';
import {
  BRANDS,
  CROPS,
  type DomainSpec,
  GIVEN_CHARS,
  INVESTOR_PLACES_ABROAD,
  INVESTOR_PLACES_OUT,
  INVESTOR_SUFFIXES,
  ORDINALS,
  PRODUCTS,
  ROADS,
  SCENIC,
  SURNAMES,
  VILLAGES,
} from './vocabulary.js';

/** Marks every generated data set as simulated (it ends each project's scope text). */
export const DEMO_LABEL = '模拟数据';

/** Fills a template; `vars` keeps the values drawn so a second template can reuse them. */
export function fillTemplate(
  rng: Rng,
  template: string,
  region: RegionInfo,
  vars: Record<string, string> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const known = vars[key];
    if (known !== undefined) return known;
    const value = drawValue(rng, key, region);
    if (value === null) return whole;
    vars[key] = value;
    return value;
  });
}

function drawValue(rng: Rng, key: string, region: RegionInfo): string | null {
  switch (key) {
    case 'place':
      return region.name;
    case 'short':
      return region.short;
    case 'brand':
      return rng.pick(BRANDS);
    case 'product':
      return rng.pick(PRODUCTS)[0];
    case 'river':
      return rng.pick(region.rivers.length > 0 ? region.rivers : ['城区']);
    case 'road':
      return rng.pick(ROADS);
    case 'village':
      return rng.pick(VILLAGES);
    case 'crop':
      return rng.pick(CROPS);
    case 'scenic':
      return rng.pick(SCENIC);
    case 'ord':
      return rng.pick(ORDINALS);
    case 'n':
      return String(rng.int(2, 9));
    case 'qty':
      return String(rng.int(1, 40) * 5);
    case 'mw':
      return String(rng.int(5, 60) * 5);
    case 'kv':
      return rng.pick(['110', '220', '500']);
    case 'mu':
      return String(rng.int(1, 12));
    case 'w':
      return String(rng.int(6, 20) * 4);
    case 'a':
      return String(rng.int(10, 300) / 10);
    case 'b':
      return String(rng.int(5, 90) * 10);
    case 'c':
      return String(rng.int(5, 80));
    default:
      return null;
  }
}

const PRODUCT_INDUSTRY = new Map(PRODUCTS.map(([product, code, label]) => [product, [code, label] as const]));

export interface DrawnProject {
  name: string;
  /** 建设规模及内容, without the simulated-data mark. */
  scope: string;
  industry: readonly [code: string, label: string];
}

/** A project's name, scope and industry from one of its domain's templates. */
export function drawProject(rng: Rng, spec: DomainSpec, region: RegionInfo): DrawnProject {
  const template = rng.pick(spec.templates);
  const vars: Record<string, string> = {};
  const name = fillTemplate(rng, template.name, region, vars);
  const scope = fillTemplate(rng, template.scope, region, vars);
  const industry =
    template.industry ?? PRODUCT_INDUSTRY.get(vars.product ?? '') ?? (['34', '装备制造'] as const);
  return { name, scope, industry };
}

const PHASES = ['二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "X二期项目", or with a phase already in the name, the next free phase ("（一期）" → "（二期）"). */
function phased(name: string, phase: string): string {
  if (/[一二三]期/.test(name)) return name.replace(/[一二三]期/, `${phase}期`);
  return /(项目|工程)$/.test(name) ? name.replace(/(项目|工程)$/, `${phase}期$1`) : `${name}${phase}期`;
}

/**
 * Draws until `keyOf(name)` is not in `taken` (then records it); after a few tries names the last
 * draw as a later phase of the same project ("…二期项目").
 */
export function uniqueDraw(
  taken: Set<string>,
  draw: () => DrawnProject,
  keyOf: (name: string) => string = (name) => name,
): DrawnProject {
  let last = draw();
  for (let i = 0; i < 6; i++, last = draw()) {
    if (!taken.has(keyOf(last.name))) {
      taken.add(keyOf(last.name));
      return last;
    }
  }
  for (let k = 0; ; k++) {
    const renamed = k < PHASES.length ? phased(last.name, PHASES[k]!) : `${last.name}（${k}）`;
    if (!taken.has(keyOf(renamed))) {
      taken.add(keyOf(renamed));
      return { ...last, name: renamed };
    }
  }
}

export function personName(rng: Rng): string {
  const given = rng.chance(0.75) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

export function projectOwner(rng: Rng, spec: DomainSpec, region: RegionInfo, gov: boolean): string {
  if (gov && spec.govOwners.length > 0) return fillTemplate(rng, rng.pick(spec.govOwners), region);
  return `${region.short}${rng.pick(BRANDS)}${rng.pick(spec.companyWords)}有限公司`;
}

export function dealInvestor(
  rng: Rng,
  origin: 'in_province' | 'out_of_province' | 'abroad',
  words: readonly string[],
) {
  const place =
    origin === 'abroad'
      ? rng.pick(INVESTOR_PLACES_ABROAD)
      : origin === 'out_of_province'
        ? rng.pick(INVESTOR_PLACES_OUT)
        : rng.pick(['河南', '郑州', '洛阳', '许昌', '新乡', '南阳']);
  return `${place}${rng.pick(BRANDS)}${rng.pick(words)}${rng.pick(INVESTOR_SUFFIXES)}`;
}
