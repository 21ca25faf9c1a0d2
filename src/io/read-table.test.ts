import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures/io/samples';
import { openTable, type TableRow } from './read-table';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

async function readAll(
  path: string,
  format: 'xlsx' | 'csv',
): Promise<{ rows: TableRow[]; date1904: boolean }> {
  const table = openTable(path, format);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { rows, date1904: table.meta.date1904 };
}

describe('xlsx rows', () => {
  it('gives Date objects for date-formatted numbers, plain numbers otherwise; first sheet only', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('data');
    sheet.getCell('A2').value = new Date(Date.UTC(2020, 8, 30));
    sheet.getCell('A2').numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell('B2').value = 44104;
    sheet.getCell('B2').numFmt = 'm/d/yy';
    sheet.getCell('C2').value = 44104;
    sheet.getCell('D2').value = { richText: [{ text: '洛阳' }, { text: '市' }] };
    sheet.getCell('E2').value = { formula: '1+1', result: 2 };
    sheet.getCell('F2').value = true;
    sheet.getCell('A5').value = 'after a gap';
    workbook.addWorksheet('second').getCell('A1').value = 'ignored';
    const path = join(dir, 'cells.xlsx');
    await workbook.xlsx.writeFile(path);

    const { rows, date1904 } = await readAll(path, 'xlsx');
    expect(date1904).toBe(false);
    expect(rows.map((r) => r.row)).toEqual([2, 5]);
    expect(rows[0]?.cells).toEqual([
      new Date(Date.UTC(2020, 8, 30)),
      new Date(Date.UTC(2020, 8, 30)),
      44104,
      '洛阳市',
      2,
      true,
    ]);
    expect(rows[0]?.formulas).toEqual([4]);
    expect(rows[1]?.cells).toEqual(['after a gap']);
  });

  it('knows a 1904-dated workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    workbook.addWorksheet('data').getCell('A1').value = 1;
    const path = join(dir, '1904.xlsx');
    await workbook.xlsx.writeFile(path);
    expect((await readAll(path, 'xlsx')).date1904).toBe(true);
  });
});

describe('csv rows', () => {
  it('all values are text; row numbers count records, not lines', async () => {
    const path = join(dir, 'rows.csv');
    await writeFile(path, 'a,b\r\n"x\r\ny",2\r\n\r\nlast\r\n');
    const { rows } = await readAll(path, 'csv');
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'], formulas: [] },
      { row: 2, cells: ['x\r\ny', '2'], formulas: [] },
      { row: 3, cells: [''], formulas: [] },
      { row: 4, cells: ['last'], formulas: [] },
    ]);
  });
});
