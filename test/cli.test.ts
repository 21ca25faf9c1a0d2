// The `sibi` command end to end, in a child process, on both databases: imports of files made the
// way people make them, rejection without writes, statistics, and export → import round trips.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../src/io/parse-file';
import { type CliTarget, createCliTarget, testDatabases } from './helpers/databases';
import { ROOT, sibi } from './helpers/run-sibi';

const REGIONS_CSV = join(ROOT, '..', 'shared', 'design', 'henan-regions.csv');

/** A ledger as a city office keeps it: a title row, two-row merged headers, dates as dates. */
async function handMadeProjects(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2020年省重点项目');
  ws.addRow(['2020年洛阳市省重点项目台账']);
  ws.mergeCells('A1:H1');
  ws.addRow(['项目基本信息', '', '', '', '投资情况（万元）', '', '进度安排', '']);
  ws.mergeCells('A2:D2');
  ws.mergeCells('E2:F2');
  ws.mergeCells('G2:H2');
  ws.addRow([
    '项目代码',
    '项目名称',
    '地区代码',
    '建设性质',
    '总投资',
    '年度计划投资',
    '计划开工日期',
    '备注',
  ]);
  ws.addRow([
    '2020-410322-47-01-000001',
    '孟津县智能装备产业园',
    410322,
    '新开工',
    '120,000',
    30000.5,
    new Date(Date.UTC(2020, 2, 15)),
    '无',
  ]);
  ws.addRow([
    '2020-410300-48-01-000002',
    '洛阳市城市快速路',
    '410300',
    '续建',
    500000,
    '80,000',
    '2019/5/1',
    '',
  ]);
  ws.addRow([
    '2020-410800-47-01-000003',
    '焦作市新材料项目',
    '410800',
    '续建',
    90000,
    20000,
    '2019年6月1日',
    '',
  ]);
  await wb.xlsx.writeFile(file);
}

function reportsCsv(rows: string[]): Buffer {
  const header =
    '项目代码,年度,月份,累计完成投资(万元),是否开工,实际开工日期,是否竣工,实际竣工日期,形象进度,存在问题,报送日期';
  return iconv.encode(`${[header, ...rows].join('\r\n')}\r\n`, 'gb18030');
}

// Each test starts CLI processes (tsx, then the database opened): up to nine in one test, minutes
// on a loaded machine.
describe.each(testDatabases().map((d) => d.name))('sibi on %s', { timeout: 300_000 }, (name) => {
  let target: CliTarget;
  let dir: string;
  const run = (...args: string[]) => sibi(args, target.env);

  beforeAll(async () => {
    target = await createCliTarget(name);
    dir = mkdtempSync(join(tmpdir(), 'sibi-cli-files-'));
  });
  afterAll(async () => {
    await target.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the province’s regions file as shipped', async () => {
    expect(existsSync(REGIONS_CSV)).toBe(true);
    const result = await run('import', 'regions', REGIONS_CSV);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('已导入 henan-regions.csv：44 行（新增 44');
    expect(result.code).toBe(0);
  });

  it('imports a hand-made workbook with merged two-row headers and states its figures', async () => {
    const file = join(dir, '省重点项目.xlsx');
    await handMadeProjects(file);
    const result = await run('import', 'projects', file, '--year', '2020', '--list', 'province_key');
    expect(result.stderr).toContain('备注'); // the extra column is named in a warning
    expect(result.code).toBe(0);
    const reports = join(dir, 'reports.csv');
    writeFileSync(
      reports,
      reportsCsv([
        '2020-410322-47-01-000001,2020,8,"12,000",是,2020/3/20,否,,主体施工,,2020-09-03',
        '2020-410322-47-01-000001,2020,9,15000.25,是,2020/3/20,否,,主体封顶,用地待批,2020-10-08',
        '2020-410300-48-01-000002,2020,9,60000,是,,否,,路面施工,,2020-10-04',
        '2020-410300-48-01-000002,2020,10,70000,是,,否,,路面施工,,2020-11-04',
      ]),
    );
    expect((await run('import', 'reports', reports)).code).toBe(0);
    const stats = await run(
      'stats',
      '--region',
      '410300',
      '--period',
      '2020-09',
      '--list',
      'province_key',
      '--json',
    );
    expect(stats.code).toBe(0);
    const json = JSON.parse(stats.stdout);
    expect(json.metrics['key.projectCount']).toBe(2);
    // 30000.5 + 80000 万元 = 110000.5 万元 = 1,100,005,000 元; 15000.25 + 60000 万元 = 750,002,500 元 (October not counted).
    expect(json.metrics['key.annualTarget']).toBe(1_100_005_000);
    expect(json.metrics['key.investYtd']).toBe(750_002_500);
    expect(json.metrics['key.newStartRate']).toBe(1);
    expect(json.metrics['reports.onTimeRate']).toBeCloseTo(2 / 18, 12); // 2 projects × 9 months, 2 on time
    expect(json.metrics['deals.bigShare']).toBeNull();
    const text = await run('stats', '--region', '410300', '--period', '2020-09', '--list', 'province_key');
    expect(text.stdout).toContain('7.50亿元');
  });

  it('rejects a file with bad rows, listing every problem and writing nothing', async () => {
    const bad = join(dir, 'bad-reports.csv');
    writeFileSync(
      bad,
      reportsCsv([
        '2020-410322-47-01-000001,2020,13,100,是,,否,,,,',
        '2020-410300-48-01-000002,2020,9,abc,是,,否,,,,',
        '2020-410300-48-01-000002,2020,11,90000,是,2020/2/30,否,,,,',
      ]),
    );
    const before = await run('export', 'reports', '--out', join(dir, 'before.csv'));
    const result = await run('import', 'reports', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad-reports\.csv 第2行 列「月份」 值「13」/);
    expect(result.stderr).toMatch(/第3行 列「累计完成投资\(万元\)」 值「abc」/);
    expect(result.stderr).toMatch(/第4行 列「实际开工日期」 值「2020\/2\/30」/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    const after = await run('export', 'reports', '--out', join(dir, 'after.csv'));
    expect(after.stdout).toBe(before.stdout.replace('before.csv', 'after.csv'));
    expect(readFileSync(join(dir, 'after.csv'))).toEqual(readFileSync(join(dir, 'before.csv')));
  });

  it('rejects references to unknown projects and regions by row', async () => {
    const unknown = join(dir, 'unknown.csv');
    writeFileSync(unknown, reportsCsv(['NO-SUCH-CODE,2020,9,100,否,,否,,,,']));
    const result = await run('import', 'reports', unknown);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('第2行 列「项目代码」 值「NO-SUCH-CODE」：项目代码不存在');
  });

  it('round-trips export → import → export without changing anything', async () => {
    for (const [kind, extra] of [
      ['regions', []],
      ['projects', ['--year', '2020', '--list', 'province_key']],
      ['reports', []],
    ] as const) {
      const first = join(dir, `${kind}-1.xlsx`);
      const second = join(dir, `${kind}-2.xlsx`);
      expect((await run('export', kind, '--out', first, ...extra)).code).toBe(0);
      const again = await run('import', kind, first, ...extra);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/新增 0，更新 0，未变 \d+/);
      expect((await run('export', kind, '--out', second, ...extra)).code).toBe(0);
      const a = await parseFile(kind, first);
      const b = await parseFile(kind, second);
      expect(b.records).toEqual(a.records);
      expect(a.records.length).toBeGreaterThan(0);
    }
  });

  it('answers usage errors with exit code 2', async () => {
    const unknownKind = await run('import', 'widgets', 'x.csv');
    expect(unknownKind.code).toBe(2);
    expect(unknownKind.stderr).toContain('未知的数据类型「widgets」');
    const badPeriod = await run('stats', '--region', '410300', '--period', '2020-13');
    expect(badPeriod.code).toBe(2);
    expect((await run('import', 'projects', join(dir, '省重点项目.xlsx'))).code).toBe(2);
  });
});
