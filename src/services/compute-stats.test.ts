import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { deal, load, project, REGIONS, report } from '../../test/helpers/factories';
import type { Database } from '../db/client';
import { readProjects } from '../db/read-records';
import { computeStats } from './compute-stats';

const YI = 100_000_000n;

describe.each(testDatabases())('stats on $name', (target: TestDatabase) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    // P1 in a county of Luoyang, on two lists; P2 in the city itself, new start; P3 never reports.
    await load(database, 'projects', [project('P1', { regionCode: '410322', annualTarget: 10n * YI })], {
      year: 2020,
      list: 'province_key',
    });
    await load(database, 'projects', [project('P1', { regionCode: '410322', annualTarget: 10n * YI })], {
      year: 2020,
      list: 'city_key',
    });
    await load(
      database,
      'projects',
      [
        project('P2', { nature: 'new', annualTarget: 5n * YI, plannedCompletion: '2020-12-31' }),
        project('P3', { nature: 'new', annualTarget: 5n * YI }),
        project('P4', { regionCode: '410800', annualTarget: 7n * YI }),
      ],
      { year: 2020, list: 'city_key' },
    );
    await load(database, 'reports', [
      report('P1', 7, 6n * YI),
      report('P1', 8, 7n * YI),
      // September missing: August's 7 亿 counts. October must not count in 2020-09.
      report('P1', 10, 9n * YI),
      report('P2', 9, 2n * YI, { started: true, startDate: '2020-09-10' }),
      report('P2', 10, 3n * YI, { completed: true, completionDate: '2020-10-20' }),
      report('P4', 9, 1n * YI),
    ]);
    await load(database, 'deals', [
      deal('D1', {
        contractAmount: 25n * YI,
        startDate: '2020-05-01',
        origin: 'out_of_province',
        fundsInPlace: 3n * YI,
      }),
      deal('D2', { regionCode: '410322', top500: 'global500' }),
      deal('D3', { signedDate: '2020-10-02' }),
      deal('D4', { signedDate: '2019-12-31' }),
    ]);
  });
  afterAll(() => database.close());

  it('sums a city with its counties, counting a project on two lists once', async () => {
    const stats = await computeStats(database, { region: '410300', period: '2020-09' });
    expect(stats.metrics['key.projectCount']).toBe(3);
    // targets 10 + 5 + 5 = 20 亿; completed 7 (P1, August) + 2 (P2) = 9 亿; P3 has no report.
    expect(stats.metrics['key.annualTarget']).toBe(20n * YI);
    expect(stats.metrics['key.investYtd']).toBe(9n * YI);
    expect(stats.metrics['key.investRate']).toBeCloseTo(0.45, 12);
    expect(stats.metrics['key.plannedNewStarts']).toBe(2);
    expect(stats.metrics['key.newStarted']).toBe(1);
    expect(stats.metrics['key.newStartRate']).toBe(0.5);
    // P2 completes in October: planned, not yet completed by September.
    expect(stats.metrics['key.plannedCompletions']).toBe(1);
    expect(stats.metrics['key.completed']).toBe(0);
  });

  it('counts October in 2020-10 and a county alone', async () => {
    const october = await computeStats(database, { region: '410300', period: '2020-10' });
    expect(october.metrics['key.investYtd']).toBe(12n * YI);
    expect(october.metrics['key.completed']).toBe(1);
    const county = await computeStats(database, { region: '410322', period: '2020-09' });
    expect(county.metrics['key.projectCount']).toBe(1);
    expect(county.metrics['key.investYtd']).toBe(7n * YI);
    expect(county.metrics['key.newStartRate']).toBeNull();
  });

  it('counts a county project for its province, and one list alone', async () => {
    const province = await computeStats(database, { region: '410000', period: '2020-09' });
    expect(province.metrics['key.projectCount']).toBe(4);
    expect(province.metrics['key.investYtd']).toBe(10n * YI);
    const provinceKey = await computeStats(database, {
      region: '410000',
      period: '2020-09',
      lists: ['province_key'],
    });
    expect(provinceKey.metrics['key.projectCount']).toBe(1);
    expect(provinceKey.metrics['key.annualTarget']).toBe(10n * YI);
  });

  it('counts deals signed within the period only', async () => {
    const stats = await computeStats(database, { region: '410300', period: '2020-09' });
    expect(stats.metrics['deals.signedCount']).toBe(2);
    expect(stats.metrics['deals.signedAmount']).toBe(35n * YI);
    expect(stats.metrics['deals.startedCount']).toBe(1);
    expect(stats.metrics['deals.outsideFunds']).toBe(3n * YI);
    expect(stats.metrics['deals.bigShare']).toBe(0.5);
    expect(stats.metrics['deals.top500Share']).toBe(0.5);
    const q1 = await computeStats(database, { region: '410300', period: '2020Q1' });
    expect(q1.metrics['deals.signedCount']).toBe(2);
    expect(q1.metrics['deals.landingRate']).toBe(0);
  });

  it('answers an unknown region with a clear error', async () => {
    await expect(computeStats(database, { region: '999999', period: '2020-09' })).rejects.toThrow(
      '地区 999999 不存在',
    );
  });
});

describe.each(testDatabases())('投产达效 stats on $name', (target: TestDatabase) => {
  let database: Database;
  // Luoyang (with its county 410322) at 2020-09: planned this year A, B, C, F; in production by
  // 30 September A, B (the last day counts), D (planned for 2021, early) and E (since 2019).
  const luoyang2020 = [
    project('A', {
      regionCode: '410322',
      plannedProduction: '2020-06-30',
      productionStart: '2020-06-15',
      outputValue: 3n * YI,
    }),
    project('B', { plannedProduction: '2020-08-31', productionStart: '2020-09-30', outputValue: 2n * YI }),
    project('C', { plannedProduction: '2020-11-30', productionStart: '2020-10-08', outputValue: 5n * YI }),
    project('D', { plannedProduction: '2021-03-31', productionStart: '2020-07-01', outputValue: 4n * YI }),
    project('E', { plannedProduction: '2019-12-31', productionStart: '2019-12-20', outputValue: 1n * YI }),
    project('F', { plannedProduction: '2020-12-31', outputValue: 6n * YI }),
    project('G'),
  ];
  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(database, 'projects', luoyang2020, { year: 2020, list: 'city_key' });
    // A is on both lists: counted once. H was on the 2019 list only: not part of 2020.
    await load(database, 'projects', [luoyang2020[0]!], { year: 2020, list: 'province_key' });
    await load(
      database,
      'projects',
      [
        project('H', {
          plannedProduction: '2019-05-01',
          productionStart: '2019-05-01',
          outputValue: 9n * YI,
        }),
      ],
      { year: 2019, list: 'city_key' },
    );
    await load(
      database,
      'projects',
      [
        project('J1', { regionCode: '410800' }),
        project('K1', { regionCode: '410181', plannedProduction: '2021-06-30', outputValue: 1n * YI }),
      ],
      { year: 2020, list: 'city_key' },
    );
  });
  afterAll(() => database.close());

  it('stores the production columns and reads them back unchanged', async () => {
    const back = await readProjects(database.db, {
      regionCodes: ['410300', '410322'],
      year: 2020,
      list: 'city_key',
    });
    expect(back).toEqual(luoyang2020);
  });

  it('counts planned this year, in production by the period end, and their output value', async () => {
    const s = await computeStats(database, { region: '410300', period: '2020-09' });
    expect(s.totals.key.plannedProductions).toBe(4); // A, B, C, F — not D (2021) nor E (2019)
    expect(s.totals.key.plannedInProduction).toBe(2); // A, B — C starts in October
    expect(s.metrics['key.plannedProductions']).toBe(4);
    expect(s.metrics['key.productionRate']).toBe(0.5);
    expect(s.metrics['key.productionStarted']).toBe(4); // A, B, D, E — not C, F, G; H is not on a 2020 list
    expect(s.metrics['key.outputValue']).toBe(10n * YI); // 3 + 2 + 4 + 1
  });

  it('moves with the period end, and reads a county alone', async () => {
    const october = await computeStats(database, { region: '410300', period: '2020-10' });
    expect(october.metrics['key.productionRate']).toBe(0.75);
    expect(october.metrics['key.productionStarted']).toBe(5);
    expect(october.metrics['key.outputValue']).toBe(15n * YI);
    const june = await computeStats(database, { region: '410300', period: '2020-06' });
    expect(june.metrics['key.productionRate']).toBe(0.25); // A only
    expect(june.metrics['key.productionStarted']).toBe(2); // A, E
    expect(june.metrics['key.outputValue']).toBe(4n * YI);
    const county = await computeStats(database, { region: '410322', period: '2020-09' });
    expect(county.metrics['key.productionRate']).toBe(1);
    expect(county.metrics['key.outputValue']).toBe(3n * YI);
  });

  it('has no production rate where nothing is planned this year', async () => {
    const jiaozuo = await computeStats(database, { region: '410800', period: '2020-09' });
    expect(jiaozuo.metrics['key.plannedProductions']).toBe(0);
    expect(jiaozuo.metrics['key.productionRate']).toBeNull();
    expect(jiaozuo.metrics['key.productionStarted']).toBe(0);
    expect(jiaozuo.metrics['key.outputValue']).toBe(0n);
    // Gongyi plans production for 2021 only: not in the 2020 denominator.
    const gongyi = await computeStats(database, { region: '410181', period: '2020-09' });
    expect(gongyi.metrics['key.productionRate']).toBeNull();
    const province = await computeStats(database, { region: '410000', period: '2020-09' });
    expect(province.metrics['key.productionRate']).toBe(0.5);
    expect(province.metrics['key.outputValue']).toBe(10n * YI);
  });
});
