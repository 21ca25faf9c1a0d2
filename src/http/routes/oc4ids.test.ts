// GET /api/export/oc4ids over HTTP: a city officer downloads its region's package (a valid OC4IDS
// 0.9 file with a Content-Disposition name) and gets 404 for another city; a project owner gets
// only its own project; the admin roles may not export projects.
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
import { validateOc4idsPackage } from '../../../test/helpers/oc4ids';
import type { Database } from '../../db/client';

const YI = 100_000_000n;
const idsOf = (body: { projects: { id: string }[] }) => body.projects.map((p) => p.id);

describe.each(testDatabases())('GET /api/export/oc4ids on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let city: Client;
  let county: Client;
  let owner: Client;
  let sysadmin: Client;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [
        project('L1', { regionCode: '410322', annualTarget: 10n * YI, lng: 112.4, lat: 34.8 }),
        project('L2', { annualTarget: 10n * YI }),
        project('J1', { regionCode: '410800', annualTarget: 10n * YI }),
      ],
      { year: 2020, list: 'province_key' },
    );
    await load(database, 'reports', [
      report('L1', 9, 5n * YI, { started: true, progressNote: '主体结构施工' }),
      report('J1', 9, 8n * YI, { started: true }),
    ]);
    await createTestAccount(database, { username: 'city_o', role: 'city_officer', regionCode: '410300' });
    await createTestAccount(database, { username: 'county_o', role: 'county_officer', regionCode: '410322' });
    await createTestAccount(database, { username: 'owner_o', role: 'project_owner', projectCodes: ['L2'] });
    await createTestAccount(database, { username: 'sys_o', role: 'sysadmin' });
    server = await startServer(database, { clock: testClock(new Date('2020-10-08T02:00:00Z')) });
    city = await loginAs(server, { username: 'city_o', role: 'city_officer' });
    county = await loginAs(server, { username: 'county_o', role: 'county_officer' });
    owner = await loginAs(server, { username: 'owner_o', role: 'project_owner' });
    sysadmin = await loginAs(server, { username: 'sys_o', role: 'sysadmin' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('downloads the city’s package as a valid OC4IDS 0.9 file', async () => {
    const reply = await city.get('/api/export/oc4ids?period=2020-09');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe(
      'attachment; filename="oc4ids-410300-2020-09.json"',
    );
    expect(validateOc4idsPackage(reply.body).errors).toEqual([]);
    expect(idsOf(reply.body)).toEqual(['oc4ids-sibi-410000-L1', 'oc4ids-sibi-410000-L2']);
    const l1 = reply.body.projects[0];
    expect(l1.status).toBe('implementation');
    expect(l1.metrics[0].observations.map((o: { measure?: string }) => o.measure)).toEqual([
      '已开工',
      '主体结构施工',
    ]);
    expect(l1.metrics[1].observations[1].value).toEqual({ amount: 500_000_000, currency: 'CNY' });
  });

  it('exports a county of the city, and refuses another city and a county’s parent', async () => {
    const own = await city.get('/api/export/oc4ids?region=410322&year=2020');
    expect(own.status).toBe(200);
    expect(idsOf(own.body)).toEqual(['oc4ids-sibi-410000-L1']);
    expect((await city.get('/api/export/oc4ids?region=410800&year=2020')).status).toBe(404);
    expect((await county.get('/api/export/oc4ids?region=410300&year=2020')).status).toBe(404);
    expect(idsOf((await county.get('/api/export/oc4ids?year=2020')).body)).toEqual(['oc4ids-sibi-410000-L1']);
  });

  it('gives a project owner its own project only, and the admin roles nothing', async () => {
    const reply = await owner.get('/api/export/oc4ids?year=2020');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename="oc4ids-410000-2020.json"');
    expect(idsOf(reply.body)).toEqual(['oc4ids-sibi-410000-L2']);
    expect((await sysadmin.get('/api/export/oc4ids?year=2020')).status).toBe(403);
  });

  it('answers 404 with a reason for an empty selection, and 400 for a bad query', async () => {
    const empty = await city.get('/api/export/oc4ids?year=2021');
    expect(empty.status).toBe(404);
    expect(empty.body.error.message).toContain('没有可导出的项目');
    expect((await city.get('/api/export/oc4ids')).status).toBe(400);
    expect((await city.get('/api/export/oc4ids?period=2020-13')).status).toBe(400);
    expect((await city.get('/api/export/oc4ids?year=2020&format=xlsx')).status).toBe(400);
  });
});
