// Server-side sessions, shared by every server instance on the same database.
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../query';
import { sessions, users } from '../schema-auth';
import type { UserRow } from './users';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Tx, row: SessionRow): Promise<void> {
  await db.insert(sessions).values(row);
}

/**
 * The session and its account, and the data version as it stands (src/db/data-version.ts): one round
 * trip for what every request reads first.
 */
export async function findSession(
  db: Tx,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow; dataVersion: string } | undefined> {
  const rows = await db
    .select({
      session: sessions,
      user: users,
      dataVersion: sql<string>`(select version::text from data_version where id)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return rows[0];
}

export async function touchSession(db: Tx, tokenHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Tx, tokenHash: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, tokenHash))
    .returning({ id: sessions.tokenHash });
  return rows.length;
}

/** Ends every session of an account (password change, disable, role change); returns how many. */
export async function deleteUserSessions(db: Tx, userId: number): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.tokenHash });
  return rows.length;
}

export async function deleteStaleSessions(
  db: Tx,
  userId: number,
  idleBefore: Date,
  now: Date,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.expiresAt, now))),
    );
}

/** Removes every session past its lifetime or idle limit (they are refused anyway; this keeps the table small). */
export async function purgeSessions(db: Tx, idleBefore: Date, now: Date): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.expiresAt, now)))
    .returning({ id: sessions.tokenHash });
  return rows.length;
}
