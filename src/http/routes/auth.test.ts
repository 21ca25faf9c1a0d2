import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import {
  Client,
  createTestAccount,
  nextTotp,
  startServer,
  TEST_PASSWORD,
  type TestServer,
} from '../../../test/helpers/http';
import { updateUser } from '../../db/auth/users';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/query';
import { createAccount } from '../../services/auth/accounts';
import { hashToken } from '../../services/auth/sessions';
import { totp } from '../../services/auth/totp';
import { updateSettings } from '../../services/settings';

const MINUTE = 60_000;

describe.each(testDatabases())('authentication on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let counter = 0;
  let username = '';

  const auditRows = (action: string, who: string) =>
    queryRows<{ outcome: string; details: { reason?: string } | null; ip: string | null }>(
      database.db,
      sql`select outcome, details, ip from audit_log where action = ${action} and target_id = ${who} order by id`,
    );

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    server = await startServer(database);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });
  beforeEach(async () => {
    server.clock.set(new Date());
    username = `officer${++counter}`;
    await createTestAccount(database, { username, role: 'city_officer', regionCode: '410300' });
  });

  it('logs in with an HttpOnly, SameSite=Strict cookie whose token is stored only hashed', async () => {
    const client = new Client(server.url);
    const reply = await client.login(username);
    expect(reply.status).toBe(200);
    expect(reply.body.user).toMatchObject({
      username,
      role: 'city_officer',
      regionCode: '410300',
      pending: null,
    });
    expect(reply.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = reply.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^sibi_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    const token = client.cookie.slice('sibi_session='.length);
    const stored = await queryRows<{ token_hash: string }>(database.db, sql`select token_hash from sessions`);
    expect(stored.map((r) => r.token_hash)).toContain(hashToken(token));
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.capabilities['report.review']).toBe(true);
    expect(me.body.user.capabilities['audit.read']).toBe(false);
    expect((await auditRows('auth.login', username)).map((r) => [r.outcome, r.ip])).toEqual([
      ['ok', '127.0.0.1'],
    ]);
  });

  it('marks the cookie Secure when the deployment says it runs behind TLS', async () => {
    const ctx = { actor: 'test', ip: null, now: new Date() };
    await updateSettings(database, ctx, { 'session.secureCookie': true });
    try {
      const reply = await new Client(server.url).login(username);
      expect(reply.status).toBe(200);
      expect(reply.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await updateSettings(database, ctx, { 'session.secureCookie': false });
    }
  });

  it('answers a wrong password and an unknown account alike, and audits both', async () => {
    const client = new Client(server.url);
    const wrong = await client.login(username, 'Wrong#Password1');
    const unknown = await client.login('nobody_here', 'Wrong#Password1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      error: { code: 'login_failed', message: '用户名或密码错误', details: null },
    });
    expect(unknown.body).toEqual(wrong.body);
    expect((await auditRows('auth.login', username)).map((r) => [r.outcome, r.details?.reason])).toEqual([
      ['failed', 'bad_password'],
    ]);
    expect((await auditRows('auth.login', 'nobody_here')).map((r) => r.details?.reason)).toEqual([
      'unknown_user',
    ]);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('unauthenticated');
  });

  it('locks the account after 5 consecutive failures for 15 minutes', async () => {
    const client = new Client(server.url);
    for (let i = 1; i <= 4; i++)
      expect((await client.login(username, 'Wrong#Password1')).body.error.code).toBe('login_failed');
    const fifth = await client.login(username, 'Wrong#Password1');
    expect(fifth.status).toBe(401);
    expect(fifth.body.error.code).toBe('account_locked');
    const whileLocked = await client.login(username);
    expect(whileLocked.status).toBe(401);
    expect(whileLocked.body.error.code).toBe('account_locked');
    server.clock.advance(14 * MINUTE);
    expect((await client.login(username)).body.error.code).toBe('account_locked');
    server.clock.advance(MINUTE + 1000);
    const after = await client.login(username);
    expect(after.status).toBe(200);
    const reasons = (await auditRows('auth.login', username)).map((r) => r.details?.reason ?? r.outcome);
    expect(reasons).toEqual([
      'bad_password',
      'bad_password',
      'bad_password',
      'bad_password',
      'bad_password',
      'locked',
      'locked',
      'ok',
    ]);
  });

  it('resets the consecutive count on success', async () => {
    const client = new Client(server.url);
    for (let i = 0; i < 4; i++) await client.login(username, 'Wrong#Password1');
    expect((await client.login(username)).status).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await client.login(username, 'Wrong#Password1')).body.error.code).toBe('login_failed');
  });

  it('never allows more than 100 failed tries per account per hour, whatever the lock settings', async () => {
    await updateSettings(
      database,
      { actor: 'test', ip: null, now: new Date() },
      { 'login.maxFailures': 1000 },
    );
    try {
      // 99 failures already counted this hour (as login counts them; a scrypt each would take half
      // a minute on a small machine), then the 100th over HTTP.
      await database.db.execute(
        sql`update users set failure_window_start = ${server.clock().toISOString()}::timestamptz,
            failure_window_count = 99 where username = ${username}`,
      );
      const client = new Client(server.url);
      const hundredth = await client.login(username, 'Wrong#Password1');
      expect(hundredth.status).toBe(401);
      expect(hundredth.body.error.code).toBe('login_failed');
      const correct = await client.login(username);
      expect(correct.status).toBe(401);
      expect(correct.body.error.code).toBe('account_locked');
      const rows = await auditRows('auth.login', username);
      expect(rows.filter((r) => r.details?.reason === 'bad_password')).toHaveLength(1);
      expect(rows.at(-1)?.details?.reason).toBe('hourly_limit');
    } finally {
      await updateSettings(
        database,
        { actor: 'test', ip: null, now: new Date() },
        { 'login.maxFailures': 5 },
      );
    }
  });

  it('rate-limits login attempts per IP address', async () => {
    const limited = await startServer(database, { loginRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const client = new Client(limited.url);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await client.login(username, 'Wrong#Password1')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const blocked = await client.login(username);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('ends a session idle for 30 minutes, and keeps one in use', async () => {
    const client = new Client(server.url);
    await client.login(username);
    server.clock.advance(29 * MINUTE);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    server.clock.advance(29 * MINUTE);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    server.clock.advance(30 * MINUTE + 1000);
    const expired = await client.get('/api/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('session_expired');
    expect(client.cookie).toBe('');
  });

  it('follows the idle timeout setting and ends every session at its absolute lifetime', async () => {
    const ctx = { actor: 'test', ip: null, now: new Date() };
    await updateSettings(database, ctx, { 'session.idleMinutes': 5 });
    try {
      const client = new Client(server.url);
      await client.login(username);
      server.clock.advance(6 * MINUTE);
      expect((await client.get('/api/auth/me')).status).toBe(401);
    } finally {
      await updateSettings(database, ctx, { 'session.idleMinutes': 30 });
    }
    const client = new Client(server.url);
    await client.login(username);
    for (let hour = 0; hour < 12; hour++) {
      for (let i = 0; i < 3; i++) {
        server.clock.advance(20 * MINUTE - 1000);
        if (hour < 11 || i < 2) expect((await client.get('/api/auth/me')).status).toBe(200);
      }
    }
    server.clock.advance(10 * MINUTE);
    const over = await client.get('/api/auth/me');
    expect(over.status).toBe(401);
    expect(over.body.error.code).toBe('session_expired');
  });

  it('ends the session on the server at logout: the old cookie is worth nothing', async () => {
    const client = new Client(server.url);
    await client.login(username);
    const copy = new Client(server.url);
    copy.cookie = client.cookie;
    const out = await client.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true });
    expect(out.headers.getSetCookie()[0]).toMatch(/^sibi_session=;/);
    const reuse = await copy.get('/api/auth/me');
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('unauthenticated');
    expect((await auditRows('auth.logout', username)).map((r) => r.outcome)).toEqual(['ok']);
  });

  it('ends every session at a password change and issues a new one', async () => {
    const a = new Client(server.url);
    const b = new Client(server.url);
    await a.login(username);
    await b.login(username);
    const oldA = a.cookie;
    const weak = await a.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'P@ssw0rd',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error).toEqual({
      code: 'rule_violation',
      message: '新密码不符合密码策略',
      details: ['密码过于常见，请换一个'],
    });
    const wrongCurrent = await a.post('/api/auth/password', {
      currentPassword: 'Nope#12345x',
      newPassword: 'Songshan#Peak77',
    });
    expect(wrongCurrent.status).toBe(422);
    const changed = await a.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Songshan#Peak77',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user.pending).toBeNull();
    expect(a.cookie).not.toBe(oldA);
    a.csrf = changed.body.csrfToken;
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    const stale = new Client(server.url);
    stale.cookie = oldA;
    expect((await stale.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(server.url).login(username)).status).toBe(401);
    expect((await new Client(server.url).login(username, 'Songshan#Peak77')).status).toBe(200);
    expect((await auditRows('auth.password', username)).map((r) => r.outcome)).toEqual([
      'rejected',
      'failed',
      'ok',
    ]);
    expect((await auditRows('auth.password', username))[0]!.details).toEqual({
      problems: ['密码过于常见，请换一个'],
    });
  });

  it('makes a new account change its password before anything else', async () => {
    await createAccount(
      database,
      { actor: 'test', ip: null, now: new Date() },
      { username: `${username}_new`, role: 'viewer', regionCode: '410300', password: TEST_PASSWORD },
    );
    const client = new Client(server.url);
    const reply = await client.login(`${username}_new`);
    expect(reply.status).toBe(200);
    expect(reply.body.user.pending).toBe('password_change');
    const blocked = await client.get('/api/regions');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change');
    const changed = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Songshan#Peak77',
    });
    expect(changed.status).toBe(200);
    client.csrf = changed.body.csrfToken;
    expect((await client.get('/api/regions')).status).toBe(200);
  });

  it('asks for a new password when it is older than the change period', async () => {
    const client = new Client(server.url);
    server.clock.advance(91 * 24 * 60 * MINUTE);
    const reply = await client.login(username);
    expect(reply.status).toBe(200);
    expect(reply.body.user.pending).toBe('password_expired');
    expect((await client.get('/api/regions')).body.error.code).toBe('password_expired');
  });

  it('refuses a write without the CSRF token, with a wrong one, or from a foreign Origin, and audits it', async () => {
    const client = new Client(server.url);
    await client.login(username);
    const csrf = client.csrf;
    client.csrf = '';
    const missing = await client.post('/api/auth/logout');
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf');
    client.csrf = `${csrf.slice(0, -1)}x`;
    expect((await client.post('/api/auth/logout')).status).toBe(403);
    client.csrf = csrf;
    const foreign = await client.request('POST', '/api/auth/logout', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const denied = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'denied.csrf' and actor = ${username}`,
    );
    expect(denied[0]!.n).toBe(3);
    expect((await client.post('/api/auth/logout')).status).toBe(200);
  });

  it('sends the security headers on every response, errors included', async () => {
    for (const path of ['/api/health', '/api/auth/me', '/api/nowhere']) {
      const reply = await new Client(server.url).get(path);
      expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
      expect(reply.headers.get('x-frame-options')).toBe('DENY');
      expect(reply.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('requires a TOTP code for admin roles: enrol once, then every login needs a fresh code', async () => {
    const admin = `${username}_sec`;
    await createAccount(
      database,
      { actor: 'test', ip: null, now: new Date() },
      { username: admin, role: 'secadmin', password: TEST_PASSWORD, mustChangePassword: false },
    );
    const client = new Client(server.url);
    const first = await client.login(admin);
    expect(first.status).toBe(200);
    expect(first.body.user.pending).toBe('totp_enrolment');
    expect((await client.get('/api/users')).body.error.code).toBe('totp_enrolment');
    const badPassword = await client.post('/api/auth/totp/enrol', { password: 'Wrong#Password1' });
    expect(badPassword.status).toBe(422);
    const enrol = await client.post('/api/auth/totp/enrol', { password: TEST_PASSWORD });
    expect(enrol.status).toBe(200);
    expect(enrol.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrol.body.uri).toBe(
      `otpauth://totp/sibi%20%E5%9B%9B%E6%AF%94%3A${admin}?secret=${enrol.body.secret}&issuer=sibi+%E5%9B%9B%E6%AF%94&algorithm=SHA1&digits=6&period=30`,
    );
    const wrong = await client.post('/api/auth/totp/verify', {
      code: '000000' === totp(enrol.body.secret, server.clock()) ? '111111' : '000000',
    });
    expect(wrong.status).toBe(422);
    const ok = await client.post('/api/auth/totp/verify', { code: totp(enrol.body.secret, server.clock()) });
    expect(ok.status).toBe(200);
    expect((await client.get('/api/auth/me')).body.user).toMatchObject({ pending: null, totpEnabled: true });
    const again = await client.post('/api/auth/totp/enrol', { password: TEST_PASSWORD });
    expect(again.status).toBe(409);

    const next = new Client(server.url);
    const noCode = await next.login(admin);
    expect(noCode.status).toBe(401);
    expect(noCode.body.error.code).toBe('totp_required');
    const code = nextTotp(server.clock, enrol.body.secret);
    expect((await next.login(admin, TEST_PASSWORD, code)).status).toBe(200);
    const replay = await new Client(server.url).login(admin, TEST_PASSWORD, code);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('login_failed');
  });

  it('lets a disabled account not log in, and demo admin accounts skip TOTP only when flagged', async () => {
    const id = await createTestAccount(database, {
      username: `${username}_off`,
      role: 'viewer',
      regionCode: '410300',
    });
    await updateUser(database.db, id, { disabled: true });
    const off = await new Client(server.url).login(`${username}_off`);
    expect(off.status).toBe(401);
    expect(off.body.error.code).toBe('account_disabled');
    await createAccount(
      database,
      { actor: 'test', ip: null, now: new Date() },
      {
        username: `${username}_demo`,
        role: 'auditor',
        password: TEST_PASSWORD,
        mustChangePassword: false,
        demo: true,
      },
    );
    // Only a server started with --demo signs demo accounts in (auth-demo.test.ts).
    const demoServer = await startServer(database, { demo: true });
    try {
      const demo = await new Client(demoServer.url).login(`${username}_demo`);
      expect(demo.status).toBe(200);
      expect(demo.body.user).toMatchObject({ demo: true, pending: null, totpEnabled: false });
    } finally {
      await demoServer.close();
    }
    await expect(
      database.db.execute(sql`update users set totp_exempt = true where username = ${username}`),
    ).rejects.toThrow();
  });
});
