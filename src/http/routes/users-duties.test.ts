// Separation of duties (三员分立, issue #14 item 7): who may act on whose account. The table below is
// the specification (docs/accounts.md → 谁可以对谁做什么); every actor role × every target role ×
// every account action is tried over HTTP, and an admin's own account besides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, project, REGIONS } from '../../../test/helpers/factories';
import {
  Client,
  loginAs,
  startServer,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
  type TestServer,
} from '../../../test/helpers/http';
import { insertUser, setUserProjects } from '../../db/auth/users';
import type { Database } from '../../db/client';
import { projectsByCode } from '../../db/lookups';
import { isAdminRole, ROLES, type Role } from '../../policies/roles';
import { hashPassword } from '../../services/auth/password-hash';

const BUSINESS = ROLES.filter((r) => !isAdminRole(r));
type AccountAction = 'update' | 'disable' | 'enable' | 'resetPassword' | 'changeRole' | 'resetTotp';

/** The specification: which role may do each action, and to accounts of which roles (never its own). */
const ALLOWED: Record<AccountAction, { by: Role; targets: readonly Role[] }> = {
  update: { by: 'sysadmin', targets: BUSINESS },
  disable: { by: 'sysadmin', targets: BUSINESS },
  enable: { by: 'sysadmin', targets: BUSINESS },
  resetPassword: { by: 'sysadmin', targets: BUSINESS },
  changeRole: { by: 'secadmin', targets: ROLES },
  resetTotp: { by: 'secadmin', targets: ROLES },
};

const REGION: Partial<Record<Role, string>> = {
  province_officer: '410000',
  city_officer: '410300',
  county_officer: '410322',
  viewer: '410300',
};

/** The request of each action on account `id` (at `version`). */
const REQUEST: Record<AccountAction, (id: number, version: number) => [string, string, unknown]> = {
  update: (id, version) => ['PATCH', `/api/users/${id}`, { version, displayName: '改名' }],
  disable: (id, version) => ['POST', `/api/users/${id}/disable`, { version }],
  enable: (id, version) => ['POST', `/api/users/${id}/enable`, { version }],
  resetPassword: (id) => ['POST', `/api/users/${id}/reset-password`, {}],
  changeRole: (id, version) => [
    'PUT',
    `/api/users/${id}/role`,
    { version, role: 'viewer', regionCode: '410300' },
  ],
  resetTotp: (id, version) => ['POST', `/api/users/${id}/reset-totp`, { version }],
};

describe.each(testDatabases())('separation of duties on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let passwordHash = '';
  let serial = 0;
  let projectId = 0;
  const actors = new Map<Role, { id: number; client: Client }>();

  /** A ready account of a role (admin roles with TOTP enrolled). */
  const account = async (role: Role, prefix = 'target') => {
    const user = await insertUser(database.db, {
      username: `${prefix}${++serial}`,
      displayName: `${prefix}${serial}`,
      role,
      regionCode: REGION[role] ?? null,
      passwordHash,
      mustChangePassword: false,
      totpEnabled: isAdminRole(role),
      totpSecret: isAdminRole(role) ? TEST_TOTP_SECRET : null,
    });
    // A project owner is bound to at least one project (the binding an edit checks again).
    if (role === 'project_owner') await setUserProjects(database.db, user!.id, [projectId]);
    return user!;
  };

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(database, 'projects', [project('P1')], { year: 2020, list: 'city_key' });
    projectId = (await projectsByCode(database.db, ['P1'])).get('P1')!.id;
    server = await startServer(database);
    passwordHash = await hashPassword(TEST_PASSWORD);
    for (const role of ROLES) {
      const user = await account(role, 'actor');
      actors.set(role, { id: user.id, client: await loginAs(server, { username: user.username, role }) });
    }
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const send = (client: Client, action: AccountAction, id: number, version: number) => {
    const [method, path, body] = REQUEST[action](id, version);
    return client.request(method, path, body);
  };

  it('allows each account action only to its role and only on the accounts the table names', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const action of Object.keys(ALLOWED) as AccountAction[]) {
      for (const actorRole of ROLES) {
        for (const targetRole of ROLES) {
          const allowed = ALLOWED[action].by === actorRole && ALLOWED[action].targets.includes(targetRole);
          // A fresh account for each cell: an allowed action changes it (disables it, ends its factor).
          const user = await account(targetRole);
          const reply = await send(actors.get(actorRole)!.client, action, user.id, user.version);
          outcomes.push(`${actorRole} ${action} ${targetRole}: ${reply.status}`);
          expected.push(`${actorRole} ${action} ${targetRole}: ${allowed ? 200 : 403}`);
        }
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('lets no administrator act on its own account here', async () => {
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const self = actors.get(role)!;
      for (const action of Object.keys(ALLOWED) as AccountAction[]) {
        const reply = await send(self.client, action, self.id, 1);
        expect(reply.status, `${role} ${action} on itself`).toBe(403);
      }
    }
  });

  it('stops the system administrator taking over a security administrator after a TOTP reset', async () => {
    const victim = await account('secadmin');
    const other = actors.get('secadmin')!.client;
    // Lost phone: another security administrator resets the second factor (legitimate).
    expect((await send(other, 'resetTotp', victim.id, victim.version)).status).toBe(200);
    // Before the fix the system administrator then reset the password, signed in with it and
    // enrolled a TOTP of their own: the security administrator's account was theirs.
    const reset = await send(actors.get('sysadmin')!.client, 'resetPassword', victim.id, 0);
    expect(reset.status).toBe(403);
    expect(reset.body.password).toBeUndefined();
    const intruder = new Client(server.url);
    expect((await intruder.login(victim.username, 'anything')).status).toBe(401);
  });

  it('refuses an admin role to an account whose one-time password is not yet changed', async () => {
    // The system administrator knows a one-time password they issued: promoted with it, the account
    // would be theirs to enrol. The user changes it first, then the promotion goes through.
    const user = await account('viewer');
    const sysadmin = actors.get('sysadmin')!.client;
    const secadmin = actors.get('secadmin')!.client;
    const reset = await send(sysadmin, 'resetPassword', user.id, 0);
    expect(reset.status).toBe(200);
    const promote = (version: number) =>
      secadmin.put(`/api/users/${user.id}/role`, { version, role: 'auditor' });
    const refused = await promote(reset.body.account.version);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('一次性密码');
    const self = new Client(server.url);
    expect((await self.login(user.username, reset.body.password)).status).toBe(200);
    const changed = await self.post('/api/auth/password', {
      currentPassword: reset.body.password,
      newPassword: 'Songshan#Peak2021',
    });
    expect(changed.status).toBe(200);
    const now = await secadmin.get(`/api/users/${user.id}`);
    expect((await promote(now.body.version)).status).toBe(200);
  });
});
