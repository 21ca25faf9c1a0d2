import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
  testClock,
} from '../../../test/helpers/http';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/query';

describe.each(testDatabases())('projects over HTTP on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let city: Client;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await createTestAccount(database, { username: 'city_p', role: 'city_officer', regionCode: '410300' });
    server = await startServer(database, { clock: testClock(new Date('2020-10-03T02:00:00Z')) });
    city = await loginAs(server, { username: 'city_p', role: 'city_officer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('creates, pages, sorts, updates with the version and deletes, answering 409 on a stale version or a duplicate', async () => {
    for (const [code, name, region] of [
      ['2020-410300-47-01-000003', '项目C', '410300'],
      ['2020-410322-47-01-000001', '项目A', '410322'],
      ['2020-410311-47-01-000002', '项目B', '410311'],
    ] as const) {
      const created = await city.post('/api/projects', {
        code,
        name,
        regionCode: region,
        totalInvestment: '12345678901234567',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        code,
        totalInvestment: '12345678901234567',
        version: 1,
        permissions: { update: true },
      });
    }
    const duplicate = await city.post('/api/projects', {
      code: '2020-410300-47-01-000003',
      name: '重复',
      regionCode: '410300',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe('项目代码 2020-410300-47-01-000003 已存在');
    const page = await city.get('/api/projects?sort=-name&pageSize=2&page=1');
    expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.body.items.map((p: { name: string }) => p.name)).toEqual(['项目C', '项目B']);
    const second = await city.get('/api/projects?sort=-name&pageSize=2&page=2');
    expect(second.body.items).toHaveLength(1);
    expect((await city.get('/api/projects?sort=password')).status).toBe(400);

    const id = page.body.items[0].id;
    const first = await city.patch(`/api/projects/${id}`, { version: 1, leader: '李四', lng: 112.45 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ leader: '李四', lng: 112.45, version: 2 });
    const stale = await city.patch(`/api/projects/${id}`, { version: 1, leader: '王五' });
    expect(stale.status).toBe(409);
    expect((await city.get(`/api/projects/${id}`)).body.leader).toBe('李四');
    const elsewhere = await city.patch(`/api/projects/${id}`, { version: 2, regionCode: '410800' });
    expect(elsewhere.status).toBe(404);

    const year = await city.post(`/api/projects/${id}/years`, {
      year: 2020,
      list: 'province_key',
      nature: 'new',
      annualTarget: 500000000,
    });
    expect(year.status).toBe(201);
    expect((await city.get(`/api/projects/${id}/years`)).body.items).toMatchObject([
      { year: 2020, list: 'province_key', nature: 'new', annualTarget: '500000000' },
    ]);
    expect((await city.get('/api/projects?year=2020&list=province_key')).body.total).toBe(1);

    // A city-level project: the city fills its reports, and a project with a report cannot be deleted.
    const report = await city.post('/api/reports', { projectId: id, year: 2020, month: 9, investYtd: 1 });
    expect(report.status).toBe(201);
    const blocked = await city.delete(`/api/projects/${id}?version=2`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toBe('项目已有月报、审批事项或问题记录，不能删除');
    expect((await city.delete(`/api/reports/${report.body.id}?version=${report.body.version}`)).status).toBe(
      200,
    );
    expect((await city.delete(`/api/projects/${id}?version=1`)).status).toBe(409);
    const deleted = await city.delete(`/api/projects/${id}?version=2`);
    expect(deleted.status).toBe(200);
    expect((await city.get(`/api/projects/${id}`)).status).toBe(404);
    const audited = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_log where target_type in ('project', 'project_year') order by id`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      'project.create',
      'project.create',
      'project.create',
      'project.update',
      'project_year.create',
      'project.delete',
    ]);
  });
});
