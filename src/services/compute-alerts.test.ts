import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, project, REGIONS, report } from '../../test/helpers/factories';
import type { Database } from '../db/client';
import { computeAlerts } from './compute-alerts';
import { updateSettings } from './settings';

const YI = 100_000_000n;
const lights = (items: { code?: string; region?: { code: string }; level: string }[]) =>
  items.map((i) => `${i.code ?? i.region!.code}:${i.level}`);

describe.each(testDatabases({ partitioned: true }))('红黄绿灯 on $label', (target: TestDatabase) => {
  let database: Database;
  // 2020-09, time progress 75%. Each project has 10 亿 for the year.
  // P1 (孟津县) 8 亿 by September: green. P2 (洛阳市) 5 亿 in August, nothing for September: red.
  // P3 (洛龙区) planned to start on 1 July, never reported: red. P4 (焦作市) on time, one issue open
  // since 15 August (46 days): yellow. P5 (洛阳市) completed in May and reports no more: green.
  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [
        project('P1', { regionCode: '410322', annualTarget: 10n * YI }),
        project('P2', { annualTarget: 10n * YI }),
        project('P3', {
          regionCode: '410311',
          nature: 'new',
          annualTarget: 10n * YI,
          plannedStart: '2020-07-01',
        }),
        project('P4', { regionCode: '410800', annualTarget: 10n * YI }),
        project('P5', { annualTarget: 10n * YI }),
      ],
      { year: 2020, list: 'city_key' },
    );
    await load(database, 'reports', [
      report('P1', 9, 8n * YI, { started: true }),
      report('P2', 8, 5n * YI, { started: true }),
      report('P4', 9, 7n * YI, { started: true }),
      report('P5', 5, 10n * YI, { started: true, completed: true, completionDate: '2020-05-20' }),
    ]);
    await load(database, 'issues', [
      {
        projectCode: 'P4',
        category: null,
        description: '用地指标未落实',
        responsibleUnit: '焦作市自然资源局',
        raisedDate: '2020-08-15',
        dueDate: null,
        resolvedDate: null,
      },
      {
        projectCode: 'P1',
        category: null,
        description: '已解决的问题',
        responsibleUnit: null,
        raisedDate: '2020-03-01',
        dueDate: null,
        resolvedDate: '2020-04-01',
      },
    ]);
  });
  afterAll(() => database.close());

  it('lights the province’s projects, red first, and counts every level', async () => {
    const report = await computeAlerts(database, { region: '410000', period: '2020-09' });
    expect(lights(report.projects)).toEqual(['P2:red', 'P3:red', 'P4:yellow']);
    expect(report.counts).toEqual({ red: 2, yellow: 1, green: 2 });
    const p2 = report.projects[0]!;
    expect(p2.region.code).toBe('410300');
    expect(p2.alerts.map((a) => `${a.kind}:${a.level}:${a.value}`)).toEqual([
      'behind_time:red:-25',
      'no_report:yellow:0',
    ]);
    expect(report.projects[1]!.alerts.map((a) => a.kind)).toEqual([
      'behind_time',
      'not_started',
      'no_report',
    ]);
    expect(report.projects[2]!.alerts[0]).toMatchObject({
      kind: 'issue_overdue',
      level: 'yellow',
      value: 46,
    });
    // 洛阳 23/40 = 57.5%, 焦作 70%, the province 30/50 = 60%: no city more than 10 points behind.
    expect(report.provinceRate).toBeCloseTo(0.6, 12);
    expect(report.units).toEqual([]);
  });

  it('keeps a city to its own projects and compares its counties with the province', async () => {
    const report = await computeAlerts(database, { region: '410300', period: '2020-09' });
    expect(lights(report.projects)).toEqual(['P2:red', 'P3:red']);
    expect(report.counts).toEqual({ red: 2, yellow: 0, green: 2 });
    // 洛龙区 0% against 60%: red; 孟津县 80% and 洛阳市 as a whole 57.5%: green.
    expect(lights(report.units)).toEqual(['410311:red']);
    expect(report.units[0]!.alerts[0]).toMatchObject({ kind: 'region_behind', value: -60 });
  });

  it('filters by level', async () => {
    const yellow = await computeAlerts(database, { region: '410000', period: '2020-09', level: 'yellow' });
    expect(lights(yellow.projects)).toEqual(['P4:yellow']);
    const red = await computeAlerts(database, { region: '410300', period: '2020-09', level: 'red' });
    expect(lights(red.units)).toEqual(['410311:red']);
  });

  it('turns green once the gap is made up, and follows the administrator’s thresholds', async () => {
    await load(database, 'reports', [report('P2', 10, 9n * YI, { started: true })]);
    // October: 83.3%; P2 at 90% with its October report is green again (P1 owes October's report).
    const october = await computeAlerts(database, { region: '410300', period: '2020-10' });
    expect(lights(october.projects)).toEqual(['P3:red', 'P1:yellow']);
    const ctx = { actor: 'test', ip: null, now: new Date() };
    await updateSettings(database, ctx, { 'alert.issueDays': 50 });
    const september = await computeAlerts(database, { region: '410800', period: '2020-09' });
    expect(september.thresholds.issueDays).toBe(50);
    expect(september.projects).toEqual([]);
    await updateSettings(database, ctx, { 'alert.issueDays': 30 });
  });
});
