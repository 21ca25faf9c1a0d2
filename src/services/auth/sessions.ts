// Sessions (security.md: sessions): a new random token at login, stored only as its sha256,
// ended on the server by logout, idle timeout, absolute lifetime, password change and disable.

import { createHash, randomBytes } from 'node:crypto';
import {
  deleteSession,
  deleteStaleSessions,
  findSession,
  insertSession,
  purgeSessions,
  type SessionRow,
  touchSession,
} from '../../db/auth/sessions';
import type { UserRow } from '../../db/auth/users';
import type { Database } from '../../db/client';
import type { Tx } from '../../db/query';
import { isAdminRole, type Role } from '../../policies/roles';
import { AuthenticationError } from '../errors';
import type { ReadCache } from '../read-cache';
import { loadSettings, type Settings } from '../settings';

export const SESSION_COOKIE = 'sibi_session';
/** lastSeenAt is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 30_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export type PendingStep = 'password_change' | 'password_expired' | 'totp_enrolment' | null;

export interface Authenticated {
  user: UserRow;
  session: SessionRow;
  settings: Settings;
  pending: PendingStep;
  /** The data version read with the session (before anything the request computes). */
  dataVersion: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  tx: Tx,
  userId: number,
  meta: { ip: string | null; userAgent: string | null },
  now: Date,
  settings: Settings,
): Promise<NewSession> {
  await deleteStaleSessions(
    tx,
    userId,
    new Date(now.getTime() - settings['session.idleMinutes'] * 60_000),
    now,
  );
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings['session.absoluteHours'] * 3_600_000);
  await insertSession(tx, {
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/** Admin roles need their second factor enrolled; demo accounts flagged exempt do not. */
export function needsTotpEnrolment(user: Pick<UserRow, 'role' | 'totpEnabled' | 'totpExempt'>): boolean {
  return isAdminRole(user.role as Role) && !user.totpEnabled && !user.totpExempt;
}

export function passwordExpired(
  user: Pick<UserRow, 'passwordChangedAt'>,
  settings: Settings,
  now: Date,
): boolean {
  const days = settings['password.maxAgeDays'];
  return days > 0 && now.getTime() - user.passwordChangedAt.getTime() > days * 86_400_000;
}

export function pendingStep(user: UserRow, settings: Settings, now: Date): PendingStep {
  if (user.mustChangePassword) return 'password_change';
  if (passwordExpired(user, settings, now)) return 'password_expired';
  if (needsTotpEnrolment(user)) return 'totp_enrolment';
  return null;
}

/** Demo accounts (a published password, admin roles without TOTP) live only in demo mode. */
export const DEMO_ONLY = () =>
  new AuthenticationError('demo_account', '演示账户只能在演示模式（sibi serve --demo）下使用');

/** `demoMode`: the server was started with --demo; otherwise a demo account's session ends. */
export async function authenticate(
  database: Database,
  token: string,
  now: Date,
  demoMode: boolean,
  cache?: ReadCache,
): Promise<Authenticated> {
  const found = token ? await findSession(database.db, hashToken(token)) : undefined;
  if (!found) throw new AuthenticationError('unauthenticated', '请先登录');
  const { session, user, dataVersion } = found;
  if (user.demo && !demoMode) {
    await deleteSession(database.db, session.tokenHash);
    throw DEMO_ONLY();
  }
  // Settings are a versioned table: kept per data version (a change moves it), read once per version.
  const settings = cache
    ? await cache.read('settings', dataVersion, () => loadSettings(database.db))
    : await loadSettings(database.db);
  const idleMs = settings['session.idleMinutes'] * 60_000;
  const expired = session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > idleMs;
  if (expired || user.disabled) {
    await deleteSession(database.db, session.tokenHash);
    throw new AuthenticationError('session_expired', user.disabled ? '账户已停用' : '会话已过期，请重新登录');
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(database.db, session.tokenHash, now);
  }
  return { user, session, settings, pending: pendingStep(user, settings, now), dataVersion };
}

export async function purgeExpiredSessions(database: Database, now: Date): Promise<number> {
  const settings = await loadSettings(database.db);
  return purgeSessions(database.db, new Date(now.getTime() - settings['session.idleMinutes'] * 60_000), now);
}
