import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, project, REGIONS, report } from '../../test/helpers/factories';
import type { Database } from '../db/client';
import { composeDashboard } from './compose-dashboard';
import { computeStats } from './compute-stats';
import { publishEvaluation } from './publish-evaluation';

const YI = 100_000_000n;

describe.each(testDatabases())('dashboard on $name', (target: TestDatabase) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [
        project('L1', { regionCode: '410322', annualTarget: 15n * YI }),
        project('L2', { regionCode: '410300', annualTarget: 6n * YI }),
        project('J1', { regionCode: '410800', annualTarget: 12n * YI }),
      ],
      { year: 2020, list: 'province_key' },
    );
    await load(database, 'reports', [
      report('L1', 3, 2n * YI),
      report('L1', 6, 5n * YI),
      report('L1', 9, 9n * YI),
      report('L2', 5, 1n * YI),
      report('L2', 8, 3n * YI),
      report('J1', 9, 11n * YI),
    ]);
    // A report not yet approved never counts.
    await database.db.execute(
      sql`update monthly_reports set state = 'submitted' where month = 8 and project_id = (select id from projects where code = 'L2')`,
    );
  });
  afterAll(() => database.close());

  it('carries each project’s latest approved figure forward month by month, against the plan to date', async () => {
    const d = await composeDashboard(database, { region: '410300', period: '2020-09' });
    expect(d.monthly.map((m) => [m.month, m.investYtd / YI])).toEqual([
      [1, 0n],
      [2, 0n],
      [3, 2n],
      [4, 2n],
      [5, 3n],
      [6, 6n],
      [7, 6n],
      [8, 6n],
      [9, 10n],
    ]);
    // 21 亿 a year: 1.75 亿 a month, exactly
    expect(d.monthly[0]!.planToDate).toBe(175_000_000n);
    expect(d.monthly[8]!.planToDate).toBe(1_575_000_000n);
    expect(d.metrics['key.investYtd']).toBe(10n * YI);
    expect(d.metrics['key.annualTarget']).toBe(21n * YI);
  });

  it('states the same figures as the statistics, and names the children behind time progress', async () => {
    for (const region of ['410300', '410000']) {
      const d = await composeDashboard(database, { region, period: '2020-09' });
      const stats = await computeStats(database, { region, period: '2020-09' });
      expect(d.metrics).toEqual(stats.metrics);
    }
    const city = await composeDashboard(database, { region: '410300', period: '2020-09' });
    expect(city.children.map((c) => [c.unit.code, c.gap === null ? null : Number(c.gap.toFixed(4))])).toEqual(
      [
        ['410311', null],
        ['410322', -0.15],
      ],
    );
    expect(city.lagging.map((c) => c.unit.code)).toEqual(['410322']);
    const province = await composeDashboard(database, { region: '410000', period: '2020-09' });
    // Jiaozuo 11/12 is ahead of 9/12; Luoyang 10/21 is behind; Gongyi has no target.
    expect(province.lagging.map((c) => c.unit.code)).toEqual(['410300']);
  });

  it('reads the region’s rank in each published evaluation of its parent', async () => {
    expect((await composeDashboard(database, { region: '410800', period: '2020-09' })).rankHistory).toEqual(
      [],
    );
    // A fixture of a few rows covers too little for the publish gate: published with a reason.
    await publishEvaluation(database, {
      scheme: 'sibisikan-2020',
      period: '2020Q3',
      actor: 'test',
      overrideReason: '测试用的少量数据',
    });
    const d = await composeDashboard(database, { region: '410800', period: '2020-09' });
    expect(d.rankHistory).toEqual([
      expect.objectContaining({
        schemeId: 'sibisikan-2020',
        period: '2020Q3',
        group: 'city',
        rank: 1,
        groupSize: 2,
      }),
    ]);
    expect(d.rankHistory[0]!.total).toBeGreaterThan(0);
  });
});
