// Accounts, their project bindings and server-side sessions (security.md: identity, sessions),
// and who was in charge of each project when (project_leader_history, which names the account that
// made each change). One role per account: holding two of the three admin roles is impossible by
// construction.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { projects } from './schema';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    regionCode: varchar('region_code', { length: 6 }),
    /** `scrypt$N$r$p$salt$hash` (base64), so the cost can rise without breaking old hashes. */
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: stamp('password_changed_at').notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: stamp('locked_until'),
    /** The hour the failure cap counts in (from the first failure) and the attempts counted in it. */
    failureWindowStart: stamp('failure_window_start'),
    failureWindowCount: integer('failure_window_count').notNull().default(0),
    /** A generated one-time password (account created or reset) is refused after this time. */
    oneTimePasswordExpiresAt: stamp('one_time_password_expires_at'),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    totpLastStep: integer('totp_last_step'),
    /** Demo accounts only: an admin role without the second factor, flagged as such. */
    totpExempt: boolean('totp_exempt').notNull().default(false),
    demo: boolean('demo').notNull().default(false),
    lastLoginAt: stamp('last_login_at'),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    check(
      'users_role_check',
      sql`${t.role} in ('sysadmin', 'secadmin', 'auditor', 'province_officer', 'city_officer', 'county_officer', 'project_owner', 'leader', 'viewer')`,
    ),
    check(
      'users_region_check',
      sql`${t.role} not in ('province_officer', 'city_officer', 'county_officer', 'viewer') or ${t.regionCode} is not null`,
    ),
    check('users_totp_exempt_check', sql`not ${t.totpExempt} or ${t.demo}`),
  ],
);

/** Projects an account is bound to: a project owner's projects, a leader's explicit assignments. */
export const userProjects = pgTable(
  'user_projects',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.projectId] }),
    index('user_projects_project_idx').on(t.projectId),
  ],
);

/**
 * Who was in charge of a project (分包领导, projects.leader) from when to when, and which account
 * made the change (null: an import from the command line, the demo, or a row backfilled from before
 * this table). Written only by triggers on projects (migration 0007_project_leader_history): a row
 * opens when a project gets a leader and closes when the leader changes or is cleared.
 */
export const projectLeaderHistory = pgTable(
  'project_leader_history',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    leader: text('leader').notNull(),
    validFrom: stamp('valid_from').notNull(),
    /** Null while the leader is in charge. */
    validTo: stamp('valid_to'),
    changedBy: integer('changed_by').references(() => users.id),
  },
  (t) => [
    index('project_leader_history_project_idx').on(t.projectId, t.validFrom),
    // at most one leader in charge of a project at a time
    uniqueIndex('project_leader_history_open_key').on(t.projectId).where(sql`valid_to is null`),
  ],
);

/** Failed logins per source address in a fixed hour window (migration 0016_auth_hardening). */
export const loginSources = pgTable('login_sources', {
  address: text('address').primaryKey(),
  windowStart: stamp('window_start').notNull(),
  failures: integer('failures').notNull().default(0),
});

/** The hashes of an account's earlier passwords, so that a recent one is not chosen again. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    replacedAt: stamp('replaced_at').notNull(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.replacedAt)],
);

/** Only the sha256 of a session token is stored: a database read does not yield usable sessions. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: stamp('created_at').notNull(),
    lastSeenAt: stamp('last_seen_at').notNull(),
    expiresAt: stamp('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
