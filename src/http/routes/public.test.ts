import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import { Client, startServer, type TestServer } from '../../../test/helpers/http';
import { freshProject } from '../../../test/helpers/records';
import type { Database } from '../../db/client';
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../services/auth/demo-accounts';

describe.each(testDatabases())('demo accounts on $name', (target: TestDatabase) => {
  let database: Database;
  let demo: TestServer;
  let plain: TestServer;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await freshProject(database, new Date(), '410322');
    demo = await startServer(database, { demo: true });
    plain = await startServer(database);
  });
  afterAll(async () => {
    await demo.close();
    await plain.close();
    await database.close();
  });

  it('creates one account per role once, published only when the server runs with --demo', async () => {
    const created = await ensureDemoAccounts(database, new Date());
    expect(created).toEqual([
      'demo_province',
      'demo_city',
      'demo_county',
      'demo_owner',
      'demo_leader',
      'demo_viewer',
      'demo_sysadmin',
      'demo_secadmin',
      'demo_auditor',
    ]);
    expect(await ensureDemoAccounts(database, new Date())).toEqual([]);
    const listed = await new Client(demo.url).get('/api/public/demo-accounts');
    expect(listed.status).toBe(200);
    expect(listed.body.password).toBe(DEMO_PASSWORD);
    expect(listed.body.accounts).toHaveLength(9);
    expect(listed.body.accounts[1]).toEqual({
      username: 'demo_city',
      role: 'city_officer',
      roleLabel: '市级管理员',
      displayName: '洛阳市重点项目办',
      regionCode: '410300',
      note: '洛阳市及所辖县区；审核县区月报',
    });
    const hidden = await new Client(plain.url).get('/api/public/demo-accounts');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ error: { code: 'not_found', message: '未找到', details: null } });
  });

  it('lets a demo admin in without TOTP, flagged as a demo account; ordinary roles need no change of password', async () => {
    const auditor = await new Client(demo.url).login('demo_auditor', DEMO_PASSWORD);
    expect(auditor.status).toBe(200);
    expect(auditor.body.user).toMatchObject({
      role: 'auditor',
      demo: true,
      totpEnabled: false,
      pending: null,
    });
    const county = await new Client(demo.url).login('demo_county', DEMO_PASSWORD);
    expect(county.body.user).toMatchObject({ role: 'county_officer', regionCode: '410322', pending: null });
    const owner = new Client(demo.url);
    await owner.login('demo_owner', DEMO_PASSWORD);
    const projects = await owner.get('/api/projects');
    expect(projects.body.total).toBe(1);
  });
});
