// Login (security.md: login failures, second factor): lock after N consecutive failures,
// never more than 100 failed tries per account per hour, TOTP for the admin roles.
import { writeAudit } from '../../db/audit';
import { recentLoginFailures } from '../../db/auth/login-failures';
import {
  findUserByUsername,
  incrementFailedLogins,
  recordLoginState,
  type UserRow,
} from '../../db/auth/users';
import type { Database } from '../../db/client';
import type { Tx } from '../../db/query';
import type { AuditContext } from '../context';
import { AuthenticationError } from '../errors';
import { loadSettings, type Settings } from '../settings';
import { burnPasswordCheck, verifyPassword } from './password-hash';
import { createSession, type NewSession, type PendingStep, pendingStep } from './sessions';
import { matchTotp } from './totp';

export const MAX_FAILURES_PER_HOUR = 100;

export interface LoginRequest {
  username: string;
  password: string;
  totp?: string;
  userAgent: string | null;
}

export interface LoginResult extends NewSession {
  user: UserRow;
  pending: PendingStep;
}

const FAILED = () => new AuthenticationError('login_failed', '用户名或密码错误');
const LOCKED = () =>
  new AuthenticationError('account_locked', '登录失败次数过多，账户已临时锁定，请稍后再试');

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
  if (!user) {
    await burnPasswordCheck(request.password);
    await fail('unknown_user');
    throw FAILED();
  }
  if ((await recentLoginFailures(db, username)) >= MAX_FAILURES_PER_HOUR) {
    await fail('hourly_limit');
    throw LOCKED();
  }
  if (user.lockedUntil && user.lockedUntil > ctx.now) {
    await fail('locked');
    throw LOCKED();
  }
  const passwordOk = await verifyPassword(request.password, user.passwordHash);
  if (!passwordOk) throw await countFailure(database, ctx, user, settings, 'bad_password');
  if (user.disabled) {
    await fail('disabled');
    throw new AuthenticationError('account_disabled', '账户已停用，请联系系统管理员');
  }

  let totpStep: number | null = user.totpLastStep;
  // Required of the admin roles (enrolment is forced at their first login); honoured for anyone enrolled.
  if (user.totpEnabled && !user.totpExempt) {
    if (!request.totp) throw new AuthenticationError('totp_required', '请输入动态验证码');
    const step = matchTotp(user.totpSecret ?? '', request.totp, ctx.now);
    // A code is accepted once: a step not after the last accepted one is a replay.
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
      throw await countFailure(database, ctx, user, settings, 'bad_totp');
    }
    totpStep = step;
  }

  return db.transaction(async (tx) => {
    await recordLoginState(tx, user.id, {
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: ctx.now,
      totpLastStep: totpStep,
    });
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

/** One more consecutive failure; the one that reaches the limit locks the account. */
async function countFailure(
  database: Database,
  ctx: AuditContext,
  user: UserRow,
  settings: Settings,
  reason: string,
): Promise<AuthenticationError> {
  let failures = 0;
  let lockedUntil: Date | null = null;
  await database.db.transaction(async (tx: Tx) => {
    failures = await incrementFailedLogins(tx, user.id);
    if (failures >= settings['login.maxFailures']) {
      lockedUntil = new Date(ctx.now.getTime() + settings['login.lockMinutes'] * 60_000);
      await recordLoginState(tx, user.id, { failedLogins: 0, lockedUntil });
    }
    await writeAudit(tx, {
      actor: user.username,
      ip: ctx.ip,
      action: 'auth.login',
      targetType: 'user',
      targetId: user.username,
      outcome: 'failed',
      details: {
        reason,
        consecutive: failures,
        lockedUntil: (lockedUntil as Date | null)?.toISOString() ?? null,
      },
    });
  });
  return lockedUntil ? LOCKED() : FAILED();
}
