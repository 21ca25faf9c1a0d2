// Passwords over time (issue #14 item 14, the account parts): a one-time password (issued when an
// account is created or reset) is refused after 24 hours; none of the last 5 passwords is chosen again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import {
  Client,
  createTestAccount,
  loginAs,
  startServer,
  TEST_PASSWORD,
  type TestServer,
} from '../../../test/helpers/http';
import type { Database } from '../../db/client';

const HOUR = 3_600_000;
const CHOSEN = [
  'Songshan#Peak2021',
  'Longmen#Grotto22',
  'Baima#Temple2023',
  'Yellow#River2024',
  'Peony#Garden2025',
];

describe.each(testDatabases())('one-time passwords and password history on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let serial = 0;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    server = await startServer(database);
    await createTestAccount(database, { username: 'sys1', role: 'sysadmin' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  /** The system administrator, signed in afresh (the tests move the clock past the idle timeout). */
  const sysadmin = () => loginAs(server, { username: 'sys1', role: 'sysadmin' });
  const resetPassword = async (id: number) => {
    const reply = await (await sysadmin()).post(`/api/users/${id}/reset-password`);
    expect(reply.status).toBe(200);
    return reply.body.password as string;
  };
  const createViewer = async () => {
    const reply = await (await sysadmin()).post('/api/users', {
      username: `pw${++serial}`,
      role: 'viewer',
      regionCode: '410300',
    });
    expect(reply.status).toBe(201);
    return reply.body as { account: { id: number; username: string }; password: string };
  };

  it('refuses a one-time password from account creation after 24 hours, accepts it before', async () => {
    const early = await createViewer();
    const late = await createViewer();
    const start = server.clock();
    server.clock.set(new Date(start.getTime() + 24 * HOUR - 60_000));
    const inTime = await new Client(server.url).login(early.account.username, early.password);
    expect(inTime.status).toBe(200);
    expect(inTime.body.user.pending).toBe('password_change');
    server.clock.set(new Date(start.getTime() + 24 * HOUR + 1000));
    const expired = await new Client(server.url).login(late.account.username, late.password);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('one_time_password_expired');
    expect(expired.body.error.message).toContain('24 小时');
    // A new reset issues a new one-time password, valid for another 24 hours.
    const again = await resetPassword(late.account.id);
    expect((await new Client(server.url).login(late.account.username, again)).status).toBe(200);
  });

  it('refuses a one-time password from a reset after 24 hours; a password the user chose does not expire so', async () => {
    const created = await createViewer();
    const user = new Client(server.url);
    await user.login(created.account.username, created.password);
    const changed = await user.post('/api/auth/password', {
      currentPassword: created.password,
      newPassword: TEST_PASSWORD,
    });
    expect(changed.status).toBe(200);
    const reset = await resetPassword(created.account.id);
    server.clock.advance(24 * HOUR + 1000);
    const expired = await new Client(server.url).login(created.account.username, reset);
    expect(expired.body.error?.code).toBe('one_time_password_expired');
    const chosen = await createTestAccount(database, {
      username: `pw${++serial}`,
      role: 'viewer',
      regionCode: '410300',
    });
    server.clock.advance(48 * HOUR);
    expect((await new Client(server.url).login(`pw${serial}`)).status).toBe(200);
    expect(chosen).toBeGreaterThan(0);
  });

  it('refuses any of the last 5 passwords, the current one included, and accepts the sixth back', async () => {
    const username = `pw${++serial}`;
    await createTestAccount(database, { username, role: 'viewer', regionCode: '410300' });
    const client = new Client(server.url);
    expect((await client.login(username)).status).toBe(200);
    let current = TEST_PASSWORD;
    const change = async (newPassword: string) => {
      const reply = await client.post('/api/auth/password', { currentPassword: current, newPassword });
      // A change ends the session and issues a new one, with its own CSRF token.
      if (reply.status === 200) client.csrf = reply.body.csrfToken;
      return reply;
    };
    // TEST_PASSWORD, then four chosen: five passwords in all, the last of them current.
    for (const next of CHOSEN.slice(0, 4)) {
      expect((await change(next)).status).toBe(200);
      current = next;
    }
    for (const old of [TEST_PASSWORD, ...CHOSEN.slice(0, 4)]) {
      const refused = await change(old);
      expect(refused.status, old).toBe(422);
      expect(JSON.stringify(refused.body.error.details)).toMatch(/最近 5 次|当前密码/);
    }
    // One more change pushes TEST_PASSWORD out of the last five.
    expect((await change(CHOSEN[4]!)).status).toBe(200);
    current = CHOSEN[4]!;
    expect((await change(TEST_PASSWORD)).status).toBe(200);
  });

  it('keeps the password a reset replaced in the history', async () => {
    const username = `pw${++serial}`;
    const id = await createTestAccount(database, { username, role: 'viewer', regionCode: '410300' });
    const reset = await resetPassword(id);
    const client = new Client(server.url);
    expect((await client.login(username, reset)).status).toBe(200);
    const back = await client.post('/api/auth/password', {
      currentPassword: reset,
      newPassword: TEST_PASSWORD,
    });
    expect(back.status).toBe(422);
  });
});
