// A signed-in user changes their own password: every session of the account ends and a new one
// is issued, so a stolen session does not survive the change.
import { writeAudit } from '../../db/audit';
import { deleteUserSessions } from '../../db/auth/sessions';
import { findUserById, updateUser } from '../../db/auth/users';
import type { Database } from '../../db/client';
import type { AuditContext } from '../context';
import { NotFoundError, RuleViolationError } from '../errors';
import { loadSettings } from '../settings';
import { countedCheck } from './attempts';
import { hashPassword, verifyPassword } from './password-hash';
import { rememberReplacedPassword, reuseProblem } from './password-history';
import { passwordProblems } from './password-policy';
import { createSession, type NewSession } from './sessions';

export interface PasswordChange {
  userId: number;
  currentPassword: string;
  newPassword: string;
  userAgent: string | null;
}

export async function changePassword(
  database: Database,
  ctx: AuditContext,
  change: PasswordChange,
): Promise<NewSession> {
  const { db } = database;
  const user = await findUserById(db, change.userId);
  if (!user) throw new NotFoundError('账户不存在');
  const settings = await loadSettings(db);
  const audit = {
    actor: user.username,
    ip: ctx.ip,
    action: 'auth.password',
    targetType: 'user',
    targetId: user.username,
  };
  // Counted like a login attempt: a stolen session cannot guess the password at leisure.
  await countedCheck(
    database,
    ctx,
    user,
    audit,
    {
      reason: 'bad_current_password',
      error: () => new RuleViolationError('当前密码不正确', ['当前密码不正确']),
    },
    () => verifyPassword(change.currentPassword, user.passwordHash),
  );
  const problems = passwordProblems(change.newPassword, {
    username: user.username,
    displayName: user.displayName,
    minLength: settings['password.minLength'],
  });
  if (change.newPassword === change.currentPassword) problems.push('新密码不能与当前密码相同');
  else {
    const reused = await reuseProblem(db, user, change.newPassword);
    if (reused) problems.push(reused);
  }
  if (problems.length > 0) {
    await writeAudit(db, { ...audit, outcome: 'rejected', details: { problems } });
    throw new RuleViolationError('新密码不符合密码策略', problems);
  }
  const passwordHash = await hashPassword(change.newPassword);
  return db.transaction(async (tx) => {
    await rememberReplacedPassword(tx, user, ctx.now);
    await updateUser(tx, user.id, {
      passwordHash,
      passwordChangedAt: ctx.now,
      mustChangePassword: false,
      oneTimePasswordExpiresAt: null,
    });
    const ended = await deleteUserSessions(tx, user.id);
    const session = await createSession(
      tx,
      user.id,
      { ip: ctx.ip, userAgent: change.userAgent },
      ctx.now,
      settings,
    );
    await writeAudit(tx, { ...audit, outcome: 'ok', details: { sessionsEnded: ended } });
    return session;
  });
}
