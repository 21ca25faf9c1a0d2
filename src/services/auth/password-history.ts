// Password history (issue #14 item 14): none of the last 5 passwords an account chose may be chosen
// again. One-time passwords (issued at creation or reset) are not the user's choice and do not count.
import { recentPasswordHashes, rememberPasswordHash } from '../../db/auth/password-history';
import type { UserRow } from '../../db/auth/users';
import type { Tx } from '../../db/query';
import { verifyPassword } from './password-hash';

export const PASSWORD_HISTORY = 5;
/** How long a generated one-time password may be used to sign in. */
export const ONE_TIME_PASSWORD_HOURS = 24;

export const oneTimePasswordExpiry = (now: Date) =>
  new Date(now.getTime() + ONE_TIME_PASSWORD_HOURS * 3_600_000);

/** The policy problem of a new password that is one of the last five, if it is. */
export async function reuseProblem(db: Tx, user: UserRow, password: string): Promise<string | null> {
  const chosen = user.mustChangePassword ? [] : [user.passwordHash];
  const hashes = [...chosen, ...(await recentPasswordHashes(db, user.id, PASSWORD_HISTORY))].slice(
    0,
    PASSWORD_HISTORY,
  );
  for (const hash of hashes) {
    if (await verifyPassword(password, hash))
      return `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`;
  }
  return null;
}

/** Called when a password is replaced: one the user chose joins the history. */
export async function rememberReplacedPassword(tx: Tx, user: UserRow, now: Date): Promise<void> {
  if (user.mustChangePassword) return;
  await rememberPasswordHash(tx, user.id, user.passwordHash, now, PASSWORD_HISTORY);
}
