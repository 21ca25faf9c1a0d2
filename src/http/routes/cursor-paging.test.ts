// Keyset paging of the large lists (issue #14 item 5): walking /api/projects and /api/reports by
// `after` cursor yields every row once, in the list's order, for every sort (ties and nulls
// included), also when rows are written between two pages; a garbled or forged cursor is a 400.
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
import { monthlyReports, projects } from '../../db/schema';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe.each(testDatabases())('cursor paging on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let province: Client;
  let serial = 0;

  /** Projects straight into the table: names repeat and amounts tie or are missing, on purpose. */
  async function addProjects(count: number, prefix: string): Promise<number[]> {
    const rows = Array.from({ length: count }, () => {
      const n = serial++;
      return {
        code: `${prefix}-${String(n).padStart(4, '0')}`,
        name: `项目${n % 4}`,
        regionCode: ['410300', '410322', '410800'][n % 3]!,
        provinceCode: '410000',
        totalInvestment: n % 5 === 0 ? null : BigInt(n % 3) * 100_000_000n,
      };
    });
    const inserted = await database.db.insert(projects).values(rows).returning({ id: projects.id });
    return inserted.map((r) => r.id);
  }

  /** Every id of a list by cursor, `pageSize` at a time; `between` runs after each page. */
  async function walk(
    path: string,
    query: string,
    pageSize: number,
    between?: (page: number) => Promise<void>,
  ) {
    const ids: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const cursor: string = after === null ? '' : `&after=${encodeURIComponent(after)}`;
      const reply = await province.get(`${path}?pageSize=${pageSize}${query}${cursor}`);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body.items.length).toBeLessThanOrEqual(pageSize);
      ids.push(...reply.body.items.map((item: { id: number }) => item.id));
      after = reply.body.next;
      pages++;
      await between?.(pages);
    } while (after !== null && pages < 500);
    return { ids, pages };
  }

  /** The whole list in one page by number (the order the cursor must follow). */
  async function all(path: string, query: string): Promise<number[]> {
    const reply = await province.get(`${path}?pageSize=200${query}`);
    expect(reply.status).toBe(200);
    expect(reply.body.next).toBeNull();
    return reply.body.items.map((item: { id: number }) => item.id);
  }

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await createTestAccount(database, { username: 'prov_c', role: 'province_officer', regionCode: '410000' });
    server = await startServer(database, { clock: testClock(new Date('2020-10-03T02:00:00Z')) });
    province = await loginAs(server, { username: 'prov_c', role: 'province_officer' });
    const ids = await addProjects(43, 'P');
    // Reports of the first projects over three months; the amounts tie in threes.
    await database.db.insert(monthlyReports).values(
      ids.slice(0, 20).flatMap((projectId, i) =>
        [7, 8, 9].map((month) => ({
          projectId,
          provinceCode: '410000',
          year: 2020,
          month,
          investYtd: BigInt(Math.floor(i / 3)) * 10_000_000n,
          state: month === 9 ? 'draft' : 'submitted',
        })),
      ),
    );
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it.each([
    ['/api/projects', ''],
    ['/api/projects', '&sort=name'],
    ['/api/projects', '&sort=-name'],
    ['/api/projects', '&sort=totalInvestment'],
    ['/api/projects', '&sort=-totalInvestment'],
    ['/api/projects', '&sort=-updatedAt'],
    ['/api/projects', '&sort=regionCode&region=410300'],
    ['/api/reports', ''],
    ['/api/reports', '&sort=-investYtd'],
    ['/api/reports', '&sort=state'],
    ['/api/reports', '&sort=updatedAt&month=8'],
  ])('walks %s%s by cursor: every row once, in order', async (path, query) => {
    const expected = await all(path, query);
    expect(expected.length).toBeGreaterThan(10);
    const { ids, pages } = await walk(path, query, 4);
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 4));
  });

  it('takes rows written between pages once, where they sort, and never repeats one', async () => {
    const before = await all('/api/projects', '&sort=-name');
    const added: number[] = [];
    const { ids } = await walk('/api/projects', '&sort=-name', 5, async (page) => {
      // Rows before the cursor (name 项目0 sorts last: already passed is 项目3) and after it.
      if (page <= 3) added.push(...(await addProjects(4, `N${page}`)));
    });
    const after = await all('/api/projects', '&sort=-name');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of before) expect(ids).toContain(id);
    // The walk follows the final order: the ids it met appear in it in the same order.
    expect(after.filter((id) => ids.includes(id))).toEqual(ids);
    // What was written behind the cursor was not met; what sorts ahead of it was.
    const met = added.filter((id) => ids.includes(id));
    expect(met.length).toBeGreaterThan(0);
    expect(met.length).toBeLessThan(added.length);
  });

  it('gives the number-paged answer a cursor that continues it, and null on the last page', async () => {
    const first = await province.get('/api/projects?pageSize=7&sort=-totalInvestment');
    expect(first.body).toMatchObject({ page: 1, pageSize: 7 });
    expect(typeof first.body.next).toBe('string');
    const byNumber = await province.get('/api/projects?pageSize=7&page=2&sort=-totalInvestment');
    const byCursor = await province.get(
      `/api/projects?pageSize=7&sort=-totalInvestment&after=${first.body.next}`,
    );
    expect(byCursor.body.items).toEqual(byNumber.body.items);
    expect(byCursor.body.total).toBe(byNumber.body.total);
    const last = Math.ceil(first.body.total / 7);
    const lastPage = await province.get(`/api/projects?pageSize=7&page=${last}&sort=-totalInvestment`);
    expect(lastPage.body.items.length).toBeGreaterThan(0);
    expect(lastPage.body.next).toBeNull();
    const narrow = await province.get('/api/reports?pageSize=5&year=2020&month=9&state=draft');
    expect(narrow.body.total).toBe(20);
  });

  it('answers 400 with a clear message to a garbled, forged or misused cursor', async () => {
    const first = await province.get('/api/projects?pageSize=3&sort=name');
    const valid = JSON.parse(Buffer.from(first.body.next, 'base64url').toString('utf8'));
    expect(valid).toMatchObject({ v: 1, s: 'name', p: [expect.any(String), expect.stringMatching(/^\d+$/)] });
    const refused = [
      '%25%25%25',
      'bm90IGpzb24',
      first.body.next.slice(0, -3),
      cursorOf({ ...valid, v: 2 }),
      cursorOf({ ...valid, p: [valid.p[0]] }),
      cursorOf({ ...valid, p: [valid.p[0], 'abc'] }),
      cursorOf({ ...valid, p: [valid.p[0], '99999999999'] }),
      cursorOf({ ...valid, p: [null, valid.p[1]] }),
      cursorOf({ ...valid, p: [valid.p[0], null] }),
      cursorOf({ ...valid, p: [{ $gt: '' }, valid.p[1]] }),
    ];
    for (const after of refused) {
      const reply = await province.get(`/api/projects?pageSize=3&sort=name&after=${after}`);
      expect(reply.status, after).toBe(400);
      expect(reply.body.error.message, after).toMatch(/^翻页游标无效：.+请去掉 after 参数从第一页重新开始$/);
    }
    // A cursor of another sort, or with a page number, is refused and says why.
    const otherSort = await province.get(`/api/projects?pageSize=3&sort=-name&after=${first.body.next}`);
    expect(otherSort.status).toBe(400);
    expect(otherSort.body.error.message).toContain('它属于另一种排序（name）');
    const withPage = await province.get(`/api/projects?pageSize=3&page=2&sort=name&after=${first.body.next}`);
    expect(withPage.status).toBe(400);
    expect(withPage.body.error.message).toContain('after 与 page 不能同时使用');
    // Timestamps and amounts are checked before they reach SQL.
    const stamps = await province.get('/api/reports?pageSize=3&sort=updatedAt');
    const stamp = JSON.parse(Buffer.from(stamps.body.next, 'base64url').toString('utf8'));
    expect(stamp.p[0]).toMatch(/^2\d{3}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}/);
    for (const value of ['2020-13-01 00:00:00+00', '2020-02-30 00:00:00+00', 'yesterday']) {
      const reply = await province.get(
        `/api/reports?pageSize=3&sort=updatedAt&after=${cursorOf({ ...stamp, p: [value, stamp.p[1]] })}`,
      );
      expect(reply.status, value).toBe(400);
    }
    // Text is only ever a parameter: a quote in a forged name is a position like any other.
    const quoted = await province.get(
      `/api/projects?pageSize=3&sort=name&after=${cursorOf({ ...valid, p: ["项目' or 1=1 --", valid.p[1]] })}`,
    );
    expect(quoted.status).toBe(200);
  });
});
