// Two server instances on one PostgreSQL share sessions: nothing another instance needs is
// kept in memory (architecture.md: running modes).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/client';
import { PG_ADMIN_URL } from './helpers/databases';
import { load, REGIONS } from './helpers/factories';
import { Client, createTestAccount, startServer, TEST_PASSWORD, type TestServer } from './helpers/http';

const available = process.env.SIBI_TEST_PG_AVAILABLE === '1';

describe.skipIf(!available)('two servers on one PostgreSQL', () => {
  const name = `sibi_two_${process.pid}_${Date.now()}`;
  let first: Database;
  let second: Database;
  let a: TestServer;
  let b: TestServer;

  async function admin(query: string) {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    await client.query(query);
    await client.end();
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    // Both instances migrate at start, as two servers would; the advisory lock serialises them.
    [first, second] = await Promise.all([
      openDatabase({ url: url.toString() }),
      openDatabase({ url: url.toString() }),
    ]);
    await load(first, 'regions', REGIONS);
    await createTestAccount(first, { username: 'shared1', role: 'city_officer', regionCode: '410300' });
    a = await startServer(first);
    b = await startServer(second);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await first?.close();
    await second?.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('accepts a session made on one instance on the other, and ends it everywhere at logout', async () => {
    const onA = new Client(a.url);
    expect((await onA.login('shared1', TEST_PASSWORD)).status).toBe(200);
    const onB = Object.assign(new Client(b.url), { cookie: onA.cookie, csrf: onA.csrf });
    const me = await onB.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'shared1', role: 'city_officer' });
    const created = await onB.post('/api/deals', {
      name: '跨实例签约',
      regionCode: '410300',
      origin: 'in_province',
      signedDate: '2020-06-01',
      contractAmount: 1000,
    });
    expect(created.status).toBe(201);
    const read = await onA.get(`/api/deals/${created.body.id}`);
    expect(read.body).toMatchObject({ name: '跨实例签约', version: 1 });
    expect((await onB.post('/api/auth/logout')).status).toBe(200);
    const after = await onA.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('locks an account for every instance after failures spread across them', async () => {
    for (let i = 0; i < 5; i++) await new Client(i % 2 ? a.url : b.url).login('shared1', 'Wrong#Password1');
    const locked = await new Client(a.url).login('shared1', TEST_PASSWORD);
    expect(locked.status).toBe(401);
    expect(locked.body.error.code).toBe('account_locked');
    expect((await new Client(b.url).login('shared1', TEST_PASSWORD)).body.error.code).toBe('account_locked');
  });
});
