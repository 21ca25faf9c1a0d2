// GET /api/warnings over HTTP: a city officer sees its own projects' and counties' lights, filters
// by level, and gets 404 for another city; the system administrator changes a threshold through
// /api/settings and the lights follow. The CLI's text is checked on the same answer.
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
    server = await startServer(database, { clock: testClock(new Date('2020-10-08T02:00:00Z')) });
    city = await loginAs(server, { username: 'city_w', role: 'city_officer' });
    sysadmin = await loginAs(server, { username: 'sys_w', role: 'sysadmin' });
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
});
