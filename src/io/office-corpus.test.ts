// Workbooks as Excel, WPS, LibreOffice (and Java exports through Apache POI) write them, read with 0
// differences: every field of every record, the rows they are on and the warnings (issue "Real office
// files"). The generator writes the XML parts itself (test/fixtures/office); where soffice is installed,
// each workbook is also re-saved by the real LibreOffice and read again.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRecords } from '../../test/fixtures/office/compare';
import { type CorpusFile, corpus } from '../../test/fixtures/office/corpus';
import { type Cell, num, text } from '../../test/fixtures/office/model';
import { convertWithSoffice, findSoffice } from '../../test/fixtures/office/soffice';
import { writeXlsx } from '../../test/fixtures/office/write-xlsx';
import type { ReportRecord } from '../domain/records';
import { parseFile } from './parse-file';

const FILES = corpus();
const SOFFICE = findSoffice();
// Without soffice a developer's run leaves the re-saves out (the describe below is skipped and says why
// in its name); CI installs LibreOffice and must check them.
if (!SOFFICE && process.env.CI)
  throw new Error('CI must have LibreOffice (soffice) for the re-saved workbooks');

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sibi-office-'));
  for (const file of FILES) await writeXlsx(file.workbook, file.suite, join(dir, file.name));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function readAndCompare(file: CorpusFile, path: string) {
  const parsed = await parseFile(file.kind, path, { year: file.year });
  return { parsed, comparison: compareRecords(file.expected, parsed as never) };
}

describe('the corpus itself', () => {
  it('has shared strings well over 1 MB in the projects workbooks of every suite that shares strings', async () => {
    for (const file of FILES.filter((f) => f.kind === 'projects' && f.suite !== 'poi')) {
      const zip = await JSZip.loadAsync(await readFile(join(dir, file.name)));
      const xml = await zip.file('xl/sharedStrings.xml')!.async('nodebuffer');
      expect(xml.length, file.name).toBeGreaterThan(1.1 * 1024 * 1024);
    }
  });

  it('puts the first tab of the deals workbooks in sheet2.xml, zipped after sheet1.xml', async () => {
    const zip = await JSZip.loadAsync(await readFile(join(dir, 'excel-deals.xlsx')));
    const sheets = Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/'));
    expect(sheets).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(
      /<sheet name="2020年台账" sheetId="2" r:id="rId2"\/><sheet name="2019年台账"/,
    );
  });
});

describe.each(FILES)('$name as written by $suite', (file) => {
  it('reads every record with 0 differences, and exactly the expected warnings', async () => {
    const { parsed, comparison } = await readAndCompare(file, join(dir, file.name));
    expect(comparison.problems).toEqual([]);
    expect(comparison.differences).toEqual([]);
    expect(parsed.records.length + comparison.replacements.length).toBeGreaterThanOrEqual(
      file.expected.length,
    );
    expect(parsed.warnings).toEqual(file.warnings);
  });

  // exceljs 4.4.0 decoded each 16 KB chunk of a zipped part separately, so a multi-byte character split
  // by a chunk boundary read as U+FFFD (exceljs #2063, #2316); patches/exceljs+4.4.0.patch fixes it.
  it('reads no U+FFFD replacement characters (exceljs #2063/#2316)', async () => {
    const { comparison } = await readAndCompare(file, join(dir, file.name));
    expect(comparison.replacements).toEqual([]);
  });
});

describe.skipIf(!SOFFICE)(
  'the same workbooks re-saved by LibreOffice (skipped where soffice is not on PATH)',
  () => {
    let out = '';
    beforeAll(async () => {
      out = await mkdtemp(join(tmpdir(), 'sibi-office-lo-'));
      await convertWithSoffice(
        SOFFICE!,
        FILES.map((f) => join(dir, f.name)),
        'xlsx:Calc Office Open XML',
        out,
      );
    }, 600_000);
    afterAll(() => rm(out, { recursive: true, force: true }));

    it.each(FILES)('$name re-saved reads the same records with 0 differences', async (file) => {
      const { parsed, comparison } = await readAndCompare(file, join(out, file.name));
      expect(comparison.problems).toEqual([]);
      expect(comparison.differences).toEqual([]);
      // LibreOffice saves every TRUE/FALSE cell as a TRUE()/FALSE() formula, so the count of formula
      // cells read by their saved result may grow; every other note is the same.
      const formulaNote = /个公式单元格按 Excel 保存的计算结果读取/;
      expect(parsed.warnings.filter((w) => !formulaNote.test(w))).toEqual(
        file.warnings.filter((w) => !formulaNote.test(w)),
      );
      expect(comparison.replacements).toEqual([]);
    });
  },
);

// Cells exceljs hands over wrongly, put right in src/io/read-xlsx.ts (see each test); the LibreOffice
// re-saves of the reports workbooks above depend on the first.
describe('cells exceljs hands over wrongly, read right', () => {
  const REPORT: ReportRecord = {
    projectCode: '2020-410300-47-01-000001',
    year: 2020,
    month: 9,
    investYtd: 0n,
    started: false,
    startDate: null,
    completed: false,
    completionDate: null,
    progressNote: null,
    problems: null,
    reportedAt: null,
  };
  const HEADER = [
    '项目代码',
    '年度',
    '月份',
    '累计完成投资(万元)',
    '是否开工',
    '实际竣工日期',
    '形象进度',
    '存在问题',
  ];

  async function readReports(name: string, row: (Cell | null)[]) {
    const path = join(dir, name);
    const sheet = { name: '月报', rows: [HEADER.map((h) => text(h)), row], merges: [] };
    await writeXlsx({ sheets: [sheet] }, 'excel', path);
    return parseFile('reports', path);
  }

  // exceljs's FormulaValue keeps a cached result only when it is truthy (_copyModel), so 0, "" and FALSE
  // come back as "no result" and are refused as 公式单元格没有计算结果. LibreOffice writes every TRUE/FALSE
  // cell as the formula TRUE()/FALSE(). Fix: read a formula's result from row.getCell(n).result, which
  // keeps it, instead of row.values.
  it('a formula whose cached result is 0, "" or FALSE reads as that result', async () => {
    const parsed = await readReports('formula-falsy.xlsx', [
      text(REPORT.projectCode),
      num(2020),
      num(9),
      { kind: 'formula', formula: 'SUM(0)', result: 0 },
      { kind: 'formula', formula: 'FALSE()', result: false },
      { kind: 'formula', formula: 'IF(TRUE(),"","")', result: '' },
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toEqual([{ row: 2, record: REPORT }]);
  });

  // Excel stores a carriage return in cell text as _x000D_ and a typed "_x000D_" as _x005F_x000D_
  // (ST_Xstring); exceljs's streaming reader does not undo it. Fix: decodeOoxmlEscapes (ooxml-text.ts)
  // on every string read-xlsx.ts hands over (shared, inline, rich-text runs, formula results).
  it('text with CR and a literal "_x000D_", as Excel stores them', async () => {
    const parsed = await readReports('excel-escapes.xlsx', [
      text(REPORT.projectCode),
      num(2020),
      num(9),
      num(0),
      text('否'),
      null,
      text('见附件_x000D_说明'),
      text('土地指标未落实\r\n环评批复待办'),
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toEqual([
      {
        row: 2,
        record: { ...REPORT, progressNote: '见附件_x000D_说明', problems: '土地指标未落实\n环评批复待办' },
      },
    ]);
  });

  // A skipped sheet's temporary file (exceljs defers worksheets zipped before sharedStrings.xml, as Excel
  // zips them) is destroyed while its read stream may still be opening: an 'error' with no listener, an
  // uncaught exception that would stop the server (a few times in a hundred reads). Fix: in readXlsx,
  // sheet.iterator.on('error', () => {}) before sheet.iterator.destroy().
  it('a workbook with a second sheet never raises an uncaught error', async () => {
    const errors: unknown[] = [];
    const record = (error: unknown) => errors.push(error);
    process.on('uncaughtException', record);
    try {
      const path = join(dir, 'excel-deals.xlsx');
      for (let i = 0; i < 120; i++) await parseFile('deals', path);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      process.off('uncaughtException', record);
    }
    expect(errors.map(String)).toEqual([]);
  }, 120_000);
});
