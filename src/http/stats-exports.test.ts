// The Excel exports of the computed statistics tables (issue 16 item 5) on both databases: 红黄绿灯's
// project table, the 驾驶舱's units table and 数据质量检查's findings hold exactly the data route's
// answer for the same query (rows, order, the screen's sort and filter), with the headers and their
// units, and the caller's scope (a county officer gets their county, another region 404 as for the
// data route).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, project, REGIONS, report } from '../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
  testClock,
} from '../../test/helpers/http';
import { downloadXlsx, statusOf } from '../../test/xlsx-download';
import type { Database } from '../db/client';
import { queryRows } from '../db/query';
import { sortUnitRows, unitRows } from '../domain/tables/dashboard-units';

const YI = 100_000_000n;
const PERIOD = 'period=2020-09';

describe.each(testDatabases())('statistics tables exported to Excel on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let city: Client;
  let county: Client;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    // 2020-09 (time progress 75%): L1 in 孟津县 at 50% (red), L2 in 洛阳市 without a September
    // report (yellow), Q1 in 洛龙区 at 60.4321% (yellow), J1 in 焦作市 at 80% (green); a target of 10 亿 each.
    const placed = { L1: '410322', L2: '410300', Q1: '410311', J1: '410800' };
    const codes = Object.keys(placed) as (keyof typeof placed)[];
    const projects = codes.map((code) => project(code, { regionCode: placed[code], annualTarget: 10n * YI }));
    await load(database, 'projects', projects, { year: 2020, list: 'province_key' });
    // L1 fell from August (6 亿) to September: a 数据质量检查 error.
    const invested: [string, number, bigint][] = [
      ['L1', 8, 6n * YI],
      ['L1', 9, 5n * YI],
      ['L2', 8, 7n * YI],
      ['Q1', 9, 604_321_000n],
      ['J1', 9, 8n * YI],
    ];
    await load(
      database,
      'reports',
      invested.map(([code, month, ytd]) => report(code, month, ytd, { started: true })),
    );
    await createTestAccount(database, { username: 'city_s', role: 'city_officer', regionCode: '410300' });
    await createTestAccount(database, { username: 'county_s', role: 'county_officer', regionCode: '410322' });
    server = await startServer(database, { clock: testClock(new Date('2020-10-08T02:00:00Z')) });
    city = await loginAs(server, { username: 'city_s', role: 'city_officer' });
    county = await loginAs(server, { username: 'county_s', role: 'county_officer' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  async function answer(client: Client, url: string) {
    const reply = await client.get(url);
    expect(reply.status).toBe(200);
    return reply.body;
  }

  describe('红黄绿灯', () => {
    type Project = { code: string; name: string; region: { name: string }; alerts: { message: string }[] };

    it("holds the warnings route's projects in its order, one warning a line, the level filter kept", async () => {
      const data = await answer(city, `/api/warnings?region=410300&${PERIOD}`);
      const projects = data.projects as Project[];
      expect(projects.map((p) => p.code)).toEqual(['L1', 'L2', 'Q1']);
      const file = await downloadXlsx(server, city, `/api/warnings/export?region=410300&${PERIOD}`);
      expect(file.disposition).toContain(encodeURIComponent('红黄绿灯项目预警.xlsx'));
      expect(file.header).toEqual(['灯', '项目', '所在地区', '预警及处理']);
      expect(file.body.map((row) => row.slice(0, 3))).toEqual([
        ['红灯', 'L1 项目L1', '孟津县'],
        ['黄灯', 'L2 项目L2', '洛阳市'],
        ['黄灯', 'Q1 项目Q1', '洛龙区'],
      ]);
      expect(file.body[0]![3]).toBe(`投资落后时序：${projects[0]!.alerts[0]!.message}`);
      expect(file.body[1]![3]).toBe(`本月未报：${projects[1]!.alerts[0]!.message}`);

      const red = await downloadXlsx(server, city, `/api/warnings/export?region=410300&${PERIOD}&level=red`);
      expect(red.body.map((row) => row[1])).toEqual(['L1 项目L1']);
      const en = await downloadXlsx(server, city, `/api/warnings/export?region=410300&${PERIOD}&lang=en`);
      expect(en.header).toEqual(['Light', 'Project', 'Region', 'Warnings and what to do']);
      expect(en.body[0]!.slice(0, 1)).toEqual(['Red']);
      expect(en.body[0]![3]).toBe('Investment behind time progress (-25 points)');

      const audit = await queryRows<{ actor: string; details: { rows: number } }>(
        database.db,
        sql`select actor, details from audit_log where action = 'export.warnings' order by id`,
      );
      expect(audit.map((entry) => [entry.actor, entry.details.rows])).toEqual([
        ['city_s', 3],
        ['city_s', 1],
        ['city_s', 3],
      ]);
    });

    it('gives a county officer their county only, and 404 for the city as the warnings route does', async () => {
      const data = await answer(county, `/api/warnings?region=410322&${PERIOD}`);
      const file = await downloadXlsx(server, county, `/api/warnings/export?region=410322&${PERIOD}`);
      expect(file.body.map((row) => row[1])).toEqual(
        (data.projects as Project[]).map((p) => `${p.code} ${p.name}`),
      );
      expect(file.body.map((row) => row[1])).toEqual(['L1 项目L1']);
      expect(await statusOf(server, county, `/api/warnings?region=410300&${PERIOD}`)).toBe(404);
      expect(await statusOf(server, county, `/api/warnings/export?region=410300&${PERIOD}`)).toBe(404);
      expect(await statusOf(server, null, `/api/warnings/export?region=410322&${PERIOD}`)).toBe(401);
    });
  });

  describe('驾驶舱 units', () => {
    it("holds the dashboard's child units as ranked, amounts in 万元 and rates in %, the units in the headers", async () => {
      const rows = unitRows(await answer(city, `/api/dashboard?region=410300&${PERIOD}`));
      expect(rows.map((row) => row.code)).toEqual(['410311', '410322']);
      const file = await downloadXlsx(server, city, `/api/dashboard/units/export?region=410300&${PERIOD}`);
      expect(file.header).toEqual([
        '名次',
        '单位',
        '重点项目个数',
        '累计完成投资（万元）',
        '投资完成率（%）',
        '较时序进度（百分点）',
        '开工率（%）',
        '竣工率（%）',
      ]);
      // 洛龙区: 604 321 000 元 = 60432.10 万元, 60.4321% → 60.4, 14.6 points behind 75%.
      expect(file.body[0]!.slice(0, 6)).toEqual([1, '洛龙区 滞后', 1, 60432.1, 60.4, -14.6]);
      expect(file.body[1]!.slice(0, 6)).toEqual([2, '孟津县 滞后', 1, 50000, 50, -25]);
      expect(file.sheet.getCell('D2').numFmt).toBe('0.00');
      expect(file.sheet.getCell('F2').numFmt).toBe('0.0');
    });

    it("keeps the screen's sort, and the province's units without a target last", async () => {
      const sorted = await downloadXlsx(
        server,
        city,
        `/api/dashboard/units/export?region=410300&${PERIOD}&sort=investRate`,
      );
      expect(sorted.body.map((row) => row[1])).toEqual(['孟津县 滞后', '洛龙区 滞后']);
      const province = await createProvinceClient();
      const data = await answer(province, `/api/dashboard?region=410000&${PERIOD}`);
      for (const sort of [undefined, '-investYtd', 'name']) {
        const file = await downloadXlsx(
          server,
          province,
          `/api/dashboard/units/export?region=410000&${PERIOD}${sort ? `&sort=${sort}` : ''}&lang=en`,
        );
        expect(file.body.map((row) => row[1])).toEqual(
          sortUnitRows(unitRows(data), sort).map((row) =>
            row.gap !== null && row.gap < 0 ? `${row.name} Lagging` : row.name,
          ),
        );
      }
      const ranked = await downloadXlsx(
        server,
        province,
        `/api/dashboard/units/export?region=410000&${PERIOD}`,
      );
      expect(ranked.body.map((row) => row[1])).toEqual(['焦作市', '洛阳市 滞后', '巩义市']);
      expect(ranked.body[2]!.slice(0, 1)).toEqual([undefined]);
      expect(
        await statusOf(server, city, `/api/dashboard/units/export?region=410300&${PERIOD}&sort=bogus`),
      ).toBe(400);
    });

    it('refuses a region outside the caller as the dashboard does', async () => {
      expect(await statusOf(server, county, `/api/dashboard?region=410300&${PERIOD}`)).toBe(404);
      expect(await statusOf(server, county, `/api/dashboard/units/export?region=410300&${PERIOD}`)).toBe(404);
      const own = await downloadXlsx(server, county, `/api/dashboard/units/export?region=410322&${PERIOD}`);
      expect(own.body).toEqual([]);
    });
  });

  describe('数据质量检查', () => {
    type Finding = {
      projectCode: string;
      projectName: string;
      month: number;
      severity: string;
      check: string;
    };
    const findingsOf = async (client: Client, query: string) =>
      (await answer(client, `/api/quality?${query}`)).findings as Finding[];

    it("holds the quality route's findings in its order, the fact and the fix; the severity filter kept", async () => {
      const query = `region=410300&${PERIOD}&months=all`;
      const findings = await findingsOf(city, query);
      expect(findings.some((f) => f.projectCode === 'L1' && f.check === 'cumulative_falling')).toBe(true);
      const file = await downloadXlsx(server, city, `/api/quality/export?${query}`);
      expect(file.header).toEqual(['项目', '月份', '问题及处理']);
      expect(file.body.map((row) => [row[0], row[1]])).toEqual(
        findings.map((f) => [`${f.projectCode} ${f.projectName}`, `${f.month}月`]),
      );
      const falling = file.body.find((row) => String(row[2]).startsWith('错误 累计投资减少：'));
      expect(falling?.slice(0, 2)).toEqual(['L1 项目L1', '9月']);
      expect(String(falling?.[2])).toMatch(/\n处理：.+/);

      const errors = await downloadXlsx(server, city, `/api/quality/export?${query}&severity=error&lang=en`);
      expect(errors.header).toEqual(['Project', 'Month', 'Finding and fix']);
      expect(errors.body.map((row) => row[0])).toEqual(
        findings.filter((f) => f.severity === 'error').map((f) => `${f.projectCode} ${f.projectName}`),
      );
      expect(errors.body.every((row) => String(row[2]).startsWith('Errors '))).toBe(true);
    });

    it("holds the units' reporting quality as the quality route counts it, the rate in %", async () => {
      const query = `region=410300&${PERIOD}&months=all`;
      type Unit = {
        region: { name: string };
        counts: Record<string, number>;
        metrics: Record<string, number>;
      };
      const units = (await answer(city, `/api/quality?${query}`)).units as Unit[];
      const file = await downloadXlsx(server, city, `/api/quality/units/export?${query}`);
      expect(file.header).toEqual(['单位', '月报份数', '无问题', '无问题率（%）', '错误', '提示']);
      expect(file.body.map((row) => [row[0], row[1], row[2], row[4], row[5]])).toEqual(
        units.map((u) => [
          u.region.name,
          u.counts.reports,
          u.counts.clean,
          u.counts.errors,
          u.counts.warnings,
        ]),
      );
      // 孟津县: L1's two reports, both without a progress text (提示), September falling (错误): none clean.
      expect(file.body.find((row) => row[0] === '孟津县')?.slice(1)).toEqual([2, 0, 0, 1, 2]);
      expect(await statusOf(server, county, `/api/quality/units/export?${query}`)).toBe(404);
    });

    it('gives a county officer their county only, and 404 for the city as the quality route does', async () => {
      const query = `region=410322&${PERIOD}&months=all`;
      const findings = await findingsOf(county, query);
      const file = await downloadXlsx(server, county, `/api/quality/export?${query}`);
      expect(file.body.map((row) => row[0])).toEqual(
        findings.map((f) => `${f.projectCode} ${f.projectName}`),
      );
      expect(new Set(file.body.map((row) => row[0]))).toEqual(new Set(['L1 项目L1']));
      expect(await statusOf(server, county, `/api/quality?region=410300&${PERIOD}`)).toBe(404);
      expect(await statusOf(server, county, `/api/quality/export?region=410300&${PERIOD}`)).toBe(404);
    });
  });

  async function createProvinceClient() {
    await createTestAccount(database, { username: 'prov_s', role: 'province_officer', regionCode: '410000' });
    return loginAs(server, { username: 'prov_s', role: 'province_officer' });
  }
});
