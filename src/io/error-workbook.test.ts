// The error workbook: the uploaded rows back, a 错误说明 column after the last, the offending cells
// red, every problem listed on 错误清单; and the file read again after the user fixes it.
import { writeFile as writeText } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures/io/samples';
import type { InputProblem } from '../domain/records';
import { ERROR_COLUMN, writeErrorWorkbook } from './error-workbook';
import { parseFile } from './parse-file';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

const RED = 'FFFFC7CE';
const problem = (
  row: number | null,
  column: string | null,
  value: string | null,
  reason: string,
): InputProblem => ({
  file: 'r.csv',
  row,
  column,
  value,
  reason,
});

describe('writeErrorWorkbook', () => {
  it('marks each problem on its row and cell, after a title row and under the file’s own headers', async () => {
    const source = join(dir, 'r.csv');
    // A title row above the header; 项目编码 is an alias of 项目代码; an extra column 备注 the
    // importer ignores; row 5 is blank.
    await writeText(
      source,
      [
        '2020年9月重点项目月报',
        '项目编码,年度,月份,累计完成投资(万元),备注',
        'P1,2020,13,100,甲',
        'P2,2020,9,abc,乙',
        '',
        'P3,2020,9,300,丙',
      ].join('\r\n'),
    );
    const parsed = await parseFile('reports', source);
    expect(parsed.headerRow).toBe(2);
    const problems = [
      ...parsed.problems,
      problem(6, '项目代码', 'P3', '项目不在您的管辖范围内'),
      problem(null, null, null, '文件中有 1 行重复'),
    ];
    const out = join(dir, 'r-errors.xlsx');
    await writeErrorWorkbook({ kind: 'reports', source, format: 'csv', parsed, problems, out });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('导入数据')!;
    expect(sheet.getCell('A1').value).toBe('2020年9月重点项目月报');
    expect(sheet.getCell('F2').value).toBe(ERROR_COLUMN);
    expect(sheet.getCell('F3').value).toMatch(/^月份：/);
    expect(sheet.getCell('F4').value).toMatch(/^累计完成投资\(万元\)：/);
    expect(sheet.getCell('F5').value).toBeNull();
    expect(sheet.getCell('F6').value).toBe('项目代码：项目不在您的管辖范围内');
    const fill = (address: string) =>
      (sheet.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    // The offending cells, found by the file's header or by the column's name in the spec (项目代码
    // is 项目编码 in this file): C3 (月份), D4 (amount), A6 (project code); nothing else.
    expect([fill('C3'), fill('D4'), fill('A6')]).toEqual([RED, RED, RED]);
    expect([fill('A3'), fill('D3'), fill('C4'), fill('E6')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(sheet.getCell('B6').value).toBe('2020');
    const list = book.getWorksheet('错误清单')!;
    expect(list.getRow(1).values).toEqual([undefined, '行号', '列', '值', '问题']);
    expect(list.rowCount).toBe(1 + problems.length);
    expect(list.getCell(`A${list.rowCount}`).value).toBe('（整个文件）');

    // Fixed in Excel and uploaded again: the 错误说明 column is ignored, the rows read.
    sheet.getCell('C3').value = '9';
    sheet.getCell('D4').value = '200';
    const fixed = join(dir, 'fixed.xlsx');
    await book.xlsx.writeFile(fixed);
    const again = await parseFile('reports', fixed);
    expect(again.problems).toEqual([]);
    expect(again.records.map((r) => [r.row, r.record.month, r.record.investYtd])).toEqual([
      [3, 9, 1_000_000n],
      [4, 9, 2_000_000n],
      [6, 9, 3_000_000n],
    ]);
  });
  it('lists the problems alone for a file that is not a readable table', async () => {
    const out = join(dir, 'unreadable-errors.xlsx');
    const problems = [problem(null, null, null, '文件内容不是 .xlsx')];
    await writeErrorWorkbook({
      kind: 'deals',
      source: join(dir, 'missing.xlsx'),
      format: undefined,
      parsed: { columns: [] },
      problems,
      out,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['错误清单']);
    expect(book.getWorksheet('错误清单')!.getRow(2).values).toEqual([
      undefined,
      '（整个文件）',
      '',
      '',
      '文件内容不是 .xlsx',
    ]);
  });
});
