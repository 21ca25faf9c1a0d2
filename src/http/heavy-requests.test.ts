// Issue #14 item 5 (one read-only user can stall everyone) and the list totals of item 14: page
// depth is capped, a page past the end still reports the true total, sensitivity replications are
// capped, and one account's concurrent heavy requests get 429 with Retry-After — real parallel
// requests against a real server on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { loadEvaluationFixture } from '../../test/helpers/evaluation-fixture';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
  testClock,
} from '../../test/helpers/http';
import type { Database } from '../db/client';
import { MAX_PAGE_DEPTH } from '../db/paging';
import { HEAVY_CONCURRENCY } from './heavy-requests';

const Q3 = { scheme: 'sibisikan-2020', period: '2020Q3' };

describe.each(testDatabases())('heavy requests on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let province: Client;
  let viewer: Client;

  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database);
    await createTestAccount(database, {
      username: 'hv_province',
      role: 'province_officer',
      regionCode: '410000',
    });
    await createTestAccount(database, { username: 'hv_viewer', role: 'viewer', regionCode: '410000' });
    server = await startServer(database, { clock: testClock(new Date('2020-10-08T02:00:00Z')) });
    province = await loginAs(server, { username: 'hv_province', role: 'province_officer' });
    viewer = await loginAs(server, { username: 'hv_viewer', role: 'viewer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('refuses a page deeper than the first 10 000 rows with 400 and says to filter', async () => {
    const deepest = MAX_PAGE_DEPTH / 50;
    expect((await viewer.get(`/api/projects?page=${deepest}&pageSize=50`)).status).toBe(200);
    for (const path of [
      `/api/projects?page=${deepest + 1}&pageSize=50`,
      '/api/projects?page=100000&pageSize=200',
      '/api/reports?page=51&pageSize=200',
    ]) {
      const deep = await viewer.get(path);
      expect(deep.status, path).toBe(400);
      expect(deep.body.error.message).toContain('筛选');
    }
  });

  it('reports the true total on a page past the end of a list', async () => {
    const first = await viewer.get('/api/projects?page=1&pageSize=2');
    expect(first.body.total).toBe(3);
    const past = await viewer.get('/api/projects?page=7&pageSize=2');
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ items: [], total: 3, page: 7, pageSize: 2 });
    const none = await viewer.get('/api/projects?page=3&pageSize=2&q=无此项目');
    expect(none.body).toMatchObject({ items: [], total: 0 });
    // The audit log and the account list too (their own queries).
    await createTestAccount(database, { username: 'hv_auditor', role: 'auditor' });
    const auditor = await loginAs(server, { username: 'hv_auditor', role: 'auditor' });
    const audit = await auditor.get('/api/audit?page=1&pageSize=1&action=auth.login');
    expect(audit.body.total).toBeGreaterThan(0);
    const auditPast = await auditor.get('/api/audit?page=9000&pageSize=1&action=auth.login');
    expect(auditPast.body).toMatchObject({ items: [], total: audit.body.total });
    await createTestAccount(database, { username: 'hv_secadmin', role: 'secadmin' });
    const secadmin = await loginAs(server, { username: 'hv_secadmin', role: 'secadmin' });
    const users = await secadmin.get('/api/users?page=1&pageSize=1');
    expect(users.body.total).toBeGreaterThanOrEqual(4);
    const usersPast = await secadmin.get('/api/users?page=500&pageSize=1');
    expect(usersPast.body).toMatchObject({ items: [], total: users.body.total });
  });

  it('caps sensitivity replications at 2000', async () => {
    const over = await province.post('/api/evaluations/draft/sensitivity', { ...Q3, replications: 2001 });
    expect(over.status).toBe(400);
    expect(JSON.stringify(over.body.error)).toContain('2000');
    const published = await province.get('/api/evaluations/1/sensitivity?replications=2001');
    expect([400, 404]).toContain(published.status);
    const ok = await province.post('/api/evaluations/draft/sensitivity', { ...Q3, replications: 2000 });
    expect(ok.status).toBe(200);
    expect(ok.body.replications).toBe(2000);
  });

  it("answers one account's extra concurrent heavy requests 429 with Retry-After, and serves it again after", async () => {
    const body = { ...Q3, replications: 2000 };
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => province.post('/api/evaluations/draft/sensitivity', body)),
    );
    // Each either ran or was refused at once; a run ends and frees its slot while later ones arrive,
    // so more than perUser may succeed in all, but never all of them at once.
    const statuses = replies.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200 || s === 429),
      statuses.join(),
    ).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(HEAVY_CONCURRENCY.perUser);
    const refused = replies.filter((r) => r.status === 429);
    expect(refused.length, statuses.join()).toBeGreaterThanOrEqual(1);
    expect(refused[0]?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused[0]?.body.error.code).toBe('too_many_heavy_requests');
    // The slots are given back: the same account is served again, and a list is never counted.
    expect((await province.post('/api/evaluations/draft/sensitivity', body)).status).toBe(200);
    const lists = await Promise.all(Array.from({ length: 6 }, () => province.get('/api/projects')));
    expect(lists.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  });
});
