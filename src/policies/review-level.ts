// Which level reviews a project's monthly reports: the officer of the parent region (a city
// reviews its counties; the province its cities and directly-administered counties).
import type { RegionNode } from '../domain/regions';

export function reviewRegionOf(
  regions: readonly Pick<RegionNode, 'code' | 'parentCode'>[],
  regionCode: string,
): string {
  const region = regions.find((r) => r.code === regionCode);
  return region?.parentCode ?? regionCode;
}
