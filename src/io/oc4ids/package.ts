// An OC4IDS 0.9 project package of a region's projects for a period, and its file name and text.
import type { Period } from '../../domain/period';
import { provinceOf, type RegionNode } from '../../domain/regions';
import { mapProject, regionFullName } from './map-project';
import type { Oc4idsPackage, Oc4idsSource } from './types';

/** The data licence the package declares (a default choice, see docs/oc4ids.md). */
export const OC4IDS_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

export interface PackageRequest {
  /** The exported region (its subtree). */
  region: RegionNode;
  period: Period;
  list: string;
  regions: readonly RegionNode[];
  /** Ordered by project code; at least one (an OC4IDS package holds one project or more). */
  sources: readonly Oc4idsSource[];
}

export function projectIdPrefix(regionCode: string): string {
  return `oc4ids-sibi-${provinceOf(regionCode)}`;
}

export function buildPackage(request: PackageRequest): Oc4idsPackage {
  const { region, period, list, sources } = request;
  const regions = new Map(request.regions.map((r) => [r.code, r]));
  const idPrefix = projectIdPrefix(region.code);
  // Generated on demand: the date of the last change to what the package holds (so the same data
  // gives the same bytes, whoever exports it and when).
  const publishedDate = sources
    .map((s) => s.updatedAt)
    .sort()
    .at(-1)!;
  return {
    uri: `urn:sibi:oc4ids:${region.code}:${period.id}:${encodeURIComponent(list)}`,
    publishedDate,
    publisher: { name: `${regionFullName(regions, region.code)}重点项目办` },
    license: OC4IDS_LICENSE,
    publicationPolicy: null,
    version: '0.9',
    projects: sources.map((source) => mapProject(source, { idPrefix, period, regions })),
  };
}

/** `oc4ids-410300-2020-09.json` */
export function packageFileName(regionCode: string, period: Period): string {
  return `oc4ids-${regionCode}-${period.id}.json`;
}

export function packageText(pkg: Oc4idsPackage): string {
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
