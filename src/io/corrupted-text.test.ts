// Text that arrives damaged (U+FFFD: bytes that were not valid in the file's encoding, or a character a
// reader split) is refused with its row and column; nothing of the file is taken.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures/io/samples';
import { parseFile } from './parse-file';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

const HEADER = [
  '签约项目名称',
  '地区代码',
  '投资方',
  '投资方来源',
  '是否500强',
  '签约日期',
  '合同金额(万元)',
  '到位资金(万元)',
];
const row = (name: string, investor: string) => [
  name,
  '410102',
  investor,
  '省外',
  '否',
  '2020-03-15',
  '100',
  '10',
];

it('refuses an .xlsx cell holding U+FFFD, naming the row and column', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('招商引资');
  sheet.addRow(HEADER);
  sheet.addRow(row('中原区同创智能家居项目', '河南交投'));
  sheet.addRow(row('中原区同创智能家居智能制造\uFFFD\uFFFD目', '河南交投'));
  sheet.addRow(row('郑州新材料项目', '汝州市交\uFFFD\uFFFD\uFFFD运输局'));
  const path = join(dir, 'deals-fffd.xlsx');
  await workbook.xlsx.writeFile(path);

  const parsed = await parseFile('deals', path);
  expect(parsed.records.map((r) => r.row)).toEqual([2]);
  expect(parsed.problems).toEqual([
    expect.objectContaining({ file: 'deals-fffd.xlsx', row: 3, column: '签约项目名称' }),
    expect.objectContaining({ file: 'deals-fffd.xlsx', row: 4, column: '投资方' }),
  ]);
  expect(parsed.problems[0]!.reason).toMatch(/^A 列的文字含有无法识别的字符/);
  expect(parsed.problems[1]!.reason).toMatch(/^C 列/);
  expect(parsed.problems[1]!.value).toBe('汝州市交\uFFFD\uFFFD\uFFFD运输局');
});

it('refuses a CSV whose bytes are not valid in its encoding, naming the row and column', async () => {
  // GB18030 text with a truncated two-byte character in row 3's 投资方 (0x81 then a comma is invalid).
  const good = iconv.encode(`${HEADER.join(',')}\n${row('项目甲', '河南交投').join(',')}\n`, 'gb18030');
  const bad = Buffer.concat([
    iconv.encode('项目乙,410102,河南', 'gb18030'),
    Buffer.from([0x81]),
    iconv.encode(',省外,否,2020-03-15,100,10\n', 'gb18030'),
  ]);
  const path = join(dir, 'deals-bad-bytes.csv');
  await writeFile(path, Buffer.concat([good, bad]));

  const parsed = await parseFile('deals', path);
  expect(parsed.problems).toEqual([
    expect.objectContaining({ file: 'deals-bad-bytes.csv', row: 3, column: '投资方' }),
  ]);
});
