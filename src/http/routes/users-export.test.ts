// 导出Excel of 用户管理 on both databases: the account list's rows in its order for the same filters
// and sort, the role, region, state and last sign-in as the page shows them; refused as the list is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
} from '../../../test/helpers/http';
import { downloadXlsx, statusOf } from '../../../test/xlsx-download';
import type { Database } from '../../db/client';

describe.each(testDatabases())('account list exported to Excel on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let admin: Client;
  let officer: Client;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    server = await startServer(database);
    await createTestAccount(database, { username: 'x_sys', role: 'sysadmin' });
    await createTestAccount(database, {
      username: 'x_city',
      role: 'city_officer',
      regionCode: '410300',
      displayName: '张三',
    });
    for (const name of ['x_view1', 'x_view2']) {
      await createTestAccount(database, { username: name, role: 'viewer', regionCode: '410322' });
    }
    admin = await loginAs(server, { username: 'x_sys', role: 'sysadmin' });
    officer = await loginAs(server, { username: 'x_city', role: 'city_officer' });
    const viewers = await admin.get('/api/users?role=viewer');
    const second = viewers.body.items.find((a: { username: string }) => a.username === 'x_view2');
    expect((await admin.post(`/api/users/${second.id}/disable`, { version: second.version })).status).toBe(
      200,
    );
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("holds the list's accounts in its sort, as the page shows them", async () => {
    const list = await admin.get('/api/users?sort=-username&pageSize=100');
    const usernames = list.body.items.map((a: { username: string }) => a.username);
    expect(usernames).toEqual(['x_view2', 'x_view1', 'x_sys', 'x_city']);
    const file = await downloadXlsx(server, admin, '/api/users/export?sort=-username');
    expect(file.header).toEqual(['用户名', '姓名', '角色', '地区', '状态', '上次登录（北京时间）']);
    expect(file.body.map((row) => row[0])).toEqual(usernames);
    expect(file.body[3]).toEqual([
      'x_city',
      '张三',
      '市级管理员',
      '洛阳市',
      '正常',
      expect.stringMatching(/^2\d{3}-/),
    ]);
    expect(file.body[1]!.slice(2, 6)).toEqual(['查看者', '孟津县', '正常', '从未登录']);
    expect(file.body[0]![4]).toBe('已停用');
    expect(file.body[2]![4]).toBe('正常 动态验证码');
  });

  it('keeps the filters, speaks English when asked, and is refused to whoever may not list accounts', async () => {
    const file = await downloadXlsx(server, admin, '/api/users/export?role=viewer&disabled=true&lang=en');
    expect(file.header).toEqual([
      'Username',
      'Name',
      'Role',
      'Region',
      'Status',
      'Last sign-in (Beijing time)',
    ]);
    expect(file.body).toEqual([['x_view2', 'x_view2', 'Viewer', '孟津县', 'Disabled', 'Never']]);
    expect(await statusOf(server, officer, '/api/users')).toBe(403);
    expect(await statusOf(server, officer, '/api/users/export')).toBe(403);
  });
});
