// `sibi bulletin` as a user runs it: in the test’s process, on a database prepared beforehand (PGlite folder
// or a PostgreSQL database copied from the migrated template), writing the file and exiting 0; a bad --format exits 2.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sibiInProcess as sibi } from '../../../test/helpers/cli-in-process';
import { createCliTarget, type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, project, REGIONS, report } from '../../../test/helpers/factories';
import { openCliDatabase } from '../../../test/helpers/serve-once';

const YI = 100_000_000n;

/** A database the command can open, by folder (PGlite) or URL (PostgreSQL). */
async function prepare(
  target: TestDatabase['name'],
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const { env, cleanup: drop } = await createCliTarget(target);
  const database = await openCliDatabase(env);
  await load(database, 'regions', REGIONS);
  await load(
    database,
    'projects',
    [project('L1', { regionCode: '410322', nature: 'new', annualTarget: 10n * YI })],
    {
      year: 2020,
      list: 'province_key',
    },
  );
  await load(database, 'reports', [report('L1', 9, 8n * YI, { started: true })]);
  await database.close();
  return { env, drop };
}

describe.each(testDatabases())('sibi bulletin on $name', (target: TestDatabase) => {
  let dir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-bulletin-'));
    ({ env, drop } = await prepare(target.name));
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the province bulletin as markdown and exits 0', async () => {
    const out = join(dir, 'out', '通报.md');
    const run = await sibi(
      ['bulletin', '--period', '2020Q3', '--format', 'md', '--out', out, '--date', '2020-10-15'],
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('草稿：考评结果尚未发布');
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('# 关于2020年第三季度全省重点项目“四比四看”活动综合考评结果的通报');
    expect(md).toContain(
      '截至9月底，全省1个省市重点项目年度计划投资10亿元，累计完成投资8亿元，占年度目标的80.0%',
    );
    expect(md).toContain('2020年10月15日');
    expect(md).not.toContain('模拟数据');
  });

  it('writes a city summary as docx, marked 模拟数据 on request', async () => {
    const out = join(dir, 'luoyang.docx');
    const run = await sibi(
      [
        'bulletin',
        '--period',
        '2020Q3',
        '--region',
        '410300',
        '--format',
        'docx',
        '--out',
        out,
        '--demo-mark',
      ],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^我市.*获.*全省第一\n/);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('writes the spreadsheet 附件 of red and yellow projects with --annex', async () => {
    const out = join(dir, 'tongbao.docx');
    const annex = join(dir, 'annex', '预警名单.xlsx');
    const run = await sibi(
      ['bulletin', '--period', '2020Q3', '--format', 'docx', '--out', out, '--annex', annex],
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // L1 (8 of 10亿 against 75%) is green: a spreadsheet with its title, basis, headers and no project
    expect(run.stdout).toContain(`附件 2020年9月重点项目红黄灯预警名单（0 个项目）已写入 ${annex}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(annex)).buffer);
    const sheet = workbook.getWorksheet('预警名单')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('2020年9月重点项目红黄灯预警名单');
    expect(sheet.getRow(2).getCell(1).value).toBe('草稿：本期考评结果尚未发布，名单按当前数据生成。');
    expect(sheet.getRow(3).getCell(1).value).toBe('序号');
    expect(sheet.rowCount).toBe(3);
  });
});

describe('sibi bulletin usage errors', () => {
  // No database is opened for these: the options are checked first.
  const env = { SIBI_DATA_DIR: join(tmpdir(), 'sibi-bulletin-never-created') };

  it('exits 2 on a bad --format', async () => {
    const run = await sibi(
      ['bulletin', '--period', '2020Q3', '--format', 'pdf', '--out', join(tmpdir(), 'x.pdf')],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不支持的通报格式「pdf」');
  });

  it('exits 2 on an --annex that is not .xlsx', async () => {
    const run = await sibi(
      [
        'bulletin',
        '--period',
        '2020Q3',
        '--format',
        'md',
        '--out',
        join(tmpdir(), 'x.md'),
        '--annex',
        'x.csv',
      ],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('附件应为 .xlsx 文件');
  });

  it('exits 2 without --out', async () => {
    const run = await sibi(['bulletin', '--period', '2020Q3', '--format', 'md'], env);
    expect(run.code).toBe(2);
  });
});
