// Login attempts counted before they are evaluated (security.md: login failures). Each count is one
// conditional statement, so attempts sent at once are each counted and none is evaluated past the
// limit: the row lock (PostgreSQL) or the single connection (PGlite) orders them.
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../query';

const HOUR_MS = 3_600_000;

export interface AccountLimits {
  /** Consecutive failures that lock the account (setting login.maxFailures). */
  maxFailures: number;
  lockMs: number;
  /** Attempts counted per account in an hour, whatever the lock settings. */
  hourlyCap: number;
}

export interface CountedAttempt {
  /** Consecutive failures with this attempt counted as one. */
  failures: number;
  /** Set when this attempt reached the limit: it is evaluated, the next ones are not. */
  lockedUntil: Date | null;
}

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Counts one attempt against the account unless it is locked or at its hourly cap; undefined when
 * refused (the attempt must not be evaluated). A lock that has run out starts the count again.
 */
export async function countAccountAttempt(
  db: Tx,
  id: number,
  now: Date,
  limits: AccountLimits,
): Promise<CountedAttempt | undefined> {
  const hourAgo = at(new Date(now.getTime() - HOUR_MS));
  const expired = sql`(locked_until is not null and locked_until <= ${at(now)})`;
  const next = sql`(case when ${expired} then 1 else failed_logins + 1 end)`;
  const newWindow = sql`(failure_window_start is null or failure_window_start <= ${hourAgo})`;
  const rows = await queryRows<{ failures: number; locked_until: string | Date | null }>(
    db,
    sql`update users set
          failed_logins = ${next},
          locked_until = case when ${next} >= ${limits.maxFailures}
            then ${at(new Date(now.getTime() + limits.lockMs))} else null end,
          failure_window_count = case when ${newWindow} then 1 else failure_window_count + 1 end,
          failure_window_start = case when ${newWindow} then ${at(now)} else failure_window_start end
        where id = ${id}
          and (locked_until is null or locked_until <= ${at(now)})
          and (${newWindow} or failure_window_count < ${limits.hourlyCap})
        returning failed_logins as failures, locked_until`,
  );
  const row = rows[0];
  if (!row) return undefined;
  return { failures: row.failures, lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
}

/**
 * An attempt counted was not a failure: `places` failures are taken back (the attempt's own place,
 * or for a success its place in the count: the failures before it, no longer consecutive), never
 * those counted after it. A lock is lifted only if this attempt set it (nothing was counted after).
 */
export async function uncountAccountAttempt(
  db: Tx,
  id: number,
  places: number,
  ownLock: Date | null,
): Promise<void> {
  const lifted = ownLock ? sql`locked_until = ${at(ownLock)}` : sql`false`;
  await db.execute(
    sql`update users set
          failed_logins = greatest(failed_logins - ${places}, 0),
          locked_until = case when ${lifted} then null else locked_until end,
          failure_window_count = greatest(failure_window_count - 1, 0)
        where id = ${id}`,
  );
}

/** Counts one attempt from a source address unless it has had `cap` failures this hour. */
export async function countSourceAttempt(db: Tx, address: string, now: Date, cap: number): Promise<boolean> {
  const stale = sql`login_sources.window_start <= ${at(new Date(now.getTime() - HOUR_MS))}`;
  const rows = await queryRows<{ failures: number }>(
    db,
    sql`insert into login_sources (address, window_start, failures) values (${address}, ${at(now)}, 1)
        on conflict (address) do update set
          failures = case when ${stale} then 1 else login_sources.failures + 1 end,
          window_start = case when ${stale} then ${at(now)} else login_sources.window_start end
        where ${stale} or login_sources.failures < ${cap}
        returning failures`,
  );
  return rows.length > 0;
}

export async function uncountSourceAttempt(db: Tx, address: string): Promise<void> {
  await db.execute(
    sql`update login_sources set failures = greatest(failures - 1, 0) where address = ${address}`,
  );
}

/** Single use of TOTP codes: records the step unless it is not after the last one accepted. */
export async function claimTotpStep(db: Tx, id: number, step: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update users set totp_last_step = ${step}
        where id = ${id} and (totp_last_step is null or totp_last_step < ${step})
        returning id`,
  );
  return rows.length > 0;
}
