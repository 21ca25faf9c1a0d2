// Every check of a secret (password at login, current password at a change, TOTP code) is counted
// before it is evaluated (security.md: login failures; issue #14 item 4). Counted first, an attempt
// sent beside many others cannot slip past the lock, and a success only gives back its own count.

import { type AuditEntry, writeAudit } from '../../db/audit';
import {
  countAccountAttempt,
  countSourceAttempt,
  uncountAccountAttempt,
  uncountSourceAttempt,
} from '../../db/auth/login-attempts';
import { findUserById } from '../../db/auth/users';
import type { Database } from '../../db/client';
import type { AuditContext } from '../context';
import { AuthenticationError } from '../errors';
import { loadSettings, type Settings } from '../settings';

/** Attempts per account and hour, whatever the lock settings. */
export const MAX_FAILURES_PER_HOUR = 100;
/** Failed attempts per source address and hour, over all accounts (and unknown usernames). */
export const MAX_FAILURES_PER_SOURCE = 50;

export type Refusal = 'locked' | 'hourly_limit' | 'source_locked';

/**
 * An attempt counted while the lock is this fresh may have met a lock set by an attempt still being
 * evaluated (counted first, so the one that reached the limit locks before its password is
 * checked): it waits for that attempt to finish, up to this long, then counts again. Right
 * passwords sent at once (one account on several screens) thus never lock it; wrong ones still
 * stop at the limit, the rest refused unevaluated.
 */
const SETTLE_MS = 5_000;
const SETTLE_POLL_MS = 50;

export const LOCKED = () =>
  new AuthenticationError('account_locked', '登录失败次数过多，账户已临时锁定，请稍后再试');
export const SOURCE_LOCKED = () =>
  new AuthenticationError('source_locked', '来自该地址的登录失败次数过多，请一小时后再试');

export type Counted =
  | { refused: Refusal }
  | { refused: null; failures: number; lockedUntil: Date | null; done: (outcome: Outcome) => Promise<void> };

/**
 * `ok`: the secret was right, the consecutive count before it is taken back; `partial`: right so
 * far (a second factor follows, or the account is disabled), only its own place is taken back;
 * `failed`: it stays counted.
 */
export type Outcome = 'ok' | 'partial' | 'failed';

/** Counts one attempt from the source address (if any), then against the account (if any). */
export async function countAttempt(
  database: Database,
  ctx: AuditContext,
  account: { id: number } | null,
  settings: Settings,
): Promise<Counted> {
  const { db } = database;
  const source = ctx.ip;
  if (source && !(await countSourceAttempt(db, source, ctx.now, MAX_FAILURES_PER_SOURCE))) {
    return { refused: 'source_locked' };
  }
  const limits = {
    maxFailures: settings['login.maxFailures'],
    lockMs: settings['login.lockMinutes'] * 60_000,
    hourlyCap: MAX_FAILURES_PER_HOUR,
  };
  const count = () => countAccountAttempt(db, account!.id, ctx.now, limits);
  let counted = account ? await count() : { failures: 0, lockedUntil: null };
  const deadline = performance.now() + SETTLE_MS;
  let lifted = false;
  while (!counted && performance.now() < deadline) {
    const lock = await lockState(database, account!.id, ctx.now, limits);
    // A lock lifted since the refusal (its attempt succeeded): count again, once.
    if (lock === 'old' || (lock === 'none' && lifted)) break;
    if (lock === 'none') lifted = true;
    else await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    counted = await count();
  }
  if (!counted) {
    // The source's count stays: an attempt on a locked account is a failure of that source.
    return { refused: await refusalOf(database, account!.id, ctx.now) };
  }
  return {
    refused: null,
    ...counted,
    done: async (outcome) => {
      if (outcome === 'failed') return;
      const places = outcome === 'ok' ? counted.failures : 1;
      if (account) await uncountAccountAttempt(db, account.id, places, counted.lockedUntil);
      if (source) await uncountSourceAttempt(db, source);
    },
  };
}

/** The account's lock: none, set in the last SETTLE_MS (perhaps by an attempt still in flight), or older. */
async function lockState(
  database: Database,
  id: number,
  now: Date,
  limits: { lockMs: number },
): Promise<'none' | 'fresh' | 'old'> {
  const user = await findUserById(database.db, id);
  if (!user?.lockedUntil || user.lockedUntil <= now) return 'none';
  return user.lockedUntil.getTime() - limits.lockMs >= now.getTime() - SETTLE_MS ? 'fresh' : 'old';
}

/** Why a count was refused, read after the fact (the row read before may predate the lock). */
async function refusalOf(database: Database, id: number, now: Date): Promise<Refusal> {
  const user = await findUserById(database.db, id);
  return user?.lockedUntil && user.lockedUntil > now ? 'locked' : 'hourly_limit';
}

export const refusalError = (refusal: Refusal) => (refusal === 'source_locked' ? SOURCE_LOCKED() : LOCKED());

/**
 * A secret checked for a signed-in account (current password, TOTP code at enrolment): counted
 * like a login attempt first. A refusal or a wrong secret is audited as `failed` and thrown.
 */
export async function countedCheck(
  database: Database,
  ctx: AuditContext,
  account: { id: number },
  audit: Omit<AuditEntry, 'outcome' | 'details'>,
  failure: { reason: string; error: () => Error },
  check: () => Promise<boolean> | boolean,
): Promise<void> {
  const counted = await countAttempt(database, ctx, account, await loadSettings(database.db));
  if (counted.refused) {
    await writeAudit(database.db, { ...audit, outcome: 'failed', details: { reason: counted.refused } });
    throw refusalError(counted.refused);
  }
  if (await check()) {
    await counted.done('ok');
    return;
  }
  await writeAudit(database.db, {
    ...audit,
    outcome: 'failed',
    details: {
      reason: failure.reason,
      consecutive: counted.failures,
      lockedUntil: counted.lockedUntil?.toISOString() ?? null,
    },
  });
  throw counted.lockedUntil ? LOCKED() : failure.error();
}
