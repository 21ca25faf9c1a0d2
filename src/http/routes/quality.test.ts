// 数据质量检查 over HTTP: GET /api/quality for a city officer (its findings and counties, 404 for
// another city, the last month only), GET /api/reports/:id/quality on a draft, and a reports import
// whose findings come back as warnings with the rows imported. The CLI's text is checked too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, project, REGIONS, report } from '../../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
  testClock,
} from '../../../test/helpers/http';
import { importQualityText } from '../../cli/commands/data';
import { qualityText } from '../../cli/commands/quality';
import type { Database } from '../../db/client';
import { projectsByCode } from '../../db/lookups';
import { checkDataQuality } from '../../services/check-data-quality';

const WAN = 10_000n;
const found = (items: { projectCode: string; check: string; month: number }[]) =>
  items.map((f) => `${f.projectCode}:${f.check}@${f.month}`);

describe.each(testDatabases())('数据质量检查 routes on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let city: Client;
  let county: Client;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [project('M1', { regionCode: '410322' }), project('J1', { regionCode: '410800' })],
      {
        year: 2020,
        list: 'province_key',
      },
    );
    // M1 (孟津县): August 500 万元, September 480 万元 (falls). J1 (焦作市): the same text three months.
    const same = { started: true, progressNote: '设备安装' };
    await load(database, 'reports', [
      report('M1', 8, 500n * WAN, { started: true, progressNote: '八月' }),
      report('M1', 9, 480n * WAN, { started: true, progressNote: '九月' }),
      report('J1', 7, 10n * WAN, same),
      report('J1', 8, 20n * WAN, same),
      report('J1', 9, 30n * WAN, same),
    ]);
    await createTestAccount(database, { username: 'city_q', role: 'city_officer', regionCode: '410300' });
    await createTestAccount(database, { username: 'county_q', role: 'county_officer', regionCode: '410322' });
    server = await startServer(database, { clock: testClock(new Date('2020-10-20T02:00:00Z')) });
    city = await loginAs(server, { username: 'city_q', role: 'city_officer' });
    county = await loginAs(server, { username: 'county_q', role: 'county_officer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('lists the city’s findings with the fix and counts its counties; 404 for another city', async () => {
    const reply = await city.get('/api/quality?region=410300&period=2020-09');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ period: '2020-09', months: 'all', findingsTotal: 1 });
    expect(found(reply.body.findings)).toEqual(['M1:cumulative_falling@9']);
    expect(reply.body.findings[0].fix).toContain('只增不减');
    expect(reply.body.counts).toEqual({ reports: 2, clean: 1, errors: 1, warnings: 0 });
    const units = reply.body.units.map((u: { region: { code: string }; counts: { errors: number } }) => [
      u.region.code,
      u.counts.errors,
    ]);
    expect(units).toEqual([
      ['410311', 0],
      ['410322', 1],
    ]);
    expect((await city.get('/api/quality?region=410800&period=2020-09')).status).toBe(404);
    expect((await city.get('/api/quality?region=410300&period=2020-09&months=some')).status).toBe(400);
  });

  it('checks the last month only when asked', async () => {
    const august = await city.get('/api/quality?region=410300&period=2020-08&months=last');
    expect(august.body.counts).toEqual({ reports: 1, clean: 1, errors: 0, warnings: 0 });
    expect(august.body.findings).toEqual([]);
  });

  it('answers one report’s findings to whoever may read it, including a draft', async () => {
    const created = await county.post('/api/reports', {
      projectId: (await projectsByCode(database.db, ['M1'])).get('M1')!.id,
      year: 2020,
      month: 10,
      investYtd: String(470n * WAN),
      started: true,
      progressNote: '十月',
    });
    expect(created.status).toBe(201);
    const reply = await county.get(`/api/reports/${created.body.id}/quality`);
    expect(reply.status).toBe(200);
    expect(found(reply.body.findings)).toEqual(['M1:cumulative_falling@10']);
    expect(reply.body.findings[0].message).toBe(
      '10月累计完成投资 470 万元，低于9月的 480 万元（减少 10 万元）',
    );
    expect((await city.get(`/api/reports/${created.body.id}/quality`)).status).toBe(200);
  });

  it('imports reports with their findings as warnings (the city vouches for its county)', async () => {
    const csv = '项目代码,年度,月份,累计完成投资(万元),是否开工,形象进度\r\nM1,2020,11,200,是,十一月\r\n';
    const form = new FormData();
    form.append('file', new Blob([csv]), 'reports.csv');
    const reply = await city.request('POST', '/api/import/reports', form);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ inserted: 1, quality: { errors: 1, warnings: 0 } });
    expect(found(reply.body.quality.findings)).toEqual(['M1:cumulative_falling@11']);
    expect(importQualityText(reply.body.quality)).toContain(
      '提示：错误  M1 项目M1  2020年11月  累计投资减少：11月累计完成投资 200 万元',
    );
  });

  it('prints the findings and the counts per county as Chinese text (sibi quality)', async () => {
    const text = qualityText(await checkDataQuality(database, { region: '410000', period: '2020-09' }));
    expect(text).toContain('河南省（410000） 2020年1-9月 数据质量检查（1月至9月月报）');
    expect(text).toContain('月报 5 份，无问题 3 份（60.0%），错误 1 条，提示 1 条');
    expect(text).toContain('  焦作市（410800）  月报 3 份，无问题 2 份（66.7%），错误 0 条，提示 1 条');
    expect(text).toContain(
      '  提示  J1 项目J1  2020年9月  形象进度连续多月未变：形象进度已连续 3 个月（7月至9月）完全相同：“设备安装”',
    );
    expect(text).toContain('处理：请按本月实际填写形象进度');
  });
});
