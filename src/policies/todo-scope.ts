// What each account owes in the month (待办), as scopes the SQL layer turns into WHERE clauses: the
// reports it fills (the same test as the report.fill rule), the reports it reviews (report.review),
// the units it watches for overdue reports, and the evaluation entries it may approve.
import { childrenOf, descendantsOf, provinceOf, type RegionNode } from '../domain/regions';
import type { Actor } from './actor';
import { reviewRegionOf } from './review-level';
import { isOfficer } from './roles';
import type { Visibility } from './visibility';

/** The projects whose reports the account fills: a project owner's own, an office's own region's. */
export function fillScope(actor: Actor): Visibility {
  if (actor.role === 'project_owner')
    return { kind: 'projects', projectIds: [...actor.projectIds], leaderName: null };
  if (isOfficer(actor.role) && actor.regionCode !== null)
    return { kind: 'regions', regionCodes: [actor.regionCode] };
  return { kind: 'none' };
}

/** The regions whose projects' reports the office reviews (the level below it; the province its own too). */
export function reviewScope(actor: Actor, regions: readonly RegionNode[]): string[] {
  if (!isOfficer(actor.role) || actor.regionCode === null) return [];
  return regions
    .filter((r) => actor.scope.has(r.code) && reviewRegionOf(regions, r.code) === actor.regionCode)
    .map((r) => r.code);
}

export interface WatchedUnit {
  code: string;
  name: string;
  /** The unit and its descendants: where its projects are. */
  regionCodes: string[];
}

/**
 * The units an office watches for overdue reports: the province its cities and directly-administered
 * counties, a city its counties (each with its subtree); a county office its own county.
 */
export function watchedUnits(actor: Actor, regions: readonly RegionNode[]): WatchedUnit[] {
  if (!isOfficer(actor.role) || actor.regionCode === null) return [];
  const own = regions.find((r) => r.code === actor.regionCode);
  if (!own) return [];
  const children = childrenOf(regions, own.code);
  const units = children.length > 0 ? children : [own];
  return units.map((unit) => ({
    code: unit.code,
    name: unit.name,
    regionCodes: unit.code === own.code ? [own.code] : descendantsOf(regions, unit.code),
  }));
}

/** The province whose 加分/扣分 entries the account may approve (the province office), or null. */
export function entryReviewProvince(actor: Actor): string | null {
  return actor.role === 'province_officer' && actor.regionCode !== null ? provinceOf(actor.regionCode) : null;
}
