// Turns an account row into the Actor the policies judge: its region scope and bound projects.

import { type UserRow, userProjectIds } from '../../db/auth/users';
import type { Database } from '../../db/client';
import { descendantsOf } from '../../domain/regions';
import type { Actor } from '../../policies/actor';
import { needsRegion, type Role } from '../../policies/roles';
import { regionTree } from '../region-tree';

export async function actorOf(database: Database, user: UserRow): Promise<Actor> {
  const role = user.role as Role;
  const scope =
    needsRegion(role) && user.regionCode ? descendantsOf(await regionTree(database), user.regionCode) : [];
  const projectIds =
    role === 'project_owner' || role === 'leader' ? await userProjectIds(database.db, user.id) : [];
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
    regionCode: user.regionCode,
    scope: new Set(scope),
    projectIds: new Set(projectIds),
  };
}
