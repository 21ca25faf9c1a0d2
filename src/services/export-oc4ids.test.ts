// The OC4IDS export on both databases: what the query selects (region subtree, list, year, the
// latest approved report up to the period, the caller's visibility), the mapped values, and every
// package valid against the published 0.9 schema — for hand-made edge cases and for a city of the
// deterministic demo province.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, project, REGIONS, report } from '../../test/helpers/factories';
import { validateOc4idsPackage } from '../../test/helpers/oc4ids';
import { freshReport } from '../../test/helpers/records';
import type { Database } from '../db/client';
import { projectsByCode } from '../db/lookups';
import { queryRows } from '../db/query';
import { generateDemo } from '../demo/generate-demo';
import { parseWanToYuan } from '../domain/money';
import type { ProjectRecord, ReportRecord } from '../domain/records';
import { buildPackage } from '../io/oc4ids/package';
import type { Oc4idsPackage } from '../io/oc4ids/types';
import { NotFoundError, RuleViolationError, UsageError } from './errors';
import { exportOc4ids, loadOc4idsExport, type Oc4idsExportRequest } from './export-oc4ids';

const YI = 100_000_000n;
const NOW = new Date('2020-10-03T02:00:00Z');

async function exported(database: Database, request: Omit<Oc4idsExportRequest, 'actor'>) {
  const pkg = buildPackage(await loadOc4idsExport(database, { actor: 'test', ...request }));
  const check = validateOc4idsPackage(JSON.parse(JSON.stringify(pkg)));
  expect(check.errors).toEqual([]);
  return pkg;
}

const codes = (pkg: Oc4idsPackage) => pkg.projects.map((p) => p.id.replace('oc4ids-sibi-410000-', ''));
const byCode = (pkg: Oc4idsPackage, code: string) => pkg.projects.find((p) => p.id.endsWith(`-${code}`))!;
const observation = (pkg: Oc4idsPackage, code: string, metric: string, id: string) =>
  byCode(pkg, code)
    .metrics?.find((m) => m.id === metric)
    ?.observations.find((o) => o.id === id);

describe.each(testDatabases())('OC4IDS export on $name', (target: TestDatabase) => {
  let database: Database;
  // 2020, 省重点. A1 (孟津县) started in August, approved reports for August, September and October;
  // A2 (洛阳市) 前期, nothing reported, no coordinates; A3 (洛龙区) completed in June; A6 (孟津县)
  // approved for July, its September report only submitted; A4 (焦作市) outside 洛阳; A5 on the
  // city list only.
  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [
        project('A1', {
          regionCode: '410322',
          nature: 'new',
          owner: '孟津县能源开发有限公司',
          domain: '能源',
          totalInvestment: parseWanToYuan('12345.6789')!,
          annualTarget: 3n * YI,
          plannedStart: '2020-08-01',
          plannedCompletion: '2022-06-30',
          lng: 112.443,
          lat: 34.826,
          scope: '装机容量100兆瓦，建设升压站',
        }),
        project('A2', { nature: 'preparatory', domain: '基础设施', annualTarget: YI }),
        project('A3', { regionCode: '410311', nature: 'completing', annualTarget: 2n * YI }),
        project('A4', { regionCode: '410800' }),
        project('A6', { regionCode: '410322', annualTarget: 4n * YI }),
      ],
      { year: 2020, list: 'province_key' },
    );
    await load(database, 'projects', [project('A5')], { year: 2020, list: 'city_key' });
    await load(database, 'reports', [
      report('A1', 8, YI, { started: true, startDate: '2020-08-10', progressNote: '基础施工' }),
      report('A1', 9, 2n * YI, { started: true, startDate: '2020-08-10', progressNote: '主体施工' }),
      report('A1', 10, 25n * (YI / 10n), {
        started: true,
        startDate: '2020-08-10',
        progressNote: '设备安装',
      }),
      report('A3', 6, 2n * YI, { started: true, completed: true, completionDate: '2020-06-20' }),
      report('A4', 9, YI, { started: true }),
      report('A6', 7, 3n * YI, { started: true, progressNote: '七月进度' }),
    ]);
    const a6 = (await projectsByCode(database.db, ['A6'])).get('A6')!;
    await freshReport(database, NOW, { ...a6, code: 'A6', name: '项目A6' }, 'submitted', 2020, 9);
  });
  afterAll(() => database.close());

  it('exports a city’s province-list projects with their latest approved report up to the period', async () => {
    const pkg = await exported(database, { region: '410300', period: '2020-09' });
    expect(codes(pkg)).toEqual(['A1', 'A2', 'A3', 'A6']);
    expect(pkg.uri).toBe('urn:sibi:oc4ids:410300:2020-09:province_key');
    expect(pkg.publisher.name).toBe('河南省洛阳市重点项目办');

    const a1 = byCode(pkg, 'A1');
    expect(a1.status).toBe('implementation');
    expect(a1.sector).toEqual(['energy']);
    expect(a1.budget!.amount).toEqual({ amount: 123_456_789, currency: 'CNY' });
    expect(a1.locations[0]!.geometry).toEqual({ type: 'Point', coordinates: [112.443, 34.826] });
    expect(a1.description).toBe('装机容量100兆瓦，建设升压站');
    expect(a1.publicAuthority).toEqual({ id: 'owner', name: '孟津县能源开发有限公司' });
    // September's report, not October's
    expect(observation(pkg, 'A1', 'financialProgress', '2020-09-investYtd')!.value).toEqual({
      amount: 200_000_000,
      currency: 'CNY',
    });
    expect(observation(pkg, 'A1', 'financialProgress', '2020-annualTarget')!.value!.amount).toBe(300_000_000);
    expect(observation(pkg, 'A1', 'physicalProgress', '2020-09-progress')!.measure).toBe('主体施工');
    expect(observation(pkg, 'A1', 'physicalProgress', 'started')!.period).toEqual({
      startDate: '2020-08-10T00:00:00+08:00',
    });

    const a2 = byCode(pkg, 'A2');
    expect(a2.status).toBe('preparation');
    expect(a2.sector).toBeUndefined();
    expect(a2.additionalClassifications[0]).toEqual({
      scheme: 'sibi-domain',
      id: '基础设施',
      description: '所属领域：基础设施',
    });
    expect(a2.locations[0]!.geometry).toBeUndefined();
    expect(a2.locations[0]!.address).toEqual({ region: '河南省', locality: '洛阳市', countryName: '中国' });
    expect(a2.metrics!.map((m) => m.id)).toEqual(['financialProgress']);

    const a3 = byCode(pkg, 'A3');
    expect(a3.status).toBe('completion');
    expect(a3.completion).toEqual({ endDate: '2020-06-20T23:59:59+08:00' });

    // the submitted (not yet approved) September report is not published: July's is
    expect(observation(pkg, 'A6', 'financialProgress', '2020-07-investYtd')!.value!.amount).toBe(300_000_000);
    expect(observation(pkg, 'A6', 'financialProgress', '2020-09-investYtd')).toBeUndefined();
    expect(observation(pkg, 'A6', 'physicalProgress', '2020-07-progress')!.measure).toBe('七月进度');
  });

  it('takes the year’s latest approved report without a period, and the whole province by default', async () => {
    const pkg = await exported(database, { year: 2020 });
    expect(codes(pkg)).toEqual(['A1', 'A2', 'A3', 'A4', 'A6']);
    expect(pkg.uri).toBe('urn:sibi:oc4ids:410000:2020:province_key');
    expect(observation(pkg, 'A1', 'financialProgress', '2020-10-investYtd')!.value!.amount).toBe(250_000_000);
    // generated on demand: the date of the latest change to what it holds, not the clock
    const latest = pkg.projects.map((p) => p.updated).sort();
    expect(pkg.publishedDate).toBe(latest.at(-1));
    expect(pkg.publishedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // the same data gives the same package
    expect(await exported(database, { year: 2020 })).toEqual(pkg);
  });

  it('reads another list, and only what the caller may see', async () => {
    expect(codes(await exported(database, { region: '410300', year: 2020, list: 'city_key' }))).toEqual([
      'A5',
    ]);
    const county = await exported(database, {
      region: '410300',
      year: 2020,
      visibility: { kind: 'regions', regionCodes: ['410322'] },
    });
    expect(codes(county)).toEqual(['A1', 'A6']);
    const a3 = (await projectsByCode(database.db, ['A3'])).get('A3')!;
    const owner = await exported(database, {
      year: 2020,
      visibility: { kind: 'projects', projectIds: [a3.id], leaderName: null },
    });
    expect(codes(owner)).toEqual(['A3']);
  });

  it('refuses an empty package, a missing year and a year that contradicts the period', async () => {
    await expect(loadOc4idsExport(database, { region: '410181', year: 2020, actor: 't' })).rejects.toThrow(
      NotFoundError,
    );
    await expect(loadOc4idsExport(database, { year: 2021, actor: 't' })).rejects.toThrow(/没有可导出的项目/);
    await expect(loadOc4idsExport(database, { region: '419999', year: 2020, actor: 't' })).rejects.toThrow(
      NotFoundError,
    );
    await expect(loadOc4idsExport(database, { actor: 't' })).rejects.toThrow(UsageError);
    await expect(loadOc4idsExport(database, { year: 2021, period: '2020-09', actor: 't' })).rejects.toThrow(
      UsageError,
    );
  });

  it('writes an audit row for each export, and none for an export that fails', async () => {
    const { pkg, fileName } = await exportOc4ids(database, {
      region: '410322',
      period: '2020Q3',
      actor: 'auditor-check',
    });
    expect(pkg.projects).toHaveLength(2);
    expect(fileName).toMatch(/^oc4ids-410322-/);
    // 2^53 元 is past what a JSON number carries exactly: refused, and no "ok" row written.
    await load(
      database,
      'projects',
      [project('HUGE', { regionCode: '410181', totalInvestment: 2n ** 53n })],
      {
        year: 2020,
        list: 'province_key',
      },
    );
    await expect(
      exportOc4ids(database, { region: '410181', year: 2020, actor: 'auditor-huge' }),
    ).rejects.toThrow(RuleViolationError);
    const huge = await queryRows(database.db, sql`select 1 from audit_log where actor = 'auditor-huge'`);
    expect(huge).toHaveLength(0);
    const rows = await queryRows<{
      action: string;
      target_id: string;
      details: { projects: number; period: string };
    }>(database.db, sql`select action, target_id, details from audit_log where actor = 'auditor-check'`);
    expect(rows.map((r) => [r.action, r.target_id, r.details.projects, r.details.period])).toEqual([
      ['export.oc4ids', '410322', 2, '2020Q3'],
    ]);
  });
});

describe.each(testDatabases())('OC4IDS export of a demo city on $name', (target: TestDatabase) => {
  let database: Database;
  let projects: ProjectRecord[];
  let reports: ReportRecord[];
  // 鹤壁市 (410600): its 2020 省重点 projects and their 2020 reports, from the demo generator.
  beforeAll(async () => {
    const demo = generateDemo();
    projects = demo.projectLists
      .find((l) => l.year === 2020 && l.list === 'province_key')!
      .projects.filter((p) => p.regionCode.startsWith('4106'));
    const wanted = new Set(projects.map((p) => p.code));
    reports = demo.reports.filter((r) => r.year === 2020 && wanted.has(r.projectCode));
    database = await target.open();
    await load(database, 'regions', demo.regions);
    await load(database, 'projects', projects, { year: 2020, list: 'province_key' });
    await load(database, 'reports', reports);
  });
  afterAll(() => database.close());

  it('gives a valid package whose figures are the demo’s', async () => {
    const pkg = await exported(database, { region: '410600', period: '2020-09' });
    expect(projects.length).toBeGreaterThan(10);
    expect(pkg.projects.length).toBe(projects.length);
    expect(new Set(pkg.projects.map((p) => p.id)).size).toBe(projects.length);
    for (const p of projects) {
      const out = byCode(pkg, p.code);
      expect(out.title).toBe(p.name);
      expect(out.budget?.amount.amount).toBe(
        p.totalInvestment === null ? undefined : Number(p.totalInvestment),
      );
      if (p.lng !== null && p.lat !== null)
        expect(out.locations[0]!.geometry!.coordinates).toEqual([p.lng, p.lat]);
      const latest = reports
        .filter((r) => r.projectCode === p.code && r.month <= 9)
        .sort((a, b) => b.month - a.month)[0];
      const mm = latest ? String(latest.month).padStart(2, '0') : '';
      expect(observation(pkg, p.code, 'financialProgress', `2020-${mm}-investYtd`)?.value?.amount).toBe(
        latest ? Number(latest.investYtd) : undefined,
      );
      if (latest?.completed) expect(out.status).toBe('completion');
      else if (latest?.started) expect(out.status).toBe('implementation');
    }
    // the demo's fields map to a sector only for 能源 and 现代农业
    const sectors = new Set(pkg.projects.flatMap((p) => p.sector ?? []));
    for (const s of sectors) expect(['energy', 'economy']).toContain(s);
  });
});
