// GET /api/map over HTTP on both databases: the points with their stage and 红黄绿灯 (the same as
// GET /api/warnings), the child units' completion rates and schematic outlines; a city officer sees
// only their city's projects and gets 404 for another city.
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
import type { Database } from '../../db/client';
import { insideRing } from '../../domain/region-outlines';
import { computeAlerts } from '../../services/compute-alerts';

const YI = 100_000_000n;

interface Point {
  id: number;
  code: string;
  unitCode: string | null;
  lng: number;
  lat: number;
  stage: string;
  level: string;
}

describe.each(testDatabases())('GET /api/map on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let city: Client;
  let province: Client;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    // 2020-09 (time progress 75%): L1 in 孟津县 at 50% (red), L2 in 洛阳市 itself at 70% without a
    // September report (yellow), L3 a 前期 project in 洛龙区, L4 completed in 孟津县, L5 without
    // coordinates, J1 in 焦作市 at 80% (green).
    await load(
      database,
      'projects',
      [
        project('L1', { regionCode: '410322', annualTarget: 10n * YI, lng: 112.44, lat: 34.82 }),
        project('L2', { annualTarget: 10n * YI, lng: 112.45, lat: 34.62 }),
        project('L3', {
          regionCode: '410311',
          nature: 'preparatory',
          annualTarget: null,
          lng: 112.5,
          lat: 34.6,
        }),
        project('L4', {
          regionCode: '410322',
          annualTarget: 2n * YI,
          actualStart: '2019-03-01',
          actualCompletion: '2020-06-30',
          lng: 112.38,
          lat: 34.85,
        }),
        project('L5', { regionCode: '410322', nature: 'new', annualTarget: 1n * YI }),
        project('J1', { regionCode: '410800', annualTarget: 10n * YI, lng: 113.24, lat: 35.21 }),
      ],
      { year: 2020, list: 'province_key' },
    );
    await load(database, 'reports', [
      report('L1', 9, 5n * YI, { started: true }),
      report('L2', 8, 7n * YI, { started: true }),
      report('L4', 9, 2n * YI, { started: true, completed: true, completionDate: '2020-06-30' }),
      report('J1', 9, 8n * YI, { started: true }),
    ]);
    await createTestAccount(database, { username: 'city_m', role: 'city_officer', regionCode: '410300' });
    await createTestAccount(database, { username: 'prov_m', role: 'province_officer', regionCode: '410000' });
    server = await startServer(database, { clock: testClock(new Date('2020-10-08T02:00:00Z')) });
    city = await loginAs(server, { username: 'city_m', role: 'city_officer' });
    province = await loginAs(server, { username: 'prov_m', role: 'province_officer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('gives a city officer their city’s located projects with stage and light, and its counties', async () => {
    const reply = await city.get('/api/map?region=410300&period=2020-09');
    expect(reply.status).toBe(200);
    const body = reply.body;
    expect(body.region).toEqual({ code: '410300', name: '洛阳市', kind: 'city' });
    expect(body.period).toBe('2020-09');
    const points = body.points as Point[];
    expect(points.map((p) => `${p.code}:${p.unitCode}:${p.stage}`)).toEqual([
      'L1:410322:under_construction',
      'L2:null:under_construction',
      'L3:410311:preparatory',
      'L4:410322:completed',
    ]);
    expect(points.find((p) => p.code === 'J1')).toBeUndefined();
    expect(body.unlocatedProjects).toBe(1);
    // 总投资 of all five projects, located or not (100 000 000 000 元 each)
    expect(body.totalInvestment).toBe('500000000000');
    expect(
      body.children.map((c: { region: { code: string }; totalInvestment: string }) => c.totalInvestment),
    ).toEqual(['100000000000', '300000000000']);
    expect(points[0]).toMatchObject({ lng: 112.44, lat: 34.82, level: 'red' });
    expect(points[1]!.level).toBe('yellow');
    // the same lights as GET /api/warnings: red and yellow from computeAlerts, green otherwise
    const alerts = await computeAlerts(database, { region: '410300', period: '2020-09' });
    const expected = new Map(alerts.projects.map((p) => [p.id, p.level]));
    for (const p of points) expect(p.level).toBe(expected.get(p.id) ?? 'green');

    expect(
      body.children.map(
        (c: { region: { code: string }; completionRate: number | null; investYtd: string }) => [
          c.region.code,
          c.completionRate,
          c.investYtd,
        ],
      ),
    ).toEqual([
      ['410311', null, '0'],
      ['410322', 7 / 13, String(7n * YI)],
    ]);
    const features = body.outlines.features as { id: string; geometry: { coordinates: number[][][] } }[];
    expect(features.map((f) => f.id)).toEqual(['410311', '410322']);
    expect(
      insideRing(features.find((f) => f.id === '410322')!.geometry.coordinates[0]!, [112.44, 34.82]),
    ).toBe(true);
    expect(body.unlocatedChildren).toEqual([]);
  });

  it('shades the province’s cities and lists those without a located project', async () => {
    const reply = await province.get('/api/map?region=410000&period=2020-09');
    expect(reply.status).toBe(200);
    expect((reply.body.points as Point[]).map((p) => `${p.code}:${p.unitCode}:${p.level}`)).toEqual([
      'J1:410800:green',
      'L1:410300:red',
      'L2:410300:yellow',
      'L3:410300:yellow',
      'L4:410300:green',
    ]);
    const rates = Object.fromEntries(
      reply.body.children.map((c: { region: { code: string }; completionRate: number | null }) => [
        c.region.code,
        c.completionRate,
      ]),
    );
    expect(rates).toEqual({ '410181': null, '410300': (5 + 7 + 2) / (10 + 10 + 2 + 1), '410800': 0.8 });
    expect(reply.body.outlines.features.map((f: { id: string }) => f.id)).toEqual(['410300', '410800']);
    expect(reply.body.unlocatedChildren).toEqual(['410181']);
  });

  it('answers 404 to a city officer for another city, and 400 to a malformed period', async () => {
    expect((await city.get('/api/map?region=410800&period=2020-09')).status).toBe(404);
    expect((await city.get('/api/map?region=410300&period=2020-13')).status).toBe(400);
  });
});
