// What a list, search, export or statistic may include, as data the SQL layer turns into a
// WHERE clause: rows out of scope are filtered in the database, never after.
import type { Actor } from './actor';
import { isOfficer } from './roles';

export type Visibility =
  | { kind: 'regions'; regionCodes: readonly string[] }
  | { kind: 'projects'; projectIds: readonly number[]; leaderName: string | null }
  | { kind: 'none' };

/** Projects and the records hanging off them (reports, approval items, issues). */
export function projectVisibility(actor: Actor): Visibility {
  if (isOfficer(actor.role) || actor.role === 'viewer')
    return { kind: 'regions', regionCodes: [...actor.scope] };
  if (actor.role === 'project_owner')
    return { kind: 'projects', projectIds: [...actor.projectIds], leaderName: null };
  if (actor.role === 'leader') {
    return { kind: 'projects', projectIds: [...actor.projectIds], leaderName: actor.displayName };
  }
  return { kind: 'none' };
}

/** Region ledgers (deals, reserve projects): region-bound roles only. */
export function regionVisibility(actor: Actor): Visibility {
  if (isOfficer(actor.role) || actor.role === 'viewer')
    return { kind: 'regions', regionCodes: [...actor.scope] };
  return { kind: 'none' };
}

/** Self-scores (自评分): the province office reads all of its province (null: no unit filter), other officers the units in their scope. */
export function selfScoreUnits(actor: Actor): readonly string[] | null {
  if (actor.role === 'province_officer') return null;
  if (isOfficer(actor.role)) return [...actor.scope];
  return [];
}
