// The region tree: scopes (a region and its descendants) and evaluation units (a region's children).
import type { RegionKind, RegionRecord } from './records';

export interface RegionNode {
  code: string;
  name: string;
  parentCode: string | null;
  kind: RegionKind;
}

export const REGION_KIND_LABELS: Record<RegionKind, string> = {
  province: '省',
  city: '省辖市',
  demo_zone: '示范区',
  direct_county: '省直管县',
  county: '县区',
};

/** GB/T 2260: the province is the first two digits followed by 0000. */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

export function childrenOf(regions: readonly RegionNode[], parent: string): RegionNode[] {
  return regions.filter((r) => r.parentCode === parent).sort((a, b) => a.code.localeCompare(b.code));
}

/** Maps every region in the subtree of `root` (root included) to `root`. */
export function scopeMap(regions: readonly RegionNode[], root: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const code of descendantsOf(regions, root)) map.set(code, root);
  return map;
}

/** Maps every region under `parent` to the child of `parent` it belongs to (the evaluation unit). */
export function unitMap(regions: readonly RegionNode[], parent: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const child of childrenOf(regions, parent)) {
    for (const code of descendantsOf(regions, child.code)) map.set(code, child.code);
  }
  return map;
}

export function descendantsOf(regions: readonly RegionNode[], root: string): string[] {
  const byParent = new Map<string, string[]>();
  for (const r of regions) {
    if (!r.parentCode) continue;
    const list = byParent.get(r.parentCode) ?? [];
    list.push(r.code);
    byParent.set(r.parentCode, list);
  }
  const out: string[] = [];
  const stack = [root];
  const seen = new Set<string>();
  while (stack.length) {
    const code = stack.pop()!;
    if (seen.has(code)) continue;
    seen.add(code);
    out.push(code);
    stack.push(...(byParent.get(code) ?? []));
  }
  return out;
}

/**
 * Evaluation group of a unit: cities rank with the demo zone, directly-administered counties
 * by themselves, and under a city its districts (区) apart from its counties and county-level cities.
 */
export function evaluationGroup(region: RegionNode): string {
  switch (region.kind) {
    case 'city':
    case 'demo_zone':
      return 'city';
    case 'direct_county':
      return 'direct_county';
    case 'county':
      return /区$/.test(region.name) ? 'district' : 'county';
    default:
      return region.kind;
  }
}

export const GROUP_LABELS: Record<string, string> = {
  city: '省辖市（含济源示范区）',
  direct_county: '省直管县（市）',
  district: '市辖区',
  county: '县（市）',
};

/** A group's name for people ("省辖市（含济源示范区）"); an unknown id as it is. */
export function groupLabel(group: string): string {
  return GROUP_LABELS[group] ?? group;
}

/** Problems in a set of region records (parents missing, cycles, kind inconsistent with the tree). */
export function checkRegionTree(records: readonly RegionRecord[], existing: readonly RegionNode[]): string[] {
  const all = new Map<string, RegionNode>(existing.map((r) => [r.code, r]));
  for (const r of records) all.set(r.code, r);
  const problems: string[] = [];
  for (const r of records) {
    if (r.kind === 'province') {
      if (r.parentCode) problems.push(`${r.code}：省级地区不应有上级代码`);
      continue;
    }
    if (!r.parentCode) {
      problems.push(`${r.code}：缺少上级代码`);
      continue;
    }
    if (!all.has(r.parentCode)) problems.push(`${r.code}：上级代码 ${r.parentCode} 不存在`);
    if (provinceOf(r.parentCode) !== provinceOf(r.code))
      problems.push(`${r.code}：上级代码 ${r.parentCode} 不在同一省内`);
    const seen = new Set<string>([r.code]);
    let cursor = all.get(r.parentCode);
    while (cursor?.parentCode) {
      if (seen.has(cursor.code)) {
        problems.push(`${r.code}：上级关系形成循环`);
        break;
      }
      seen.add(cursor.code);
      cursor = all.get(cursor.parentCode);
    }
  }
  return problems;
}
