// The hashes of the passwords an account chose before its current one (security.md: password
// history). Only SQL here; the count kept and the comparison are in services/auth/password-history.ts.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../query';
import { passwordHistory } from '../schema-auth';

export async function recentPasswordHashes(db: Tx, userId: number, n: number): Promise<string[]> {
  const rows = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.replacedAt), desc(passwordHistory.id))
    .limit(n);
  return rows.map((r) => r.hash);
}

/** Keeps a replaced password's hash, and only the `keep` most recent ones of the account. */
export async function rememberPasswordHash(
  db: Tx,
  userId: number,
  passwordHash: string,
  replacedAt: Date,
  keep: number,
): Promise<void> {
  const [row] = await db
    .insert(passwordHistory)
    .values({ userId, passwordHash, replacedAt })
    .returning({ id: passwordHistory.id });
  await db.delete(passwordHistory).where(
    and(
      eq(passwordHistory.userId, userId),
      lt(passwordHistory.id, row!.id),
      sql`${passwordHistory.id} not in (
        select id from password_history where user_id = ${userId} order by replaced_at desc, id desc limit ${keep}
      )`,
    ),
  );
}
