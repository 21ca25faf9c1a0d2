// The data version (migration 0018): it moves when a transaction that wrote figures commits — once,
// at the commit, whatever the statement (insert, update, delete, TRUNCATE) — and not for a rollback,
// nor for the tables of sessions, accounts, messages and the audit log; every other table carries
// the trigger (so a table added later without it fails here); a partitioned table keeps it; and on
// PostgreSQL another connection sees the old version until the commit, and concurrent writers of
// different rows do not wait for each other's commit.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL, type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, REGIONS } from '../../test/helpers/factories';
import { writeAudit } from './audit';
import type { Database } from './client';
import { bumpDataVersion, dataVersion, UNVERSIONED_TABLES } from './data-version';
import { queryRows } from './query';

describe.each(testDatabases({ partitioned: true }))('the data version on $label', (target: TestDatabase) => {
  let database: Database;
  const version = () => dataVersion(database.db);
  const setting = (key: string, value: unknown) =>
    database.db.execute(
      sql`insert into settings (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
          on conflict (key) do update set value = excluded.value`,
    );

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
  });
  afterAll(async () => database?.close());

  it('is carried by every table of schema public but the unversioned ones', async () => {
    const rows = await queryRows<{ name: string; marked: boolean }>(
      database.db,
      sql`select c.relname as name,
                 exists (select from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'data_version_mark') as marked
          from pg_class c
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
          order by c.relname`,
    );
    const unversioned: readonly string[] = UNVERSIONED_TABLES;
    expect(rows.filter((r) => !r.marked).map((r) => r.name)).toEqual([...UNVERSIONED_TABLES].sort());
    expect(rows.filter((r) => r.marked).length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.marked && unversioned.includes(r.name))).toEqual([]);
  });

  it('moves once a write commits, for each kind of statement, and never goes back', async () => {
    const seen = [await version()];
    await setting('test.a', 1); // insert
    seen.push(await version());
    await setting('test.a', 2); // update
    seen.push(await version());
    await database.db.execute(sql`delete from settings where key = 'test.a'`);
    seen.push(await version());
    await database.db.execute(sql`truncate evaluation_events`);
    seen.push(await version());
    for (let i = 1; i < seen.length; i++) expect(BigInt(seen[i]!)).toBeGreaterThan(BigInt(seen[i - 1]!));
  });

  it('stands still inside the writing transaction and after a rollback', async () => {
    const before = await version();
    const rollback = new Error('rollback');
    let inside = '';
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into settings (key, value) values ('test.b', '1'::jsonb)`);
        await tx.execute(sql`update settings set value = '2'::jsonb where key = 'test.b'`);
        inside = await dataVersion(tx);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(inside).toBe(before);
    expect(await version()).toBe(before);
    // A transaction of several statements commits one new version.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into settings (key, value) values ('test.b', '1'::jsonb)`);
      await tx.execute(sql`update settings set value = '2'::jsonb where key = 'test.b'`);
    });
    const after = await version();
    expect(BigInt(after)).toBeGreaterThan(BigInt(before));
    expect(await queryRows(database.db, sql`select * from data_version_marks`)).toEqual([]);
  });

  it('stands still for sessions, accounts, messages and the audit log', async () => {
    const before = await version();
    await database.db.execute(
      sql`insert into users (username, display_name, role, region_code, password_hash) values ('dv_user', '测试', 'viewer', '410300', 'x')`,
    );
    const [user] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from users where username = 'dv_user'`,
    );
    await database.db.execute(
      sql`insert into messages (user_id, kind, title, body) values (${user!.id}, 'test', '测试', '测试')`,
    );
    await database.db.execute(sql`update messages set read_at = now() where user_id = ${user!.id}`);
    await writeAudit(database.db, { actor: 'dv_user', action: 'auth.login', outcome: 'ok' });
    await database.db.execute(sql`update users set failed_logins = 1 where id = ${user!.id}`);
    expect(await version()).toBe(before);
  });

  it('moves on request (a restore loads its rows with the triggers off)', async () => {
    const before = await version();
    await bumpDataVersion(database.db);
    expect(BigInt(await version())).toBeGreaterThan(BigInt(before));
  });

  it.runIf(target.name === 'postgres')(
    'is seen moved by other connections only after the commit; writers of different rows do not wait for each other',
    async () => {
      const url = await urlOf(database);
      const a = new pg.Client({ connectionString: url });
      const b = new pg.Client({ connectionString: url });
      await a.connect();
      await b.connect();
      try {
        const before = await version();
        await a.query('begin');
        await a.query(`insert into settings (key, value) values ('test.c', '1'::jsonb)`);
        await b.query('begin');
        // b writes another row while a is still open: it must not queue behind a's marker or version.
        await b.query(`set local lock_timeout = '2s'`);
        await b.query(`insert into settings (key, value) values ('test.d', '1'::jsonb)`);
        expect(await version()).toBe(before);
        await b.query('commit');
        const afterB = await version();
        expect(BigInt(afterB)).toBeGreaterThan(BigInt(before));
        await a.query('commit');
        expect(BigInt(await version())).toBeGreaterThan(BigInt(afterB));
      } finally {
        await a.end();
        await b.end();
      }
    },
  );
});

/** The connection string of a test PostgreSQL database: the admin's, with this database's name. */
async function urlOf(database: Database): Promise<string> {
  const [row] = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${row!.name}`;
  return url.toString();
}
