// Account rows: lookups, inserts and versioned updates. No policy here, only SQL.
import { and, asc, count, eq, getTableColumns, ilike, or, sql } from 'drizzle-orm';
import { orderOf, type Page, type PageRequest, readPage, totalColumn } from '../paging';
import type { Tx } from '../query';
import { projects } from '../schema';
import { userProjects, users } from '../schema-auth';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export async function findUserByUsername(db: Tx, username: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.username, username));
  return rows[0];
}

export async function findUserById(db: Tx, id: number): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id));
  return rows[0];
}

/** Inserts unless the username exists (two instances creating the first admin at once). */
export async function insertUser(db: Tx, values: NewUser): Promise<UserRow | undefined> {
  const rows = await db
    .insert(users)
    .values(values)
    .onConflictDoNothing({ target: users.username })
    .returning();
  return rows[0];
}

/**
 * Updates one account; with `version` only if the row still has it (optimistic locking).
 * Returns the new row, or undefined when the row is gone or was changed meanwhile.
 */
export async function updateUser(
  db: Tx,
  id: number,
  patch: Partial<NewUser>,
  version?: number,
): Promise<UserRow | undefined> {
  const where = version === undefined ? eq(users.id, id) : and(eq(users.id, id), eq(users.version, version));
  const rows = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(where)
    .returning();
  return rows[0];
}

/** Counters that change on every login attempt; they do not move the version clients edit against. */
export async function recordLoginState(
  db: Tx,
  id: number,
  patch: Pick<Partial<NewUser>, 'failedLogins' | 'lockedUntil' | 'lastLoginAt' | 'totpLastStep'>,
): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function countUsers(db: Tx): Promise<number> {
  const rows = await db.select({ n: count() }).from(users);
  return rows[0]?.n ?? 0;
}

export async function userProjectIds(db: Tx, userId: number): Promise<number[]> {
  const rows = await db
    .select({ id: userProjects.projectId })
    .from(userProjects)
    .where(eq(userProjects.userId, userId));
  return rows.map((r) => r.id);
}

export async function userProjectCodes(db: Tx, userId: number): Promise<string[]> {
  const rows = await db
    .select({ code: projects.code })
    .from(userProjects)
    .innerJoin(projects, eq(projects.id, userProjects.projectId))
    .where(eq(userProjects.userId, userId))
    .orderBy(asc(projects.code));
  return rows.map((r) => r.code);
}

export async function setUserProjects(db: Tx, userId: number, projectIds: readonly number[]): Promise<void> {
  await db.delete(userProjects).where(eq(userProjects.userId, userId));
  if (projectIds.length > 0) {
    await db
      .insert(userProjects)
      .values([...new Set(projectIds)].map((projectId) => ({ userId, projectId })));
  }
}

export interface UserFilter {
  role?: string;
  regionCode?: string;
  disabled?: boolean;
  /** Part of the username or display name. */
  q?: string;
}

export async function listUsers(db: Tx, filter: UserFilter, request: PageRequest): Promise<Page<UserRow>> {
  const conditions = [
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.regionCode ? eq(users.regionCode, filter.regionCode) : undefined,
    filter.disabled === undefined ? undefined : eq(users.disabled, filter.disabled),
    filter.q
      ? or(
          ilike(users.username, `%${escapeLike(filter.q)}%`),
          ilike(users.displayName, `%${escapeLike(filter.q)}%`),
        )
      : undefined,
  ];
  return readPage(
    db
      .select({ ...getTableColumns(users), total: totalColumn() })
      .from(users)
      .where(and(...conditions))
      .orderBy(
        ...orderOf(
          request,
          {
            username: users.username,
            displayName: users.displayName,
            role: users.role,
            lastLoginAt: users.lastLoginAt,
          },
          [],
          users.id,
        ),
      ),
    request,
  );
}

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
