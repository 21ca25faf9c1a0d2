// Demo accounts only in demo mode (issue #14 item 12): a database once served with --demo keeps its
// demo accounts (one published password, admin roles without TOTP); served without --demo, they
// neither sign in nor keep their sessions. Administrators outside demo mode enrol TOTP at first login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import { Client, startServer, type TestServer } from '../../../test/helpers/http';
import type { Database } from '../../db/client';
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../services/auth/demo-accounts';
import { ensureInitialAdmin, INITIAL_ADMIN } from '../../services/auth/initial-admin';

describe.each(testDatabases())('demo accounts and demo mode on $name', (target: TestDatabase) => {
  let database: Database;
  let demo: TestServer;
  let plain: TestServer;
  let adminPassword: string | null = null;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    adminPassword = await ensureInitialAdmin(database, new Date());
    await ensureDemoAccounts(database, new Date());
    demo = await startServer(database, { demo: true });
    plain = await startServer(database);
  });
  afterAll(async () => {
    await demo.close();
    await plain.close();
    await database.close();
  });

  it('signs demo accounts in only on a server started with --demo', async () => {
    for (const username of ['demo_county', 'demo_sysadmin', 'demo_auditor']) {
      const inDemo = await new Client(demo.url).login(username, DEMO_PASSWORD);
      expect(inDemo.status, username).toBe(200);
      expect(inDemo.body.user.demo).toBe(true);
      const outside = await new Client(plain.url).login(username, DEMO_PASSWORD);
      expect(outside.status, username).toBe(401);
      expect(outside.body.error.code).toBe('demo_account');
      expect(outside.body.error.message).toContain('--demo');
    }
  });

  it('ends a demo session on a server without --demo', async () => {
    const client = new Client(demo.url);
    expect((await client.login('demo_city', DEMO_PASSWORD)).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    // The same database and cookie, a server without --demo (a restart without the flag).
    const moved = new Client(plain.url);
    moved.cookie = client.cookie;
    const me = await moved.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('demo_account');
  });

  it('makes the administrator of a deployment change the password and enrol TOTP before anything else', async () => {
    expect(adminPassword).not.toBeNull();
    const client = new Client(plain.url);
    const first = await client.login(INITIAL_ADMIN, adminPassword!);
    expect(first.body.user).toMatchObject({ demo: false, pending: 'password_change' });
    const changed = await client.post('/api/auth/password', {
      currentPassword: adminPassword,
      newPassword: 'Songshan#Peak2021',
    });
    expect(changed.body.user.pending).toBe('totp_enrolment');
    client.csrf = changed.body.csrfToken;
    const users = await client.get('/api/users');
    expect(users.status).toBe(403);
    expect(users.body.error.code).toBe('totp_enrolment');
  });
});
