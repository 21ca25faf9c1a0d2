// GET /api/warnings over HTTP: a city officer sees its own projects' and counties' lights, filters
// by level, and gets 404 for another city; the system administrator changes a threshold through
// /api/settings and the lights follow. The CLI's text is checked on the same answer. On the same data,
// GET /api/periods: the default period is the latest closed month with submitted reports, and a draft
// for the month under way (or a closed month of drafts only) does not move it.
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
import { warningsText } from '../../cli/commands/warnings';
import type { Database } from '../../db/client';
import { computeAlerts } from '../../services/compute-alerts';

const YI = 100_000_000n;

describe.each(testDatabases())('GET /api/warnings on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let city: Client;
  let sysadmin: Client;
  let province: Client;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    // 2020-09 (75%): L1 in 孟津县 at 50% (red), L2 in 洛阳市 at 70% without a September report
    // (yellow), J1 in 焦作市 at 80% (green).
    await load(
      database,
      'projects',
      [
        project('L1', { regionCode: '410322', annualTarget: 10n * YI }),
        project('L2', { annualTarget: 10n * YI }),
        project('J1', { regionCode: '410800', annualTarget: 10n * YI }),
      ],
      { year: 2020, list: 'province_key' },
    );
    await load(database, 'reports', [
      report('L1', 9, 5n * YI, { started: true }),
      report('L2', 8, 7n * YI, { started: true }),
      report('J1', 9, 8n * YI, { started: true }),
    ]);
    await createTestAccount(database, { username: 'city_w', role: 'city_officer', regionCode: '410300' });
    await createTestAccount(database, { username: 'sys_w', role: 'sysadmin' });
    await createTestAccount(database, { username: 'prov_w', role: 'province_officer', regionCode: '410000' });
    server = await startServer(database, { clock: testClock(new Date('2020-10-08T02:00:00Z')) });
    city = await loginAs(server, { username: 'city_w', role: 'city_officer' });
    sysadmin = await loginAs(server, { username: 'sys_w', role: 'sysadmin' });
    province = await loginAs(server, { username: 'prov_w', role: 'province_officer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('lists the city’s red and yellow projects with their messages, and its lagging county', async () => {
    const reply = await city.get('/api/warnings?region=410300&period=2020-09');
    expect(reply.status).toBe(200);
    const body = reply.body;
    expect(body.period).toBe('2020-09');
    expect(body.counts).toEqual({ red: 1, yellow: 1, green: 0 });
    expect(body.projects.map((p: { code: string; level: string }) => `${p.code}:${p.level}`)).toEqual([
      'L1:red',
      'L2:yellow',
    ]);
    expect(body.projects[0].alerts[0]).toMatchObject({
      kind: 'behind_time',
      level: 'red',
      value: -25,
      threshold: -20,
    });
    expect(body.projects[0].alerts[0].message).toContain('落后时序进度');
    expect(body.projects[1].alerts.map((a: { kind: string }) => a.kind)).toEqual(['no_report']);
    // province 20/30 = 66.7%; 孟津县 50%: 16.7 points behind, yellow.
    expect(
      body.units.map((u: { region: { code: string }; level: string }) => `${u.region.code}:${u.level}`),
    ).toEqual(['410322:yellow']);
    const red = await city.get('/api/warnings?region=410300&period=2020-09&level=red');
    expect(red.body.projects.map((p: { code: string }) => p.code)).toEqual(['L1']);
    expect(red.body.units).toEqual([]);
  });

  it('answers 404 outside the caller’s region and 400 for a bad level', async () => {
    expect((await city.get('/api/warnings?region=410800&period=2020-09')).status).toBe(404);
    expect((await city.get('/api/warnings?region=410300&period=2020-09&level=green')).status).toBe(400);
  });

  it('follows the thresholds the system administrator sets', async () => {
    const patch = await sysadmin.patch('/api/settings', { 'alert.behindRed': 30 });
    expect(patch.status).toBe(200);
    const reply = await city.get('/api/warnings?region=410300&period=2020-09');
    expect(reply.body.thresholds.behindRed).toBe(30);
    expect(reply.body.projects[0]).toMatchObject({ code: 'L1', level: 'yellow' });
    expect((await sysadmin.patch('/api/settings', { 'alert.behindRed': 20 })).status).toBe(200);
  });

  it('prints the same warnings as a Chinese table (sibi warnings)', async () => {
    const text = warningsText(await computeAlerts(database, { region: '410300', period: '2020-09' }));
    expect(text).toContain('洛阳市（410300） 2020年1-9月 红黄绿灯');
    expect(text).toContain('项目：红灯 1 个，黄灯 1 个，绿灯 0 个');
    expect(text).toContain('  红灯  L1  项目L1（孟津县）');
    expect(text).toContain('本月未报：2020年9月月报未报送');
    expect(text).toContain('地区预警（全省平均投资完成率 66.7%）');
    expect(text).toContain('  黄灯  孟津县（410322）  投资完成率 50.0%');
  });
  describe('GET /api/periods', () => {
    it('defaults to the latest closed month with submitted reports, per region', async () => {
      // Imported reports are approved: 洛阳 has L2 in August and L1 in September; October is under way.
      const luoyang = await city.get('/api/periods?region=410300');
      expect(luoyang.status).toBe(200);
      expect(luoyang.body).toMatchObject({ month: '2020-09', quarter: '2020Q3', year: '2020' });
      expect(luoyang.body.months).toEqual([
        { period: '2020-08', year: 2020, month: 8, submitted: 1, pending: 0, closed: true, hasData: true },
        { period: '2020-09', year: 2020, month: 9, submitted: 1, pending: 0, closed: true, hasData: true },
      ]);
      const mengjin = await province.get('/api/periods?region=410322');
      expect(mengjin.body).toMatchObject({ month: '2020-09', months: [{ period: '2020-09' }] });
    });

    it('is not moved by a draft for the month under way, nor by a closed month of drafts only', async () => {
      const projects = await province.get('/api/projects?year=2020&pageSize=50');
      const l2 = projects.body.items.find((p: { code: string }) => p.code === 'L2').id;
      for (const month of [10, 7]) {
        const created = await city.post('/api/reports', {
          projectId: l2,
          year: 2020,
          month,
          investYtd: '600000000',
        });
        expect(created.status).toBe(201);
      }
      const after = await province.get('/api/periods?region=410000');
      expect(after.body).toMatchObject({ month: '2020-09', quarter: '2020Q3' });
      const byPeriod = Object.fromEntries(after.body.months.map((m: { period: string }) => [m.period, m]));
      expect(byPeriod['2020-10']).toMatchObject({ submitted: 0, pending: 1, closed: false, hasData: false });
      expect(byPeriod['2020-07']).toMatchObject({ submitted: 0, pending: 1, closed: true, hasData: false });
      expect(byPeriod['2020-09']).toMatchObject({ submitted: 2, hasData: true });
    });

    it('answers 404 outside the caller’s region and 400 for a malformed code', async () => {
      expect((await city.get('/api/periods?region=410800')).status).toBe(404);
      expect((await city.get('/api/periods?region=41')).status).toBe(400);
    });
  });
});
