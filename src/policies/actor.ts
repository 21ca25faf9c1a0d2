// Who is asking: the account, its role, and what it is bound to, resolved once per request.
import type { Role } from './roles';

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  /** The region and all its descendants (empty for roles not bound to a region). */
  scope: ReadonlySet<string>;
  /** Projects bound to the account: a project owner's projects, a leader's explicit assignments. */
  projectIds: ReadonlySet<number>;
}

/** Where a record sits, for rules that only look at the region. */
export interface RegionTarget {
  regionCode: string;
}

/** A project, or a record hanging off one (report, approval item, issue). */
export interface ProjectTarget {
  projectId: number;
  regionCode: string;
  leader: string | null;
  /** The region whose officer reviews this project's reports: the parent of its region, or the province itself. */
  reviewRegionCode: string;
}

/** An account acted on: who it is and the role it holds (三员分立: the role decides who may act on it). */
export interface UserTarget {
  id: number;
  role: Role;
}

export function inScope(actor: Actor, regionCode: string): boolean {
  return actor.scope.has(regionCode);
}

/** A project owner's own project, or a project assigned to a leader (by name or explicitly). */
export function isBoundTo(actor: Actor, project: ProjectTarget): boolean {
  if (actor.projectIds.has(project.projectId)) return true;
  return actor.role === 'leader' && project.leader !== null && project.leader === actor.displayName;
}
