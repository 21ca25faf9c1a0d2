// The application role of docs/operations.md (scripts/app-role.sql, run as written): it writes audit
// rows — chained by the owner's trigger — and reads them, and nothing else on the audit log: UPDATE,
// DELETE, TRUNCATE, switching the append-only trigger off, and touching the chain head are refused.
// PGlite runs the PostgreSQL engine as a superuser, so there the role is always created. On the
// PostgreSQL server the connecting role needs CREATEROLE (the test role `sibi` has none: skipped there
// unless it is granted).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../test/helpers/cli';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { writeAudit } from './audit';
import type { Database } from './client';
import { queryRows, type Tx } from './query';
import { recordedLevel } from './version';

let counter = 0;

/** scripts/app-role.sql with psql's variables filled in and the role named for this test. */
function appRoleScript(role: string, database: string, owner: string): string[] {
  const text = readFileSync(join(ROOT, 'scripts', 'app-role.sql'), 'utf8')
    .replaceAll(':app_password', 'NULL')
    .replaceAll(':"DBNAME"', `"${database}"`)
    .replaceAll(':"owner"', `"${owner}"`)
    .replaceAll('sibi_app', role);
  return text
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What PostgreSQL answers when `work` runs as `role`, rolled back either way. */
async function asRole(database: Database, role: string, work: (tx: Tx) => Promise<unknown>): Promise<string> {
  const rollback = new Error('rollback');
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local role ${role}`));
      await work(tx);
      throw rollback;
    });
  } catch (error) {
    if (error === rollback) return 'ok';
    let e = error as { message: string; cause?: unknown };
    while (e.cause) e = e.cause as typeof e;
    return e.message;
  }
  return 'ok';
}

describe.each(testDatabases())('the application role on $name', (target: TestDatabase) => {
  let database: Database;
  let role: string;
  let canCreateRoles = false;

  beforeAll(async () => {
    database = await target.open();
    const [me] = await queryRows<{ user: string; db: string; can: boolean }>(
      database.db,
      sql`select current_user as user, current_database() as db,
                 (select rolsuper or rolcreaterole from pg_roles where rolname = current_user) as can`,
    );
    canCreateRoles = me!.can;
    // scripts/start-postgres.sh gives the test role CREATEROLE: in CI this test must not be skipped.
    if (!canCreateRoles && process.env.CI)
      throw new Error('the test role needs CREATEROLE (scripts/start-postgres.sh)');
    if (!canCreateRoles) return;
    role = `sibi_app_${process.pid}_${counter++}`;
    for (const statement of appRoleScript(role, me!.db, me!.user))
      await database.db.execute(sql.raw(statement));
    await database.db.execute(sql.raw(`grant ${role} to current_user`));
  });
  afterAll(async () => {
    if (canCreateRoles && role) {
      await database.db.execute(sql.raw(`drop owned by ${role}`));
      await database.db.execute(sql.raw(`drop role ${role}`));
    }
    await database.close();
  });

  it('writes and reads audit rows (chained) and reads the recorded version', async ({ skip }) => {
    if (!canCreateRoles) skip('the connecting role may not create roles (CREATEROLE)');
    const answer = await asRole(database, role, async (tx) => {
      await writeAudit(tx, { actor: 'app', action: 'test.app_role', outcome: 'ok' });
      const [row] = await queryRows<{ seq: string | null }>(
        tx,
        sql`select chain_seq::text as seq from audit_log where action = 'test.app_role'`,
      );
      expect(row?.seq).not.toBeNull();
      expect(await recordedLevel(tx)).not.toBeNull();
    });
    expect(answer).toBe('ok');
  });

  it.for([
    ['UPDATE', `update audit_log set actor = 'x'`, /permission denied for table audit_log/],
    ['DELETE', 'delete from audit_log', /permission denied for table audit_log/],
    ['TRUNCATE', 'truncate audit_log', /permission denied for table audit_log/],
    [
      'DISABLE TRIGGER',
      'alter table audit_log disable trigger audit_log_no_update',
      /must be owner of (table|relation) audit_log/,
    ],
    [
      'DISABLE TRIGGER (chain)',
      'alter table audit_log disable trigger audit_log_chain',
      /must be owner of (table|relation) audit_log/,
    ],
    [
      'DROP TRIGGER',
      'drop trigger audit_log_no_update on audit_log',
      /must be owner of (table|relation) audit_log/,
    ],
    [
      'UPDATE chain head',
      `update audit_chain_head set seq = 0`,
      /permission denied for table audit_chain_head/,
    ],
    [
      'UPDATE version',
      `update drizzle.schema_version set app_version = '0.0.0'`,
      /permission denied for table schema_version/,
    ],
  ] as const)('refuses %s on the audit log', async ([, statement, refusal], { skip }) => {
    if (!canCreateRoles) skip('the connecting role may not create roles (CREATEROLE)');
    await database.db.execute(
      sql`insert into audit_log (actor, action, outcome) values ('t', 'test.row', 'ok')`,
    );
    expect(await asRole(database, role, (tx) => tx.execute(sql.raw(statement)))).toMatch(refusal);
  });

  it('refuses a write to the chain head even from a role that was granted it', async () => {
    // The guard trigger, not a privilege: here as the owner (or superuser), who holds every grant.
    await database.db.execute(
      sql`insert into audit_log (actor, action, outcome) values ('t', 'test.row', 'ok')`,
    );
    for (const statement of [
      sql`update audit_chain_head set seq = 0`,
      sql`delete from audit_chain_head`,
      sql`insert into audit_chain_head (id, seq, hash) values (1, 0, '') on conflict (id) do nothing`,
    ]) {
      await expect(database.db.execute(statement)).rejects.toThrow();
    }
  });
});
