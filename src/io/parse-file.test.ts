import { copyFile, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, tempDir } from '../../test/fixtures/io/samples';
import { fakeZip } from '../../test/fixtures/io/zip';
import type { DealRecord, InputProblem, ProjectRecord } from '../domain/records';
import { checkInputFile, LIMITS } from './file-check';
import { parseFile } from './parse-file';
import { writeFile as writeRecords } from './write-file';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

const originalTz = process.env.TZ;
afterEach(() => {
  // Assigning undefined would set the string "undefined".
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

async function save(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const problem = (
  file: string,
  row: number | null,
  column: string | null,
  value: string | null,
  reason: string,
) => ({ file, row, column, value, reason }) satisfies InputProblem;

const project = (fields: Partial<ProjectRecord>): ProjectRecord => ({
  code: '',
  name: '',
  regionCode: '',
  owner: null,
  leader: null,
  domain: null,
  nature: 'new',
  totalInvestment: null,
  annualTarget: null,
  plannedStart: null,
  plannedCompletion: null,
  actualStart: null,
  actualCompletion: null,
  lng: null,
  lat: null,
  scope: null,
  plannedProduction: null,
  productionStart: null,
  outputValue: null,
  ...fields,
});

/** A workbook the way a city office makes one by hand in Excel. */
async function handMadeWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.getCell('A1').value = '2020年洛阳市重点项目台账';
  sheet.mergeCells('A1:K1');
  const parents: [string, string][] = [
    ['A3:A4', '序号'],
    ['B3:E3', '项目基本信息'],
    ['F3:F4', '建设\n性质'],
    ['G3:H3', '投资情况（万元）'],
    ['I3:J3', '实际'],
    ['K3:K4', '备注'],
  ];
  for (const [range, label] of parents) {
    sheet.getCell(range.slice(0, 2)).value = label;
    sheet.mergeCells(range);
  }
  const children = [
    '项目名称',
    '地区代码',
    '项目代码',
    '项目单位',
    '',
    '年度计划投资',
    '总投资',
    '开工日期',
    '竣工日期',
  ];
  children.forEach((label, i) => {
    if (label) sheet.getCell(4, i + 2).value = label;
  });
  sheet.addRow([
    1,
    '洛阳市伊河综合治理',
    410300,
    '2020-410300-47-01-012345',
    '洛阳水投',
    '新开工',
    '12,345.6',
    123456.7891,
    new Date(Date.UTC(2020, 2, 15)),
    null,
    '重点',
  ]);
  sheet.addRow([
    2,
    { richText: [{ text: '洛龙区' }, { text: '学校' }] },
    '410311',
    12345,
    null,
    '续建',
    1000,
    '1,000,000',
    44104,
    '2021/6/30',
  ]);
  sheet.addRow([]);
  sheet.addRow([
    3,
    '  示范区项目 ',
    419001,
    'JY-1',
    "'=不是公式",
    '计划竣工',
    { formula: 'H8/10', result: 500 },
    5000,
    '2020年9月30日',
    new Date(Date.UTC(2021, 0, 1)),
  ]);
  sheet.getCell('I5').numFmt = 'yyyy"年"m"月"d"日"';
  sheet.getCell('J8').numFmt = 'm/d/yy';
  workbook.addWorksheet('说明').getCell('A1').value = '这一页不读';
  await workbook.xlsx.writeFile(path);
}

describe('a hand-made workbook', () => {
  it('title row, two-row merged headers, shuffled and extra columns, dates, numeric codes, comma amounts', async () => {
    const path = join(dir, 'hand-made.xlsx');
    await handMadeWorkbook(path);
    process.env.TZ = 'America/Los_Angeles';
    const parsed = await parseFile('projects', path);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toEqual([
      {
        row: 5,
        record: project({
          code: '2020-410300-47-01-012345',
          name: '洛阳市伊河综合治理',
          regionCode: '410300',
          owner: '洛阳水投',
          nature: 'new',
          annualTarget: 123_456_000n,
          totalInvestment: 1_234_567_891n,
          actualStart: '2020-03-15',
        }),
      },
      {
        row: 6,
        record: project({
          code: '12345',
          name: '洛龙区学校',
          regionCode: '410311',
          nature: 'continuing',
          annualTarget: 10_000_000n,
          totalInvestment: 10_000_000_000n,
          actualStart: '2020-09-30',
          actualCompletion: '2021-06-30',
        }),
      },
      {
        row: 8,
        record: project({
          code: 'JY-1',
          name: '示范区项目',
          regionCode: '419001',
          owner: '=不是公式',
          nature: 'completing',
          annualTarget: 5_000_000n,
          totalInvestment: 50_000_000n,
          actualStart: '2020-09-30',
          actualCompletion: '2021-01-01',
        }),
      },
    ]);
    expect(parsed.columns).toEqual([
      { header: '项目名称', field: 'name', column: 'B' },
      { header: '地区代码', field: 'regionCode', column: 'C' },
      { header: '项目代码', field: 'code', column: 'D' },
      { header: '项目单位', field: 'owner', column: 'E' },
      { header: '建设性质', field: 'nature', column: 'F' },
      { header: '年度计划投资', field: 'annualTarget', column: 'G' },
      { header: '总投资', field: 'totalInvestment', column: 'H' },
      { header: '实际开工日期', field: 'actualStart', column: 'I' },
      { header: '实际竣工日期', field: 'actualCompletion', column: 'J' },
    ]);
    expect(parsed.warnings).toEqual([
      '已忽略未识别的列：序号（A 列）、备注（K 列）',
      '1 个公式单元格按 Excel 保存的计算结果读取（首个：第 8 行 G 列）',
    ]);
  });

  it('reports formulas without a cached result and error cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('reports');
    sheet.addRow(['项目代码', '年度', '月份', '累计完成投资(万元)']);
    sheet.addRow(['P1', 2020, 9, { formula: 'B2*2' }]);
    sheet.addRow(['P2', 2020, 9, { error: '#N/A' }]);
    const path = join(dir, 'formulas.xlsx');
    await workbook.xlsx.writeFile(path);
    const parsed = await parseFile('reports', path);
    expect(parsed.problems).toEqual([
      problem(
        'formulas.xlsx',
        2,
        '累计完成投资(万元)',
        '公式',
        '公式单元格没有计算结果：请在 Excel 中打开、保存后再导入，或改为数值',
      ),
      problem('formulas.xlsx', 3, '累计完成投资(万元)', '#N/A', '单元格为错误值 #N/A'),
    ]);
  });
});

describe('CSV files', () => {
  const dealsCsv =
    '签约项目名称,地区代码,投资方,投资方来源,500强类型,签约日期,合同投资额（万元）,到位资金（万元）,所属产业\r\n' +
    '"比亚迪洛阳产业园",410300,比亚迪股份有限公司,省外,中国500强,2020/6/18,"200,000",34567.89,新能源汽车\r\n' +
    '本地扩建,410311,,省内,,2020年12月31日,１２３４．５,,\r\n';
  const expectedDeals: DealRecord[] = [
    {
      name: '比亚迪洛阳产业园',
      regionCode: '410300',
      investor: '比亚迪股份有限公司',
      origin: 'out_of_province',
      top500: 'china500',
      signedDate: '2020-06-18',
      contractAmount: 2_000_000_000n,
      fundsInPlace: 345_678_900n,
      industry: '新能源汽车',
      startDate: null,
      projectCode: null,
    },
    {
      name: '本地扩建',
      regionCode: '410311',
      investor: null,
      origin: 'in_province',
      top500: null,
      signedDate: '2020-12-31',
      contractAmount: 12_345_000n,
      fundsInPlace: 0n,
      industry: null,
      startDate: null,
      projectCode: null,
    },
  ];

  it('GB18030 with Chinese headers and full-width parentheses', async () => {
    const path = await save('deals-gbk.csv', iconv.encode(dealsCsv, 'gb18030'));
    const parsed = await parseFile('deals', path);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.record)).toEqual(expectedDeals);
    expect(parsed.records.map((r) => r.row)).toEqual([2, 3]);
  });

  it('UTF-8 with BOM', async () => {
    const path = await save('deals-bom.csv', `\uFEFF${dealsCsv}`);
    const parsed = await parseFile('deals', path);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.record)).toEqual(expectedDeals);
    expect(parsed.columns[0]).toEqual({ header: '签约项目名称', field: 'name', column: 'A' });
  });

  it('lists every problem of an invalid file with its row, column, value and reason', async () => {
    const csv = [
      '项目代码,项目名称,地区代码,建设性质,总投资(万元),计划开工日期,经度',
      'P1,甲,410300,新开工,"1,234.5",2020-09-30,112.4',
      'P2,乙,4103,新建,12.34567,2020-02-30,200',
      ',丙,410300,续建,-5,2020年13月1日,',
      'P1,丁,410300,前期,,,',
      '',
      'P3,"戊, 多行\n名称",410300,前期,,2020/9/31,',
      'P4,己,410300,前期,,,',
    ].join('\n');
    const path = await save('bad.csv', csv);
    const parsed = await parseFile('projects', path);
    const f = 'bad.csv';
    expect(parsed.problems).toEqual([
      problem(f, 3, '地区代码', '4103', '地区代码应为 6 位数字，如 410300'),
      problem(f, 3, '建设性质', '新建', '建设性质应为 新开工 / 续建 / 计划竣工 / 前期'),
      problem(f, 3, '总投资(万元)', '12.34567', '金额最多 4 位小数（单位万元）'),
      problem(f, 3, '计划开工日期', '2020-02-30', '日期不存在（月份或日期超出范围）'),
      problem(f, 3, '经度', '200', '经度应为 73–136 之间的数字（中国境内）'),
      problem(f, 4, '项目代码', null, '必填项为空'),
      problem(f, 4, '总投资(万元)', '-5', '金额不能为负数'),
      problem(f, 4, '计划开工日期', '2020年13月1日', '日期不存在（月份或日期超出范围）'),
      problem(f, 5, '项目代码', 'P1', '与第 2 行重复（项目代码相同）'),
      problem(f, 7, '计划开工日期', '2020/9/31', '日期不存在（月份或日期超出范围）'),
    ]);
    expect(parsed.records.map((r) => [r.row, r.record.code])).toEqual([
      [2, 'P1'],
      [8, 'P4'],
    ]);
  });

  it('converts amounts whose header declares 亿元 exactly, and refuses units it does not know', async () => {
    const csv =
      '项目代码,项目名称,地区代码,建设性质,总投资（亿元）,年度计划投资\nP1,甲,410300,续建,15.32,1234.5678\n';
    const parsed = await parseFile('projects', await save('yi.csv', csv));
    expect(parsed.problems).toEqual([]);
    expect(parsed.records[0]?.record).toMatchObject({
      totalInvestment: 1_532_000_000n,
      annualTarget: 12_345_678n,
    });
    expect(parsed.warnings).toEqual(['「总投资（亿元）」（E 列）的金额单位为亿元，已按亿元换算']);

    const dollars = await parseFile('projects', await save('usd.csv', csv.replace('亿元', '万美元')));
    expect(dollars.records).toEqual([]);
    expect(dollars.problems).toEqual([
      problem(
        'usd.csv',
        1,
        '总投资（万美元）',
        '总投资（万美元）',
        '金额单位「万美元」无法识别：应为万元（也接受亿元、元，按单位换算）',
      ),
    ]);
  });

  it('reports keys duplicated within the file for composite keys', async () => {
    const csv = '项目代码,年度,月份,累计完成投资(万元)\nP1,2020,9,1\nP1,2020,8,1\nP1,2020,09,2\n';
    const parsed = await parseFile('reports', await save('dup-reports.csv', csv));
    expect(parsed.problems).toEqual([
      problem(
        'dup-reports.csv',
        4,
        '项目代码+年度+月份',
        'P1+2020+9',
        '与第 2 行重复（项目代码+年度+月份相同）',
      ),
    ]);
  });

  it('uses the year option where the year column is missing', async () => {
    const csv = '项目名称,地区代码,是否重大项目\n伊河廊道,410300,是\n';
    const path = await save('reserve.csv', csv);
    const withYear = await parseFile('reserve', path, { year: 2021 });
    expect(withYear.problems).toEqual([]);
    expect(withYear.records[0]?.record).toMatchObject({
      targetYear: 2021,
      major: true,
      totalInvestment: null,
    });
    const without = await parseFile('reserve', path);
    expect(without.problems).toEqual([problem('reserve.csv', 1, '目标年度', null, '缺少必填列「目标年度」')]);
  });

  it('reports an unclosed quote', async () => {
    const parsed = await parseFile(
      'regions',
      await save('open-quote.csv', '地区代码,地区名称,地区类型\n410300,"洛阳,省辖市\n'),
    );
    expect(parsed.problems).toContainEqual(
      problem(
        'open-quote.csv',
        2,
        null,
        null,
        '引号未闭合：从这一行开始的带引号字段直到文件末尾都没有结束引号',
      ),
    );
  });

  it('calls onProgress every 1000 rows and once at the end', async () => {
    const lines = [
      '地区代码,地区名称,地区类型',
      ...Array.from({ length: 2500 }, (_, i) => `${410000 + i},地区${i},县区`),
    ];
    const calls: number[] = [];
    const parsed = await parseFile('regions', await save('progress.csv', lines.join('\n')), {
      onProgress: (n) => calls.push(n),
    });
    expect(parsed.records).toHaveLength(2500);
    expect(calls).toEqual([1000, 2000, 2501]);
  });

  it('stops reading at the row limit and keeps no records', async () => {
    const lines = [
      '地区代码,地区名称,地区类型',
      ...Array.from({ length: 2500 }, (_, i) => `${410000 + i},地区${i},县区`),
    ];
    const calls: number[] = [];
    const parsed = await parseFile('regions', await save('long.csv', lines.join('\n')), {
      maxRows: 1500,
      onProgress: (n) => calls.push(n),
    });
    expect(parsed.records).toEqual([]);
    expect(parsed.problems).toEqual([
      problem('long.csv', null, null, null, '文件超过 1500 行的上限，请拆分后分批导入'),
    ]);
    // it stopped right after the limit instead of reading the rest of the file
    expect(calls.at(-1)).toBe(1501);
    expect(LIMITS.maxRows).toBeGreaterThanOrEqual(100_000);
  });
});

describe('files that are not what they claim', () => {
  const only = (reason: string, name: string) => ({
    records: [],
    warnings: [],
    columns: [],
    problems: [problem(name, null, null, null, reason)],
  });

  it('a CSV renamed to .xlsx', async () => {
    const path = await save('fake.xlsx', '地区代码,地区名称\n410300,洛阳\n');
    expect(await parseFile('regions', path)).toEqual(
      only('文件内容不是 .xlsx（不是 ZIP 格式，可能是改了扩展名的 CSV 或其他文件）', 'fake.xlsx'),
    );
  });

  it('an xlsx renamed to .csv', async () => {
    const xlsx = join(dir, 'real.xlsx');
    await writeRecords('regions', SAMPLES.regions, xlsx);
    const path = join(dir, 'renamed.csv');
    await copyFile(xlsx, path);
    expect(await parseFile('regions', path)).toEqual(
      only(
        '文件内容是 Excel（ZIP）格式而不是 CSV：请把扩展名改为 .xlsx，或在 Excel 中另存为 CSV',
        'renamed.csv',
      ),
    );
  });

  it('an old .xls (OLE2) named .xlsx, a binary .csv, a UTF-16 CSV', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    expect((await parseFile('regions', await save('old.xlsx', ole))).problems[0]?.reason).toBe(
      '这是旧版 Excel（.xls）或加密的工作簿：请在 Excel 中另存为 .xlsx（不加密码）后再导入',
    );
    const binary = Buffer.from([0x41, 0x00, 0x42, 0x01, 0x02]);
    expect((await parseFile('regions', await save('bin.csv', binary))).problems[0]?.reason).toBe(
      '文件含二进制内容，不是文本 CSV',
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('地区代码', 'utf16le')]);
    expect((await parseFile('regions', await save('u16.csv', utf16))).problems[0]?.reason).toBe(
      'CSV 是 UTF-16 编码：请另存为 UTF-8 或 GB18030 编码的 CSV',
    );
  });

  it('unknown extensions, empty and missing files', async () => {
    expect(await parseFile('regions', await save('data.xls', 'x'))).toEqual(
      only('不支持的文件类型 .xls：只接受 .xlsx 或 .csv', 'data.xls'),
    );
    expect(await parseFile('regions', await save('data', 'x'))).toEqual(
      only('不支持的文件类型 （无扩展名）：只接受 .xlsx 或 .csv', 'data'),
    );
    expect(await parseFile('regions', await save('empty.csv', ''))).toEqual(only('文件为空', 'empty.csv'));
    expect(await parseFile('regions', join(dir, 'nowhere.csv'))).toEqual(
      only('找不到文件或无法读取', 'nowhere.csv'),
    );
  });

  it('files above 50 MB', async () => {
    const path = await save('huge.csv', '');
    await truncate(path, 51 * 1024 * 1024);
    expect(await parseFile('regions', path)).toEqual(only('文件过大（51 MB），上限为 50 MB', 'huge.csv'));
  });

  it('xlsx whose zip directory has too many entries or too much uncompressed data', async () => {
    const many = fakeZip(
      Array.from({ length: 1001 }, (_, i) => ({ name: `xl/worksheets/sheet${i}.xml`, size: 10 })),
    );
    expect(await parseFile('regions', await save('many.xlsx', many))).toEqual(
      only('.xlsx 内部文件过多（1001 个，上限 1000 个），拒绝读取', 'many.xlsx'),
    );
    const bomb = fakeZip([
      { name: 'xl/workbook.xml', size: 1000 },
      { name: 'xl/worksheets/sheet1.xml', size: 600 * 1024 * 1024 },
    ]);
    expect(await parseFile('regions', await save('bomb.xlsx', bomb))).toEqual(
      only('.xlsx 解压后过大（600 MB，上限 500 MB），拒绝读取', 'bomb.xlsx'),
    );
  });

  it('a truncated xlsx', async () => {
    const xlsx = join(dir, 'whole.xlsx');
    await writeRecords('regions', SAMPLES.regions, xlsx);
    const bytes = await readFile(xlsx);
    const parsed = await parseFile('regions', await save('cut.xlsx', bytes.subarray(0, bytes.length - 100)));
    expect(parsed.problems).toEqual([
      problem(
        'cut.xlsx',
        null,
        null,
        null,
        '文件不是有效的 .xlsx：找不到完整的 ZIP 目录（文件可能已损坏或不完整）',
      ),
    ]);
  });

  it('a damaged deflate stream or a local header that disagrees with the directory (both stall exceljs)', async () => {
    const regions = Array.from({ length: 3000 }, (_, i) => ({
      ...SAMPLES.regions[4]!,
      code: String(410000 + i),
    }));
    const xlsx = join(dir, 'to-damage.xlsx');
    await writeRecords('regions', regions, xlsx);
    const bytes = await readFile(xlsx);
    const localHeader = (name: string) => bytes.indexOf(Buffer.from(name)) - 30;

    const flipped = Buffer.from(bytes);
    const sheet = localHeader('xl/worksheets/sheet1.xml');
    for (let i = 0; i < 8; i++) flipped[sheet + 30 + 24 + 200 + i]! ^= 0xa5;
    expect((await parseFile('regions', await save('flipped.xlsx', flipped))).problems).toEqual([
      problem(
        'flipped.xlsx',
        null,
        null,
        null,
        '.xlsx 已损坏：内部文件 xl/worksheets/sheet1.xml 无法完整解压',
      ),
    ]);

    const misSized = Buffer.from(bytes);
    misSized.writeUInt32LE(177, localHeader('xl/styles.xml') + 18);
    expect((await parseFile('regions', await save('mis-sized.xlsx', misSized))).problems).toEqual([
      problem('mis-sized.xlsx', null, null, null, '.xlsx 已损坏：内部文件 xl/styles.xml 无法完整解压'),
    ]);
  });

  it('a zip bomb that declares small sizes is stopped by the bytes it really inflates to', async () => {
    const bomb = fakeZip([
      { name: 'xl/worksheets/sheet1.xml', size: 1000, content: Buffer.alloc(3 * 1024 * 1024) },
    ]);
    const path = await save('liar.xlsx', bomb);
    expect(bomb.length).toBeLessThan(10_000);
    expect(await checkInputFile(path, { ...LIMITS, maxUncompressedBytes: 2 * 1024 * 1024 })).toEqual({
      ok: false,
      reason: '.xlsx 解压后过大（超过 2 MB 上限），拒绝读取',
    });
    expect(await checkInputFile(path)).toEqual({
      ok: false,
      reason: '.xlsx 已损坏：内部文件 xl/worksheets/sheet1.xml 无法完整解压',
    });
  });

  it('an xlsx with a valid directory but no workbook inside is a problem, not a crash', async () => {
    const empty = fakeZip([{ name: 'xl/workbook.xml', size: 0 }]);
    const parsed = await parseFile('regions', await save('hollow.xlsx', empty));
    expect(parsed.records).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.reason).toMatch(/^(前 10 行中找不到表头|无法读取 \.xlsx)/);
  });
});

describe('投产达效 columns', () => {
  it('reads files in the contract layout, without the production columns, as before', async () => {
    const csv = '项目代码,项目名称,地区代码,建设性质,总投资(万元)\nP1,甲,410300,续建,1000\n';
    const parsed = await parseFile('projects', await save('old-layout.csv', csv));
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.records[0]?.record).toEqual(
      project({
        code: 'P1',
        name: '甲',
        regionCode: '410300',
        nature: 'continuing',
        totalInvestment: 10_000_000n,
      }),
    );
  });

  it('reads them under their usual names, in any order, with the output value in 亿元', async () => {
    const csv = [
      '项目代码,项目名称,地区代码,建设性质,达产产值（亿元）,投产时间,预计投产时间',
      'P1,甲,410300,计划竣工,2.5,2020年8月15日,2020/7/31',
      'P2,乙,410300,续建,,,2022-06-30',
    ].join('\n');
    const parsed = await parseFile('projects', await save('production.csv', csv));
    expect(parsed.problems).toEqual([]);
    expect(parsed.columns.slice(4).map((c) => c.field)).toEqual([
      'outputValue',
      'productionStart',
      'plannedProduction',
    ]);
    expect(parsed.records.map((r) => r.record)).toEqual([
      project({
        code: 'P1',
        name: '甲',
        regionCode: '410300',
        nature: 'completing',
        plannedProduction: '2020-07-31',
        productionStart: '2020-08-15',
        outputValue: 250_000_000n,
      }),
      project({
        code: 'P2',
        name: '乙',
        regionCode: '410300',
        nature: 'continuing',
        plannedProduction: '2022-06-30',
      }),
    ]);
  });

  it('rejects a bad production date or output value by row and column', async () => {
    const csv =
      '项目代码,项目名称,地区代码,建设性质,实际投产日期,投产后年产值(万元)\nP1,甲,410300,续建,2020-02-30,-1\n';
    const parsed = await parseFile('projects', await save('bad-production.csv', csv));
    expect(parsed.problems).toEqual([
      problem('bad-production.csv', 2, '实际投产日期', '2020-02-30', '日期不存在（月份或日期超出范围）'),
      problem('bad-production.csv', 2, '投产后年产值(万元)', '-1', '金额不能为负数'),
    ]);
  });
});
