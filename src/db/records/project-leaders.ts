// Who was in charge of a project when (project_leader_history, written by triggers on projects),
// and the setting through which a transaction names the account that makes its changes.
import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../query';
import { projectLeaderHistory, users } from '../schema-auth';

export interface LeaderTerm {
  leader: string;
  from: Date;
  /** Null while in charge. */
  to: Date | null;
  /** The display name of the account that made the change; null when not known. */
  changedBy: string | null;
}

/**
 * Names the account behind this transaction's writes for the history triggers (migration 0007).
 * Local to the transaction: call it inside the transaction that writes projects.
 */
export async function nameChangingUser(tx: Tx, userId: number | null | undefined): Promise<void> {
  await tx.execute(sql`select set_config('sibi.user_id', ${userId == null ? '' : String(userId)}, true)`);
}

/** A project's leaders, the earliest first. */
export async function listProjectLeaders(db: Tx, projectId: number): Promise<LeaderTerm[]> {
  return db
    .select({
      leader: projectLeaderHistory.leader,
      from: projectLeaderHistory.validFrom,
      to: projectLeaderHistory.validTo,
      changedBy: users.displayName,
    })
    .from(projectLeaderHistory)
    .leftJoin(users, eq(users.id, projectLeaderHistory.changedBy))
    .where(eq(projectLeaderHistory.projectId, projectId))
    .orderBy(asc(projectLeaderHistory.validFrom), asc(projectLeaderHistory.id));
}
