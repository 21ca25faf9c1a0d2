// The Excel export of a list (issue 16 item 5) on both databases: exactly the list endpoint's rows in
// its order for the same filters and sort, all pages (more than one export batch), the headers with
// their units, amounts as numbers in 万元 with two decimals, the caller's scope, and the audit entry.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { deal, load, project, REGIONS, report } from '../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
} from '../../test/helpers/http';
import { downloadXlsx } from '../../test/xlsx-download';
import type { Database } from '../db/client';
import { queryRows } from '../db/query';
import { dateText } from '../domain/tables/columns';
import { EXPORT_BATCH } from '../services/table-export';

const COUNTIES = ['410322', '410311'];
/** More projects than one export batch reads, so the export has to read every page. */
const PROJECTS = EXPORT_BATCH + 400;

describe.each(testDatabases())('list exports to Excel on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let city: Client;
  let county: Client;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    const projects = Array.from({ length: PROJECTS }, (_, i) =>
      project(`2020-4103-00-${String(i).padStart(6, '0')}`, {
        name: i % 3 === 0 ? `智能装备${i}` : `道路${i}`,
        regionCode: COUNTIES[i % 2],
        // 万元 with four decimals: 1234.5678 万元 + i 元; the export rounds to two, exactly.
        totalInvestment: 12_345_678n + BigInt(i % 7) * 50n,
        plannedStart: '2020-03-01',
        plannedCompletion: '2022-08-31',
      }),
    );
    await load(database, 'projects', projects, { year: 2020, list: 'province_key' });
    await load(
      database,
      'reports',
      projects.slice(0, 30).map((p, i) => report(p.code, 9, 1_000_000n * BigInt(i % 4) + 5n)),
    );
    await load(database, 'deals', [
      deal('签约甲', { contractAmount: 123_456_789n, origin: 'out_of_province' }),
      deal('签约乙', { contractAmount: 5_000n, origin: 'out_of_province', regionCode: '410322' }),
      deal('签约丙', { contractAmount: 99_999_999_999n, origin: 'abroad' }),
      deal('签约丁', { contractAmount: 7_000_000n, origin: 'out_of_province', regionCode: '410311' }),
    ]);
    await createTestAccount(database, { username: 'city_x', role: 'city_officer', regionCode: '410300' });
    await createTestAccount(database, { username: 'county_x', role: 'county_officer', regionCode: '410322' });
    server = await startServer(database);
    city = await loginAs(server, { username: 'city_x', role: 'city_officer' });
    county = await loginAs(server, { username: 'county_x', role: 'county_officer' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  /** Every page of a list, as the web pages through it. */
  async function allPages(client: Client, path: string, query: string) {
    const items: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const reply = await client.get(`${path}?${query}&pageSize=200&page=${page}`);
      expect(reply.status).toBe(200);
      items.push(...reply.body.items);
      if (items.length >= reply.body.total) return items;
    }
  }

  const exported = (client: Client, path: string, query: string) =>
    downloadXlsx(server, client, `${path}/export?${query}`);

  it('exports the filtered, sorted project list: every page, in the list order, units in the headers', async () => {
    const query = 'q=道路&sort=-totalInvestment';
    const list = await allPages(city, '/api/projects', query);
    expect(list.length).toBeGreaterThan(EXPORT_BATCH);
    const { header, body, sheet, disposition } = await exported(city, '/api/projects', query);
    expect(disposition).toContain(encodeURIComponent('项目列表.xlsx'));
    expect(header).toEqual([
      '项目代码',
      '项目名称',
      '所在地区',
      '领域',
      '分包领导',
      '总投资（万元）',
      '计划建设周期',
      '更新时间（北京时间）',
    ]);
    expect(body.map((row) => row[0])).toEqual(list.map((item) => item.code));
    const first = list[0]!;
    const row = body[0]!;
    expect(row[1]).toBe(first.name);
    expect(row[2]).toBe(first.regionCode === '410322' ? '孟津县' : '洛龙区');
    // 12 345 678 元 + 300 元 = 1234.5978 万元 → 1234.60, a number shown with two decimals.
    expect(first.totalInvestment).toBe('12345978');
    expect(row[5]).toBe(1234.6);
    expect(sheet.getCell('F2').numFmt).toBe('0.00');
    expect(row[6]).toBe('2020年3月 – 2022年8月');
    expect(row[3]).toBeUndefined(); // no domain: an empty cell (the screen's "—")

    const audit = await queryRows<{ actor: string; details: { rows: number; lang: string } }>(
      database.db,
      sql`select actor, details from audit_log where action = 'export.projects' order by id desc limit 1`,
    );
    expect(audit[0]).toMatchObject({ actor: 'city_x', details: { rows: list.length, lang: 'zh-CN' } });
  });

  it("gives a county user only their county's projects, and refuses a region outside it as the list does", async () => {
    const list = await allPages(county, '/api/projects', 'sort=code');
    expect(list.length).toBe(PROJECTS / 2);
    const { body } = await exported(county, '/api/projects', 'sort=code');
    expect(body.map((row) => row[0])).toEqual(list.map((item) => item.code));
    expect(new Set(body.map((row) => row[2]))).toEqual(new Set(['孟津县']));
    const outside = await fetch(`${server.url}/api/projects/export?region=410311`, {
      headers: { cookie: county.cookie },
    });
    expect(outside.status).toBe(404);
    const anonymous = await fetch(`${server.url}/api/projects/export`);
    expect(anonymous.status).toBe(401);
  });

  it('exports a ledger (one factory for the four) with its filter and sort, in English when asked', async () => {
    const query = 'origin=out_of_province&sort=-contractAmount';
    const list = await allPages(city, '/api/deals', query);
    expect(list.map((item) => item.name)).toEqual(['签约甲', '签约丁', '签约乙']);
    const zh = await exported(city, '/api/deals', query);
    expect(zh.header.slice(5, 8)).toEqual(['签约日期', '合同金额（万元）', '到位资金（万元）']);
    expect(zh.body.map((row) => [row[0], row[3], row[6]])).toEqual([
      ['签约甲', '省外', 12345.68],
      ['签约丁', '省外', 700],
      ['签约乙', '省外', 0.5],
    ]);
    expect(zh.body[0]![5]).toBe('2020年3月1日');
    const en = await exported(city, '/api/deals', `${query}&lang=en`);
    expect(en.disposition).toContain(encodeURIComponent('Investment deals.xlsx'));
    expect(en.header.slice(0, 7)).toEqual([
      'Deal',
      'Region',
      'Investor',
      'Origin',
      'Top 500',
      'Signed on',
      'Contract amount (CNY 10k)',
    ]);
    expect(en.body[0]!.slice(3, 6)).toEqual(['Other provinces', undefined, '2020-03-01']);
    const countyDeals = await exported(county, '/api/deals', query);
    expect(countyDeals.body.map((row) => row[0])).toEqual(['签约乙']);
    expect((await city.get('/api/deals/export?page=2')).status).toBe(400);
  });

  it('exports the report list (the review columns) with its filter and sort, all of it', async () => {
    const query = 'state=approved&year=2020&month=9&sort=-investYtd';
    const list = await allPages(county, '/api/reports', query);
    expect(list.length).toBe(15);
    const { header, body } = await exported(county, '/api/reports', query);
    expect(header).toEqual([
      '项目',
      '地区',
      '月份',
      '累计完成投资（万元）',
      '本月完成投资（万元）',
      '提交时间（北京时间）',
    ]);
    expect(body.map((row) => row[0])).toEqual(list.map((item) => `${item.projectName}\n${item.projectCode}`));
    expect(body.map((row) => row[3])).toEqual(
      list.map((item) => Number(BigInt(item.investYtd as string) / 100n) / 100),
    );
    expect(new Set(body.map((row) => `${row[1]} ${row[2]}`))).toEqual(new Set(['孟津县 2020年9月']));
  });
  it('exports 报送情况: the reports with their state and date, and the 漏报 list, every page, in scope', async () => {
    const query = 'year=2020&month=9&sort=-investYtd';
    const list = await allPages(city, '/api/reports', query);
    const overview = await exported(city, '/api/reports', `${query}&view=overview`);
    expect(overview.header).toEqual([
      '项目',
      '地区',
      '累计完成投资（万元）',
      '本月完成投资（万元）',
      '状态',
      '报送日期',
    ]);
    expect(overview.body.map((row) => row[0])).toEqual(
      list.map((item) => `${item.projectName}\n${item.projectCode}`),
    );
    expect(overview.body.map((row) => row[4])).toEqual(list.map(() => '已审核'));
    expect(overview.body.map((row) => row[5])).toEqual(
      list.map((item) => (item.reportedAt ? dateText(String(item.reportedAt), 'zh-CN') : undefined)),
    );

    const missing = await allPages(city, '/api/reports/missing', 'year=2020&month=9');
    expect(missing.length).toBe(PROJECTS - 30);
    const file = await exported(city, '/api/reports/missing', 'year=2020&month=9');
    expect(file.header).toEqual(['项目', '地区', '分包领导', '状态', '本年最近报送']);
    expect(file.body.map((row) => row[0])).toEqual(
      missing.map((item) => `${item.projectName}\n${item.projectCode}`),
    );
    expect(new Set(file.body.map((row) => `${row[3]} ${row[4]}`))).toEqual(new Set(['未报送 本年未报送']));
    const countyMissing = await exported(county, '/api/reports/missing', 'year=2020&month=9&lang=en');
    expect(countyMissing.header.slice(3)).toEqual(['Status', 'Last report this year']);
    expect(new Set(countyMissing.body.map((row) => row[1]))).toEqual(new Set(['孟津县']));
    expect(countyMissing.body.length).toBe(
      (await allPages(county, '/api/reports/missing', 'year=2020&month=9')).length,
    );
    const outside = await fetch(`${server.url}/api/reports/missing/export?year=2020&month=9&region=410311`, {
      headers: { cookie: county.cookie },
    });
    expect(outside.status).toBe(404);
  });
});
