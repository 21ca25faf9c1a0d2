// The data version (migration 0018_data_version): one number that changes when a transaction that
// wrote figures commits. Cached reads (src/services/read-cache.ts) are keyed by it.
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from './query';

/**
 * The tables whose writes leave the version alone: the audit log and its chain head, sessions and
 * sign-in bookkeeping, the accounts themselves (a sign-in writes to them; a cached answer that
 * depends on an account keys by it), messages and the reminder records, and the version's own.
 * Every other table of schema public carries the `data_version_mark` trigger (checked against the
 * catalogue by src/db/data-version.test.ts).
 */
export const UNVERSIONED_TABLES = [
  'audit_chain_head',
  'audit_log',
  'data_version',
  'data_version_marks',
  'login_sources',
  'messages',
  'password_history',
  'reminder_deliveries',
  'report_reminders',
  'sessions',
  'users',
] as const;

/** The version's own tables: the database's bookkeeping (a backup holds them; a restore moves the version on). */
export const DATA_VERSION_TABLES = ['data_version', 'data_version_marks'] as const;

/** The version now (as a string: it is a bigint of up to 13 digits, a clock in milliseconds). */
export async function dataVersion(db: Tx): Promise<string> {
  const [row] = await queryRows<{ version: string }>(
    db,
    sql`select version::text as version from data_version where id`,
  );
  return row?.version ?? '0';
}

/**
 * Moves the version on now (at the caller's commit): for writes that bypass the tables' triggers,
 * such as a restore, which loads its rows with the triggers switched off.
 */
export async function bumpDataVersion(db: Tx): Promise<void> {
  await db.execute(sql`select data_version_next()`);
}

/**
 * Empties the version's row (a restore, before it loads the backup's own row into the tables the
 * migrations just made); `bumpDataVersion` after the load gives the database a number of its own.
 */
export async function clearDataVersion(db: Tx): Promise<void> {
  const [present] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('public.data_version') is not null as present`,
  );
  if (present?.present) await db.execute(sql`delete from data_version`);
}
