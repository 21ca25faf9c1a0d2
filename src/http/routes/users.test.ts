// Accounts and the three administrators: 系统管理员 manages accounts and report settings,
// 安全管理员 assigns roles and sets security policies, and nobody holds two of the three roles.
import { sql } from 'drizzle-orm';
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
import { queryRows } from '../../db/query';

describe.each(testDatabases())('accounts and roles on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let sysadmin: Client;
  let secadmin: Client;
  let sysadminId = 0;
  let secadminId = 0;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    server = await startServer(database);
    sysadminId = await createTestAccount(database, { username: 'sys1', role: 'sysadmin' });
    secadminId = await createTestAccount(database, { username: 'sec1', role: 'secadmin' });
    sysadmin = await loginAs(server, { username: 'sys1', role: 'sysadmin' });
    secadmin = await loginAs(server, { username: 'sec1', role: 'secadmin' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const createViewer = async (username: string) => {
    const reply = await sysadmin.post('/api/users', {
      username,
      displayName: '张三',
      role: 'viewer',
      regionCode: '410300',
    });
    expect(reply.status).toBe(201);
    return reply.body as { account: { id: number; version: number }; password: string };
  };

  it('creates an account with a one-time password that must be changed at first login', async () => {
    const created = await createViewer('zhang3');
    expect(created.account).toMatchObject({
      username: 'zhang3',
      role: 'viewer',
      roleLabel: '查看者',
      regionCode: '410300',
      mustChangePassword: true,
      disabled: false,
      permissions: { update: true, disable: true, changeRole: false, resetPassword: true },
    });
    expect(created.password).toHaveLength(16);
    expect(JSON.stringify(created)).not.toMatch(/password_hash|passwordHash|scrypt|totpSecret/);
    const user = new Client(server.url);
    const login = await user.login('zhang3', created.password);
    expect(login.body.user.pending).toBe('password_change');
    const duplicate = await sysadmin.post('/api/users', {
      username: 'zhang3',
      role: 'viewer',
      regionCode: '410300',
    });
    expect(duplicate.status).toBe(409);
    const badBinding = await sysadmin.post('/api/users', {
      username: 'li4',
      role: 'county_officer',
      regionCode: '410300',
    });
    expect(badBinding.status).toBe(422);
    expect(badBinding.body.error.details).toEqual(['县级管理员不能绑定到「洛阳市」这一级地区']);
  });

  it('keeps the three admin roles apart: one role per account, assigned only by the security administrator', async () => {
    const asAdmin = await sysadmin.post('/api/users', { username: 'audit2', role: 'auditor' });
    expect(asAdmin.status).toBe(422);
    expect(asAdmin.body.error.message).toContain('须由安全管理员分配');
    const twoRoles = await sysadmin.post('/api/users', {
      username: 'x2',
      role: 'viewer',
      roles: ['sysadmin', 'auditor'],
    });
    expect(twoRoles.status).toBe(400);
    const columns = await queryRows<{ column_name: string }>(
      database.db,
      sql`select column_name from information_schema.columns where table_name = 'users' and column_name like '%role%'`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['role']);
    await expect(
      database.db.execute(sql`update users set role = 'sysadmin,auditor' where username = 'sys1'`),
    ).rejects.toThrow();

    const created = await createViewer('wang5');
    const bySysadmin = await sysadmin.put(`/api/users/${created.account.id}/role`, {
      version: created.account.version,
      role: 'auditor',
    });
    expect(bySysadmin.status).toBe(403);
    const self = await secadmin.put(`/api/users/${secadminId}/role`, { version: 1, role: 'sysadmin' });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('forbidden');

    const user = new Client(server.url);
    await user.login('wang5', created.password);
    // An admin role only once the one-time password is changed (its issuer knows it).
    const early = await secadmin.put(`/api/users/${created.account.id}/role`, {
      version: created.account.version,
      role: 'auditor',
      regionCode: null,
    });
    expect(early.status).toBe(422);
    await user.post('/api/auth/password', { currentPassword: created.password, newPassword: TEST_PASSWORD });
    const current = await secadmin.get(`/api/users/${created.account.id}`);
    const changed = await secadmin.put(`/api/users/${created.account.id}/role`, {
      version: current.body.version,
      role: 'auditor',
      regionCode: null,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'auditor', roleLabel: '审计管理员', regionCode: null });
    // Rights changed: the account's sessions are over; as an admin it must enrol TOTP next.
    expect((await user.get('/api/auth/me')).status).toBe(401);
    const again = await new Client(server.url).login('wang5', TEST_PASSWORD);
    expect(again.body.user).toMatchObject({ role: 'auditor', pending: 'totp_enrolment' });
    const stale = await secadmin.put(`/api/users/${created.account.id}/role`, {
      version: created.account.version,
      role: 'viewer',
      regionCode: '410300',
    });
    expect(stale.status).toBe(409);
    const audited = await queryRows<{ actor: string; before: { role: string }; after: { role: string } }>(
      database.db,
      sql`select actor, before, after from audit_log where action = 'user.role' and target_id = 'wang5'`,
    );
    expect(audited).toMatchObject([
      { actor: 'sec1', before: { role: 'viewer' }, after: { role: 'auditor' } },
    ]);
  });

  it('disables an account at once, ends its sessions, and enables it again', async () => {
    const created = await createViewer('zhao6');
    const user = new Client(server.url);
    await user.login('zhao6', created.password);
    const disabled = await sysadmin.post(`/api/users/${created.account.id}/disable`, {
      version: created.account.version,
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true, permissions: { enable: true, disable: false } });
    const me = await user.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect((await new Client(server.url).login('zhao6', created.password)).body.error.code).toBe(
      'account_disabled',
    );
    const enabled = await sysadmin.post(`/api/users/${created.account.id}/enable`, {
      version: disabled.body.version,
    });
    expect(enabled.body.disabled).toBe(false);
    expect((await new Client(server.url).login('zhao6', created.password)).status).toBe(200);
    const self = await sysadmin.post(`/api/users/${sysadminId}/disable`, { version: 1 });
    expect(self.status).toBe(403);
    expect(self.body.error.message).toBe('不能对本人账户执行此操作');
  });

  it('resets a password: a new one-time password, the old one refused, the lock lifted', async () => {
    const created = await createViewer('sun7');
    for (let i = 0; i < 5; i++) await new Client(server.url).login('sun7', 'Wrong#Password1');
    expect((await new Client(server.url).login('sun7', created.password)).body.error.code).toBe(
      'account_locked',
    );
    const reset = await sysadmin.post(`/api/users/${created.account.id}/reset-password`, {});
    expect(reset.status).toBe(200);
    expect(reset.body.account).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect(reset.body.password).not.toBe(created.password);
    expect((await new Client(server.url).login('sun7', created.password)).status).toBe(401);
    const fresh = await new Client(server.url).login('sun7', reset.body.password);
    expect(fresh.body.user.pending).toBe('password_change');
  });

  it('lets the security administrator reset a second factor, so the admin enrols anew', async () => {
    const auditorId = await createTestAccount(database, { username: 'aud9', role: 'auditor' });
    const reply = await secadmin.post(`/api/users/${auditorId}/reset-totp`, { version: 2 });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ totpEnabled: false });
    const login = await new Client(server.url).login('aud9', TEST_PASSWORD);
    expect(login.body.user.pending).toBe('totp_enrolment');
  });

  it('lists accounts with filters and pages for both administrators', async () => {
    const page = await secadmin.get('/api/users?role=viewer&pageSize=2&sort=username');
    expect(page.status).toBe(200);
    expect(page.body.pageSize).toBe(2);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    expect(page.body.items.map((u: { username: string }) => u.username)).toEqual(
      [...page.body.items.map((u: { username: string }) => u.username)].sort(),
    );
    expect(page.body.items[0].permissions).toMatchObject({ update: false, changeRole: true });
    expect((await secadmin.get('/api/users?pageSize=500')).status).toBe(400);
  });
});

describe.each(testDatabases())('settings on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;

  beforeAll(async () => {
    database = await target.open();
    server = await startServer(database);
    await createTestAccount(database, { username: 'sys2', role: 'sysadmin' });
    await createTestAccount(database, { username: 'sec2', role: 'secadmin' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('gives report settings to the system administrator and security policies to the security administrator', async () => {
    const sys = await loginAs(server, { username: 'sys2', role: 'sysadmin' });
    const sec = await loginAs(server, { username: 'sec2', role: 'secadmin' });
    const view = await sys.get('/api/settings');
    expect(view.status).toBe(200);
    expect(view.body.items.find((i: { key: string }) => i.key === 'report.deadlineDay')).toEqual({
      key: 'report.deadlineDay',
      group: 'report',
      label: '月报截止日（次月几日）',
      value: 5,
      default: 5,
      editable: true,
    });
    expect(view.body.items.find((i: { key: string }) => i.key === 'session.idleMinutes')).toMatchObject({
      value: 30,
      editable: false,
    });
    const deadline = await sys.patch('/api/settings', { 'report.deadlineDay': 8 });
    expect(deadline.status).toBe(200);
    expect(deadline.body.items.find((i: { key: string }) => i.key === 'report.deadlineDay').value).toBe(8);
    expect((await sys.patch('/api/settings', { 'password.minLength': 12 })).status).toBe(403);
    expect((await sec.patch('/api/settings', { 'report.deadlineDay': 6 })).status).toBe(403);
    expect((await sys.patch('/api/settings', { 'report.deadlineDay': 40 })).status).toBe(400);
    expect((await sys.patch('/api/settings', { 'report.unknown': 1 })).status).toBe(400);
    const policy = await sec.patch('/api/settings', { 'password.minLength': 12 });
    expect(policy.status).toBe(200);
    const short = await sec.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Songshan#77',
    });
    expect(short.status).toBe(422);
    expect(short.body.error.details).toEqual(['密码至少 12 位']);
    const audited = await queryRows<{ actor: string; before: unknown; after: unknown }>(
      database.db,
      sql`select actor, before, after from audit_log where action = 'settings.update' order by id`,
    );
    expect(audited).toEqual([
      { actor: 'sys2', before: { 'report.deadlineDay': 5 }, after: { 'report.deadlineDay': 8 } },
      { actor: 'sec2', before: { 'password.minLength': 8 }, after: { 'password.minLength': 12 } },
    ]);
  });
});
