// Login (security.md: login failures, second factor): lock after N consecutive failures,
// never more than 100 failed tries per account per hour, TOTP for the admin roles.
import { writeAudit } from '../../db/audit';
import { claimTotpStep } from '../../db/auth/login-attempts';
import { findUserByUsername, recordLoginState, type UserRow } from '../../db/auth/users';
import type { Database } from '../../db/client';
import type { AuditContext } from '../context';
import { AuthenticationError } from '../errors';
import { loadSettings } from '../settings';
import { countAttempt, LOCKED, refusalError } from './attempts';
import { burnPasswordCheck, verifyPassword } from './password-hash';
import { ONE_TIME_PASSWORD_HOURS } from './password-history';
import { createSession, DEMO_ONLY, type NewSession, type PendingStep, pendingStep } from './sessions';
import { matchTotp } from './totp';

export interface LoginRequest {
  username: string;
  password: string;
  totp?: string;
  userAgent: string | null;
  /** The server was started with --demo: only then do demo accounts sign in. */
  demoMode?: boolean;
}

export interface LoginResult extends NewSession {
  user: UserRow;
  pending: PendingStep;
}

const FAILED = () => new AuthenticationError('login_failed', '用户名或密码错误');

export async function login(
  database: Database,
  ctx: AuditContext,
  request: LoginRequest,
): Promise<LoginResult> {
  const { db } = database;
  const username = request.username.trim().toLowerCase();
  const settings = await loadSettings(db);
  const fail = (reason: string, extra: Record<string, unknown> = {}) =>
    writeAudit(db, {
      actor: username.slice(0, 64),
      ip: ctx.ip,
      action: 'auth.login',
      targetType: 'user',
      targetId: username.slice(0, 64),
      outcome: 'failed',
      details: { reason, ...extra },
    });

  const user = await findUserByUsername(db, username);
  // Demo accounts have a published password: outside demo mode they do not sign in at all.
  if (user?.demo && !request.demoMode) {
    await fail('demo_account');
    throw DEMO_ONLY();
  }
  // Counted before anything is evaluated: attempts sent at once each take their place in the count.
  const counted = await countAttempt(database, ctx, user ?? null, settings);
  if (counted.refused) {
    // Refused unevaluated, without a hash: a locked source address costs the server nothing.
    await fail(counted.refused);
    throw refusalError(counted.refused);
  }
  if (!user) {
    await burnPasswordCheck(request.password);
    await fail('unknown_user');
    throw FAILED();
  }
  /** This attempt stays counted as a failure; the one that reached the limit says so. */
  const failed = async (reason: string) => {
    await fail(reason, {
      consecutive: counted.failures,
      lockedUntil: counted.lockedUntil?.toISOString() ?? null,
    });
    return counted.lockedUntil ? LOCKED() : FAILED();
  };
  if (!(await verifyPassword(request.password, user.passwordHash))) throw await failed('bad_password');
  if (user.disabled) {
    await counted.done('partial');
    await fail('disabled');
    throw new AuthenticationError('account_disabled', '账户已停用，请联系系统管理员');
  }

  if (user.oneTimePasswordExpiresAt && user.oneTimePasswordExpiresAt <= ctx.now) {
    await counted.done('partial');
    await fail('one_time_password_expired');
    throw new AuthenticationError(
      'one_time_password_expired',
      `一次性密码已过期（有效期 ${ONE_TIME_PASSWORD_HOURS} 小时），请联系系统管理员重新重置密码`,
    );
  }

  // Required of the admin roles (enrolment is forced at their first login); honoured for anyone enrolled.
  if (user.totpEnabled && !user.totpExempt) {
    if (!request.totp) {
      await counted.done('partial');
      throw new AuthenticationError('totp_required', '请输入动态验证码');
    }
    const step = matchTotp(user.totpSecret ?? '', request.totp, ctx.now);
    // A code is accepted once: the step is claimed in one conditional UPDATE, so of the same code
    // sent many times at once exactly one succeeds.
    if (step === null) throw await failed('bad_totp');
    if (!(await claimTotpStep(db, user.id, step))) throw await failed('bad_totp');
  }

  await counted.done('ok');
  return db.transaction(async (tx) => {
    await recordLoginState(tx, user.id, { lastLoginAt: ctx.now });
    const session = await createSession(
      tx,
      user.id,
      { ip: ctx.ip, userAgent: request.userAgent },
      ctx.now,
      settings,
    );
    const pending = pendingStep(user, settings, ctx.now);
    await writeAudit(tx, {
      actor: user.username,
      ip: ctx.ip,
      action: 'auth.login',
      targetType: 'user',
      targetId: user.username,
      outcome: 'ok',
      details: pending ? { pending } : null,
    });
    return { ...session, user, pending };
  });
}
