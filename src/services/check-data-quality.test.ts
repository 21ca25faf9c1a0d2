// 数据质量检查 over stored reports, on PGlite and PostgreSQL (partitioned too): a region's findings
// for a period with the counts per child unit, one draft's findings with the sent history, and an
// import that lists the findings on its rows without rejecting them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, project, REGIONS, report } from '../../test/helpers/factories';
import type { Database } from '../db/client';
import { projectsByCode } from '../db/lookups';
import { insertReport } from '../db/records/reports';
import { checkDataQuality, checkReportQuality } from './check-data-quality';
import { importRecords } from './import-records';
import { updateSettings } from './settings';

const WAN = 10_000n;
const found = (items: { projectCode: string; check: string; month: number }[]) =>
  items.map((f) => `${f.projectCode}:${f.check}@${f.month}`);

describe.each(testDatabases({ partitioned: true }))('数据质量检查 on $label', (target: TestDatabase) => {
  let database: Database;
  let draftId: number;
  let q2: number;
  // Q1 (孟津县): total 1000 万元, 2019 completed 600 万元; 2020 cumulative 100, 300, 250 (falls in
  // March), 450 (600 + 450 crosses the total in April). Q2 (洛阳市): the same progress text in
  // January to March; April is a draft with it again. J1 (焦作市): clean. J2 (焦作市): 20 万元 in
  // January, 2000 万元 more in February (100×).
  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [
        project('Q1', { regionCode: '410322', totalInvestment: 1000n * WAN }),
        project('Q2'),
        project('J1', { regionCode: '410800' }),
        project('J2', { regionCode: '410800' }),
      ],
      { year: 2020, list: 'province_key' },
    );
    const note = (m: number, code: string) => ({ started: true, progressNote: `${code} 第${m}月进度` });
    const same = { started: true, progressNote: '主体结构施工' };
    await load(database, 'reports', [
      report('Q1', 12, 600n * WAN, { ...note(12, 'Q1'), year: 2019 }),
      report('Q1', 1, 100n * WAN, note(1, 'Q1')),
      report('Q1', 2, 300n * WAN, note(2, 'Q1')),
      report('Q1', 3, 250n * WAN, note(3, 'Q1')),
      report('Q1', 4, 450n * WAN, note(4, 'Q1')),
      report('Q2', 1, 10n * WAN, same),
      report('Q2', 2, 20n * WAN, same),
      report('Q2', 3, 30n * WAN, same),
      report('J1', 1, 100n * WAN, note(1, 'J1')),
      report('J1', 2, 200n * WAN, note(2, 'J1')),
      report('J2', 1, 20n * WAN, note(1, 'J2')),
      report('J2', 2, 2020n * WAN, note(2, 'J2')),
    ]);
    const { id, provinceCode } = (await projectsByCode(database.db, ['Q2'])).get('Q2')!;
    q2 = id;
    const draft = await insertReport(database.db, {
      projectId: id,
      provinceCode,
      year: 2020,
      month: 4,
      investYtd: 40n * WAN,
      started: true,
      progressNote: '主体结构施工',
      state: 'draft',
    });
    draftId = draft!.id;
  });
  afterAll(() => database.close());

  it('lists the province’s findings, latest month first, and counts them per city', async () => {
    const q = await checkDataQuality(database, { region: '410000', period: '2020-04' });
    expect(found(q.findings)).toEqual([
      'Q1:month_over_remaining@4',
      'Q1:cumulative_falling@3',
      'Q2:copied_progress@3',
      'J2:jump@2',
    ]);
    const over = q.findings[0]!;
    expect(over).toMatchObject({
      severity: 'error',
      year: 2020,
      regionCode: '410322',
      projectName: '项目Q1',
    });
    expect(over.figures).toMatchObject({ investedBefore: String(600n * WAN), remaining: String(150n * WAN) });
    expect(over.message).toContain('以前年度已完成 600 万元');
    expect(typeof over.reportId).toBe('number');
    // 11 reports sent in January–April (the draft is not), 4 with a finding
    expect(q.counts).toEqual({ reports: 11, clean: 7, errors: 2, warnings: 2 });
    expect(q.metrics).toEqual({ 'reports.qualityFindings': 4, 'reports.cleanRate': 7 / 11 });
    expect(q.byCheck).toMatchObject({
      cumulative_falling: 1,
      month_over_remaining: 1,
      jump: 1,
      copied_progress: 1,
    });
    const units = Object.fromEntries(q.units.map((u) => [u.region.code, u.counts]));
    expect(units['410300']).toEqual({ reports: 7, clean: 4, errors: 2, warnings: 1 });
    expect(units['410800']).toEqual({ reports: 4, clean: 3, errors: 0, warnings: 1 });
    expect(units['410181']).toEqual({ reports: 0, clean: 0, errors: 0, warnings: 0 });
    expect(q.units.find((u) => u.region.code === '410181')!.metrics['reports.cleanRate']).toBeNull();
  });

  it('scopes to a city and to the period’s months', async () => {
    const city = await checkDataQuality(database, { region: '410300', period: '2020-02' });
    expect(found(city.findings)).toEqual([]);
    expect(city.counts.reports).toBe(4);
    expect(city.units.map((u) => u.region.code)).toEqual(['410311', '410322']);
    const march = await checkDataQuality(database, { region: '410300', period: '2020Q1' });
    expect(found(march.findings)).toEqual(['Q1:cumulative_falling@3', 'Q2:copied_progress@3']);
    // the last month only: checked against the months before it, counted alone
    const april = await checkDataQuality(database, { region: '410000', period: '2020-04', months: 'last' });
    expect(april.months).toBe('last');
    expect(found(april.findings)).toEqual(['Q1:month_over_remaining@4']);
    expect(april.counts).toEqual({ reports: 1, clean: 0, errors: 1, warnings: 0 });
  });

  it('checks a draft with the sent history, and follows the thresholds in the settings', async () => {
    const draft = { id: draftId, projectId: q2, year: 2020, month: 4 };
    const findings = await checkReportQuality(database, draft);
    expect(found(findings)).toEqual(['Q2:copied_progress@4']);
    expect(findings[0]!.message).toContain('连续 4 个月');
    await updateSettings(
      database,
      { actor: 'test', ip: null, now: new Date() },
      { 'quality.copiedMonths': 5 },
    );
    expect(found(await checkReportQuality(database, draft))).toEqual([]);
    await updateSettings(
      database,
      { actor: 'test', ip: null, now: new Date() },
      { 'quality.copiedMonths': 3 },
    );
  });

  it('an import lists the findings on its own rows as warnings and still imports', async () => {
    const rows = [
      // J1 has no March or April: May's 150 万元 is below February's 200 万元
      report('J1', 5, 150n * WAN, { started: true, progressNote: 'J1 五月' }),
      report('J1', 6, 160n * WAN, { started: true, progressNote: 'J1 六月' }),
    ];
    const request = {
      kind: 'reports' as const,
      file: 'r.xlsx',
      rows: rows.map((record, i) => ({ row: i + 2, record })),
      actor: 'test',
    };
    const dry = await importRecords(database, { ...request, dryRun: true });
    expect(dry.inserted).toBe(2);
    expect(dry.quality).toMatchObject({ errors: 1, warnings: 0 });
    expect(found(dry.quality!.findings)).toEqual(['J1:cumulative_falling@5']);
    const real = await importRecords(database, request);
    expect(real.inserted).toBe(2);
    expect(found(real.quality!.findings)).toEqual(['J1:cumulative_falling@5']);
    // other kinds carry no quality field
    const projects = await load(database, 'projects', [project('J1', { regionCode: '410800' })], {
      year: 2020,
    });
    expect(projects.quality).toBeUndefined();
  });
});
