// The demo province states the seed article's figures and ranks as the article says.
//
// PostgreSQL: the demo is loaded here into an empty database. PGlite: a copy of the demo database the
// browser tier prepares once per generator version (test/browser/server.ts, preparedDemoData: the same
// loadDemo from empty, run by `sibi serve --demo` on PGlite) instead of a second load of its 294,645
// rows; the copy opens with the current migrations, and the last test loads the demo into it again
// through today's import path and finds nothing to write.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/client';
import { queryMonthlyInvestment } from '../src/db/metrics/monthly-investment';
import { queryUnitTotals } from '../src/db/metrics/unit-totals';
import { formatPercent } from '../src/domain/format';
import { formatYi } from '../src/domain/money';
import { parsePeriod } from '../src/domain/period';
import { scopeMap, unitMap } from '../src/domain/regions';
import { computeStats, DEFAULT_LISTS, scopeFor } from '../src/services/compute-stats';
import { runEvaluation } from '../src/services/evaluate-period';
import { loadDemo } from '../src/services/load-demo';
import { regionTree } from '../src/services/region-tree';
import { preparedDemoData } from './browser/server';
import { type TestDatabase, testDatabases } from './helpers/databases';

const LUOYANG = '410300';

describe.each(testDatabases())('demo province on $name', (target: TestDatabase) => {
  let database: Database;
  /** What the load from empty said (null on PGlite: the prepared database was loaded by its loader). */
  let firstLoad: string | null = null;
  let copy = '';
  beforeAll(async () => {
    if (target.name === 'pglite') {
      const prepared = await preparedDemoData();
      copy = mkdtempSync(join(tmpdir(), 'sibi-demo-province-'));
      cpSync(prepared, copy, { recursive: true });
      database = await openDatabase({ dataDir: copy });
    } else {
      database = await target.open();
      firstLoad = await loadDemo(database);
    }
  }, 1_200_000);
  afterAll(async () => {
    await database?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('states Luoyang’s key-project figures for 2020-09', async () => {
    const s = await computeStats(database, {
      region: LUOYANG,
      period: '2020-09',
      lists: ['province_key', 'city_key'],
    });
    expect(s.metrics['key.projectCount']).toBe(515);
    expect(s.metrics['key.investYtd']).toBe(153_200_000_000n);
    expect(formatYi(s.metrics['key.investYtd'] as bigint, 0)).toBe('1532亿元');
    expect(formatPercent(s.metrics['key.investRate'] as number)).toBe('96.9%');
    expect(s.metrics['key.plannedNewStarts']).toBe(253);
    expect(s.metrics['key.newStarted']).toBe(250);
    expect(formatPercent(s.metrics['key.newStartRate'] as number)).toBe('98.8%');
    expect(s.metrics['deals.signedCount']).toBe(254);
    expect(s.metrics['deals.signedAmount']).toBe(177_150_000_000n);
    expect(s.metrics['deals.startedCount']).toBe(204);
    expect(s.metrics['reserve.count'] as number).toBeGreaterThan(1000);
  });

  it('states Luoyang’s "982" figures for 2020-09', async () => {
    const s = await computeStats(database, { region: LUOYANG, period: '2020-09', lists: ['982'] });
    expect(s.metrics['key.projectCount']).toBe(728);
    expect(formatPercent(s.metrics['key.newStartRate'] as number, 2)).toBe('99.18%');
    expect(s.metrics['key.investYtd']).toBe(184_700_000_000n);
    expect(formatPercent(s.metrics['key.investRate'] as number, 0)).toBe('102%');
  });

  it('ranks Luoyang first among the cities in 2020 Q1–Q3 without leading every indicator', async () => {
    for (const period of ['2020Q1', '2020Q2', '2020Q3']) {
      const run = await runEvaluation(database, { scheme: 'sibisikan-2020', period, actor: 'test' });
      const cities = run.result.units.filter((u) => u.group === 'city');
      expect(cities).toHaveLength(18);
      const luoyang = cities.find((u) => u.code === LUOYANG)!;
      expect(luoyang.rank, period).toBe(1);
      const notLed = luoyang.indicators.filter((i) =>
        cities.some(
          (other) => other.code !== LUOYANG && other.indicators.find((x) => x.id === i.id)!.score > i.score,
        ),
      );
      expect(notLed.length, period).toBeGreaterThan(3);
    }
  });

  it('has Jiaozuo leading 比招引看投资 with 13.5 of 15 in 2020 Q3', async () => {
    const run = await runEvaluation(database, { scheme: 'sibisikan-2020', period: '2020Q3', actor: 'test' });
    const attraction = (code: string) =>
      run.result.units.find((u) => u.code === code)!.dimensions.find((d) => d.id === 'attraction')!.score;
    expect(attraction('410800')).toBeCloseTo(13.5, 9);
    for (const u of run.result.units.filter((x) => x.group === 'city' && x.code !== '410800')) {
      expect(attraction(u.code)).toBeLessThan(13.5);
    }
  });

  it('gives a city or county the same figures from its own projects as from the province’s rows', async () => {
    // A city's or county's queries start from its projects by index (MetricScope.regions); the
    // same query over the whole province's rows must say exactly the same.
    // Every city and county on PostgreSQL. On PGlite (the same PostgreSQL engine and the same SQL,
    // 6× slower here) 洛阳市, 孟津县 and the first region of each kind: the 424 queries of every region
    // took 560–660 s there at load average 30, against 99 s on PostgreSQL.
    const regions = await regionTree(database);
    const below = regions.filter((r) => r.kind !== 'province');
    expect(below.length).toBeGreaterThan(40);
    const checked =
      target.name === 'pglite'
        ? below.filter(
            (r, i) =>
              r.code === LUOYANG || r.code === '410322' || below.findIndex((o) => o.kind === r.kind) === i,
          )
        : below;
    const started = performance.now();
    for (const periodId of ['2020-09', '2021-12']) {
      const period = parsePeriod(periodId);
      for (const region of checked) {
        const units = unitMap(regions, region.code);
        units.set(region.code, region.code);
        const narrow = scopeFor(units, region.code, period, DEFAULT_LISTS);
        expect(narrow.regions, region.code).toBeDefined();
        const wide = { ...narrow, regions: undefined };
        expect(await queryUnitTotals(database.db, narrow), region.code).toEqual(
          await queryUnitTotals(database.db, wide),
        );
        const series = scopeFor(scopeMap(regions, region.code), region.code, period, DEFAULT_LISTS);
        expect(await queryMonthlyInvestment(database.db, series), region.code).toEqual(
          await queryMonthlyInvestment(database.db, { ...series, regions: undefined }),
        );
      }
    }
    console.info(
      `demo province (${target.name}): ${checked.length} of ${below.length} regions × 2 periods, ` +
        `${checked.length * 8} queries in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 900_000);

  it('carries approved 加分/扣分 events and adjustments of 2020 into the explanations', async () => {
    const run = await runEvaluation(database, { scheme: 'sibisikan-2020', period: '2020', actor: 'test' });
    const unit = (code: string) => run.result.units.find((u) => u.code === code)!;
    expect(unit(LUOYANG).bonus.lines).toEqual([
      expect.objectContaining({ source: 'event', item: 'national_recognition', count: 1, points: 1 }),
    ]);
    expect(unit(LUOYANG).bonus.lines[0]!.reason).toMatch(
      /^重点项目建设经验获国务院办公厅督查激励通报表扬.*依据：/,
    );
    expect(unit('410800').penalty.lines).toEqual([
      expect.objectContaining({ source: 'event', item: 'report_overdue', count: 2, points: 1 }),
    ]);
    expect(unit('410500').penalty.lines).toEqual([
      expect.objectContaining({
        source: 'manual',
        points: 1,
        author: 'demo',
        approvedBy: 'demo-reviewer',
        reason: '重点项目问题整改不力，被省领导小组约谈（模拟）',
      }),
    ]);
    expect(unit('410400').bonus.total).toBe(0.5);
  }, 120_000);

  it('loads again without writing anything', async () => {
    if (firstLoad !== null) expect(firstLoad).toMatch(/其中写入 [1-9]\d* 行/);
    expect(await loadDemo(database)).toMatch(/其中写入 0 行/);
    expect(await loadDemo(database, { skipIfLoaded: true })).toBe('已是最新，未重新载入');
    // The import path compares all 294,645 rows: 482 s (PostgreSQL) and 658 s (PGlite) at load average 30.
  }, 1_200_000);
});
