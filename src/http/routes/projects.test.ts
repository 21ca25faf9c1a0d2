import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, project, REGIONS } from '../../../test/helpers/factories';
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

/** One leader's term (GET /api/projects/:id/leaders). */
interface Term {
  leader: string;
  from: string;
  to: string | null;
  changedBy: string | null;
}

describe.each(testDatabases())('projects over HTTP on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let city: Client;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await createTestAccount(database, {
      username: 'city_p',
      role: 'city_officer',
      regionCode: '410300',
      displayName: '洛阳经办',
    });
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

  const leaders = async (id: number): Promise<Term[]> => {
    const reply = await city.get(`/api/projects/${id}/leaders`);
    expect(reply.status).toBe(200);
    return reply.body.items;
  };

  it('opens a term on create, closes it and opens the next on a PATCH that changes the leader, and nothing else', async () => {
    const created = await city.post('/api/projects', {
      code: '2020-410300-47-01-100001',
      name: '分包项目',
      regionCode: '410300',
      leader: '张三',
    });
    expect(created.status).toBe(201);
    const id: number = created.body.id;
    const first = await leaders(id);
    expect(first).toEqual([{ leader: '张三', from: expect.any(String), to: null, changedBy: '洛阳经办' }]);

    const changed = await city.patch(`/api/projects/${id}`, { version: 1, leader: '李四' });
    expect(changed.status).toBe(200);
    const second = await leaders(id);
    expect(second).toMatchObject([
      { leader: '张三', changedBy: '洛阳经办' },
      { leader: '李四', to: null, changedBy: '洛阳经办' },
    ]);
    expect(second[0]!.from).toBe(first[0]!.from);
    // The first term ends when the second begins.
    expect(second[0]!.to).not.toBeNull();
    expect(second[0]!.to).toBe(second[1]!.from);
    expect(Date.parse(second[1]!.from)).toBeGreaterThan(Date.parse(second[0]!.from));

    // A PATCH that leaves the leader as it is (another field, or the same name again) adds nothing.
    expect((await city.patch(`/api/projects/${id}`, { version: 2, name: '分包项目（改名）' })).status).toBe(
      200,
    );
    expect((await city.patch(`/api/projects/${id}`, { version: 3, leader: '李四' })).status).toBe(200);
    expect(await leaders(id)).toEqual(second);
    // A stale version changes nothing, history included.
    expect((await city.patch(`/api/projects/${id}`, { version: 1, leader: '王五' })).status).toBe(409);
    expect(await leaders(id)).toEqual(second);

    // Clearing the leader closes the term and opens none.
    expect((await city.patch(`/api/projects/${id}`, { version: 4, leader: null })).status).toBe(200);
    const cleared = await leaders(id);
    expect(cleared).toHaveLength(2);
    expect(cleared[1]).toMatchObject({ leader: '李四', to: expect.any(String) });
  });

  it('records an import: a new project with a leader, a changed leader, and nothing when re-imported unchanged', async () => {
    const code = '2020-410300-47-01-100002';
    await load(database, 'projects', [project(code, { leader: '王五' })], { year: 2020 });
    await load(database, 'projects', [project('2020-410300-47-01-100003')], { year: 2020 });
    const [row] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from projects where code = ${code}`,
    );
    const id = row!.id;
    expect(await leaders(id)).toEqual([
      { leader: '王五', from: expect.any(String), to: null, changedBy: null },
    ]);

    await load(database, 'projects', [project(code, { leader: '赵六' })], { year: 2020 });
    const changed = await leaders(id);
    expect(changed).toMatchObject([
      { leader: '王五', to: expect.any(String) },
      { leader: '赵六', to: null, changedBy: null },
    ]);
    await load(database, 'projects', [project(code, { leader: '赵六' })], { year: 2020 });
    expect(await leaders(id)).toEqual(changed);

    // Projects without a leader have no history.
    const [none] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from project_leader_history h join projects p on p.id = h.project_id
          where p.code = '2020-410300-47-01-100003'`,
    );
    expect(none!.n).toBe(0);
  });

  it('lets a leader read the history of a project assigned to them', async () => {
    const code = '2020-410322-47-01-100004';
    await load(database, 'projects', [project(code, { regionCode: '410322', leader: '钱七' })], {
      year: 2020,
    });
    await createTestAccount(database, { username: 'leader_l', role: 'leader', projectCodes: [code] });
    const leader = await loginAs(server, { username: 'leader_l', role: 'leader' });
    const [row] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from projects where code = ${code}`,
    );
    const reply = await leader.get(`/api/projects/${row!.id}/leaders`);
    expect(reply.status).toBe(200);
    expect(reply.body.items).toMatchObject([{ leader: '钱七', to: null }]);
    const other = await queryRows<{ id: number }>(
      database.db,
      sql`select id from projects where code = '2020-410300-47-01-100002'`,
    );
    expect((await leader.get(`/api/projects/${other[0]!.id}/leaders`)).status).toBe(404);
  });
});
