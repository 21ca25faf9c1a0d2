import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, tempDir } from '../../test/fixtures/io/samples';
import { IMPORT_KINDS, type ProjectRecord } from '../domain/records';
import { KIND_SPECS } from './columns';
import { parseFile } from './parse-file';
import { writeFile, writeTemplate } from './write-file';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

describe('round trip: records → file → records', () => {
  for (const kind of IMPORT_KINDS) {
    for (const ext of ['xlsx', 'csv'] as const) {
      it(`${kind} through .${ext} comes back equal`, async () => {
        const path = join(dir, `${kind}.${ext}`);
        await writeFile(kind, SAMPLES[kind], path);
        const parsed = await parseFile(kind, path);
        expect(parsed.problems).toEqual([]);
        expect(parsed.warnings).toEqual([]);
        expect(parsed.records.map((r) => r.record)).toEqual(SAMPLES[kind]);
        expect(parsed.records.map((r) => r.row)).toEqual(SAMPLES[kind].map((_, i) => i + 2));
        expect(parsed.columns.map((c) => c.field)).toEqual(KIND_SPECS[kind].columns.map((c) => c.field));
      });
    }
  }

  it('writes the spec headers in spec order and the record values', async () => {
    const path = join(dir, 'projects-layout.csv');
    await writeFile('projects', SAMPLES.projects.slice(0, 1), path);
    const text = await readFile(path, 'utf8');
    expect(
      text.startsWith('\uFEFF项目代码,项目名称,地区代码,项目单位,分包领导,所属领域,建设性质,总投资(万元),'),
    ).toBe(true);
    const [, row] = text.slice(1).split('\r\n');
    expect(`${row}`).toBe(
      '2020-410300-47-01-012345,"洛阳市""四比四看""示范项目, 一期",410300,洛阳城建集团,张三,基础设施,新开工,' +
        '123456789.0123,12345.6789,2020-03-01,2022-12-31,2020-02-29,,112.454,34.619,"建设道路 12 公里；\n配套管网、绿化。",' +
        '2022-10-01,,246913578.0246',
    );
  });

  it('writes amounts as numbers when exact and as text otherwise, dates as text, booleans as 是/否', async () => {
    const path = join(dir, 'cells.xlsx');
    await writeFile('projects', SAMPLES.projects, path);
    await writeFile('reports', SAMPLES.reports, join(dir, 'cells-reports.xlsx'));
    const sheet = await firstSheet(path);
    expect(sheet.getCell('H2').value).toBe(123456789.0123);
    expect(sheet.getCell('I2').value).toBe(12345.6789);
    expect(sheet.getCell('H4').value).toBe('9007199254740.9931');
    expect(sheet.getCell('J2').value).toBe('2020-03-01');
    expect(sheet.getCell('C2').value).toBe('410300');
    const reports = await firstSheet(join(dir, 'cells-reports.xlsx'));
    expect(reports.getCell('E2').value).toBe('是');
    expect(reports.getCell('G2').value).toBe('否');
  });
});

describe('formula-injection defence', () => {
  const dangerous: ProjectRecord = {
    ...SAMPLES.projects[1]!,
    name: '=1+2',
    owner: '+SUM(A1:A2)',
    leader: '-3',
    domain: '@cmd',
    scope: "'=already",
  };

  it('xlsx: text starting with = + - @ is a plain string cell with an apostrophe, never a formula', async () => {
    const path = join(dir, 'inject.xlsx');
    await writeFile('projects', [dangerous], path);
    const sheet = await firstSheet(path);
    const cells = ['B2', 'D2', 'E2', 'F2', 'P2'].map((ref) => sheet.getCell(ref));
    expect(cells.map((c) => c.type)).toEqual(Array(5).fill(ExcelJS.ValueType.String));
    expect(cells.map((c) => c.value)).toEqual(["'=1+2", "'+SUM(A1:A2)", "'-3", "'@cmd", "''=already"]);
    expect(cells.every((c) => c.formula === undefined)).toBe(true);
    const parsed = await parseFile('projects', path);
    expect(parsed.records[0]?.record).toEqual(dangerous);
  });

  it('a leading tab or carriage return is neutralised too, in both formats', async () => {
    // Stored as typed (the importer trims cells, so these come from other paths: API text, notes).
    const sneaky = { ...dangerous, name: '\t=cmd|calc', owner: '\r=1+1', leader: 'plain' };
    const xlsx = join(dir, 'inject-ws.xlsx');
    await writeFile('projects', [sneaky], xlsx);
    const sheet = await firstSheet(xlsx);
    expect(sheet.getCell('B2').value).toBe("'\t=cmd|calc");
    // XML reads a carriage return back as a line feed; the apostrophe in front is what matters
    expect(sheet.getCell('D2').value).toMatch(/^'[\r\n]=1\+1$/);
    expect(sheet.getCell('E2').value).toBe('plain');
    expect(sheet.getCell('B2').formula).toBeUndefined();
    const csv = join(dir, 'inject-ws.csv');
    await writeFile('projects', [sneaky], csv);
    const text = await readFile(csv, 'utf8');
    expect(text).toContain("'\t=cmd|calc");
    expect(text).toContain('"\'\r=1+1"');
    expect(text).not.toMatch(/[,\n]\t=/);
  });

  it('csv: the same texts are written with an apostrophe and read back as written', async () => {
    const path = join(dir, 'inject.csv');
    await writeFile('projects', [dangerous], path);
    const text = await readFile(path, 'utf8');
    expect(text).toContain(",'=1+2,410311,'+SUM(A1:A2),'-3,'@cmd,");
    // 建设规模及内容, then the three empty 投产 columns.
    expect(text).toContain(",''=already,,,\r\n");
    const parsed = await parseFile('projects', path);
    expect(parsed.records[0]?.record).toEqual(dangerous);
  });
});

describe('writeTemplate', () => {
  for (const ext of ['xlsx', 'csv'] as const) {
    it(`writes the header row only (.${ext}), which parses as an empty file with every column`, async () => {
      const path = join(dir, `template-deals.${ext}`);
      await writeTemplate('deals', path);
      const parsed = await parseFile('deals', path);
      expect(parsed.problems).toEqual([]);
      expect(parsed.records).toEqual([]);
      expect(parsed.columns.map((c) => c.header)).toEqual(KIND_SPECS.deals.columns.map((c) => c.header));
    });
  }

  it('has exactly one row in the xlsx', async () => {
    const path = join(dir, 'template-regions.xlsx');
    await writeTemplate('regions', path);
    const sheet = await firstSheet(path);
    expect(sheet.actualRowCount).toBe(1);
    expect(sheet.getRow(1).values).toEqual([undefined, '地区代码', '地区名称', '上级代码', '地区类型']);
  });

  it('rejects an unknown extension', async () => {
    await expect(writeFile('regions', [], join(dir, 'x.txt'))).rejects.toThrow('不支持的导出格式 .txt');
  });
});

async function firstSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0]!;
}
