// The load → authorize steps every record route takes: the role is checked before anything is
// loaded (so a role that may never act learns nothing), then the record against the rule.
import { descendantsOf } from '../domain/regions';
import type { Actor } from '../policies/actor';
import { authorize, authorizeRole, NotAllowedError } from '../policies/authorize';
import { needsRegion } from '../policies/roles';
import type { Action, ActionTargets } from '../policies/rules';
import { regionTree } from '../services/region-tree';
import type { AppDeps } from './request-auth';

export async function loadAuthorized<A extends Action, R extends { target: ActionTargets[A] }>(
  actor: Actor,
  action: A,
  load: () => Promise<R>,
): Promise<R> {
  authorizeRole(actor, action);
  const loaded = await load();
  authorize(actor, action, loaded.target);
  return loaded;
}

/**
 * The subtree of a `region=` filter. For region-bound roles it must lie in their scope (404
 * otherwise, as for any record out of scope); the list's own visibility still applies.
 */
export async function regionSubtree(
  deps: AppDeps,
  actor: Actor,
  region: string | undefined,
): Promise<string[] | undefined> {
  if (region === undefined) return undefined;
  if (needsRegion(actor.role) && !actor.scope.has(region)) throw new NotAllowedError(404, 'region.read');
  return descendantsOf(await regionTree(deps.database), region);
}
