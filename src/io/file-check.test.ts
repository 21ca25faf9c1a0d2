// Spreadsheets in formats we do not read (.xls, WPS .et, .ods, encrypted .xlsx, web pages saved as .xls)
// are recognised by their bytes, whatever they are called, and refused with what to save them as.
// Hand-made files always; real ones from LibreOffice where soffice is installed.

import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '../../test/fixtures/office/corpus';
import { oleFile, openDocumentFile } from '../../test/fixtures/office/other-formats';
import { convertWithSoffice, findSoffice } from '../../test/fixtures/office/soffice';
import { writeXlsx } from '../../test/fixtures/office/write-xlsx';
import { checkInputFile } from './file-check';
import { parseFile } from './parse-file';

const XLS = '这是旧版 Excel 工作簿（.xls 格式），不能直接导入：请另存为 .xlsx 后导入';
const ET = '这是 WPS 表格文件（.et 格式），不能直接导入：请另存为 .xlsx 后导入';
const ODS = '这是 OpenDocument 表格（.ods 格式），不能直接导入：请在 LibreOffice/WPS 中另存为 .xlsx 后导入';
const ENCRYPTED = '工作簿已加密（设有打开密码）：请去掉密码后另存为 .xlsx 再导入';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sibi-formats-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function save(name: string, content: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The whole result of reading the file: one problem naming it, nothing else. */
const refusedAs = (file: string, reason: string) => ({
  records: [],
  warnings: [],
  columns: [],
  problems: [{ file, row: null, column: null, value: null, reason }],
});

describe('hand-made files', () => {
  it.each([
    ['book.xls', oleFile(['Workbook']), XLS],
    ['book95.xls', oleFile(['Book']), XLS],
    ['renamed.xlsx', oleFile(['Workbook', '\u0005SummaryInformation']), XLS],
    ['renamed.csv', oleFile(['Workbook']), XLS],
    ['wps.et', oleFile(['Workbook']), ET],
    ['template.ett', oleFile(['Workbook']), ET],
    ['sheet.ods', openDocumentFile(), ODS],
    ['ods-renamed.xlsx', openDocumentFile(), ODS],
    ['ods-renamed.csv', openDocumentFile(), ODS],
    ['template.ots', openDocumentFile('application/vnd.oasis.opendocument.spreadsheet-template'), ODS],
    ['locked.xlsx', oleFile(['EncryptionInfo', 'EncryptedPackage']), ENCRYPTED],
  ])('%s is refused: the file named, what to save it as', async (name, bytes, reason) => {
    const path = await save(name, bytes);
    expect(await checkInputFile(path)).toEqual({ ok: false, reason });
    expect(await parseFile('deals', path)).toEqual(refusedAs(name, reason));
  });

  it('an OLE2 file that holds no workbook (damaged, or a Word file) named .xlsx gets the general advice', async () => {
    const path = await save('word.xlsx', oleFile(['WordDocument']));
    expect(await checkInputFile(path)).toEqual({
      ok: false,
      reason: '这是旧版 Excel（.xls）或加密的工作簿：请在 Excel 中另存为 .xlsx（不加密码）后再导入',
    });
  });

  it('a web page or SpreadsheetML saved as .xls, as systems export them', async () => {
    const html =
      '\uFEFF<html xmlns:x="urn:schemas-microsoft-com:office:excel"><table><tr><td>项目代码</td></tr></table>';
    const xml = '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>';
    for (const [name, content] of [
      ['export.xls', html],
      ['spreadsheetml.xls', xml],
    ] as const) {
      const result = await checkInputFile(await save(name, content));
      expect(result).toEqual({
        ok: false,
        reason:
          '这是网页或 XML 格式的表格（系统导出的“.xls”常是这样），不能直接导入：请用 Excel 或 WPS 打开，另存为 .xlsx 后导入',
      });
    }
  });

  it('an .xlsx named .xls is told to get its extension back', async () => {
    const [file] = corpus({ projects: 3, scopeLength: 20 });
    const path = join(dir, 'really-xlsx.xls');
    await writeXlsx(file!.workbook, 'excel', path);
    expect(await checkInputFile(path)).toEqual({
      ok: false,
      reason: '文件内容是 .xlsx，扩展名却是 .xls：请把扩展名改为 .xlsx 后导入',
    });
  });

  it('other extensions and an .xls that is none of these keep the plain refusal', async () => {
    expect(await checkInputFile(await save('notes.txt', 'x'))).toEqual({
      ok: false,
      reason: '不支持的文件类型 .txt：只接受 .xlsx 或 .csv',
    });
    expect(await checkInputFile(await save('odd.xls', 'x'))).toEqual({
      ok: false,
      reason: '不支持的文件类型 .xls：只接受 .xlsx 或 .csv',
    });
  });

  it('an OpenDocument text file is not taken for a spreadsheet', async () => {
    const path = await save('letter.xlsx', openDocumentFile('application/vnd.oasis.opendocument.text'));
    const result = await checkInputFile(path);
    expect(result.ok).toBe(false);
    expect(result).not.toEqual({ ok: false, reason: ODS });
  });
});

describe.skipIf(!findSoffice())('files LibreOffice saved as .xls and .ods', () => {
  let source = '';
  beforeAll(async () => {
    const deals = corpus({ projects: 3, scopeLength: 20 }).find((f) => f.name === 'excel-deals.xlsx')!;
    source = join(dir, 'deals.xlsx');
    await writeXlsx(deals.workbook, 'excel', source);
    await convertWithSoffice(findSoffice()!, [source], 'xls', dir);
    await convertWithSoffice(findSoffice()!, [source], 'ods', dir);
  }, 300_000);

  it('reads the source workbook itself', async () => {
    const parsed = await parseFile('deals', source);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toHaveLength(60);
  });

  it('a real .xls (BIFF8 in OLE2) is refused by its bytes, under any name', async () => {
    const xls = join(dir, 'deals.xls');
    expect((await readFile(xls)).subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    expect(await parseFile('deals', xls)).toEqual(refusedAs('deals.xls', XLS));
    await copyFile(xls, join(dir, 'deals-xls.xlsx'));
    expect(await parseFile('deals', join(dir, 'deals-xls.xlsx'))).toEqual(refusedAs('deals-xls.xlsx', XLS));
    await copyFile(xls, join(dir, 'deals.et'));
    expect(await parseFile('deals', join(dir, 'deals.et'))).toEqual(refusedAs('deals.et', ET));
  });

  it('a real .ods is refused by its bytes, under any name', async () => {
    const ods = join(dir, 'deals.ods');
    expect(await parseFile('deals', ods)).toEqual(refusedAs('deals.ods', ODS));
    await copyFile(ods, join(dir, 'deals-ods.xlsx'));
    expect(await parseFile('deals', join(dir, 'deals-ods.xlsx'))).toEqual(refusedAs('deals-ods.xlsx', ODS));
  });
});
