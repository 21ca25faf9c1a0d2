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
import { convertWithSoffice, findSoffice } from '../../test/fixtures/office/soffice';
import { writeXlsx } from '../../test/fixtures/office/write-xlsx';
import { parseFile } from './parse-file';

const FILES = corpus();
const SOFFICE = findSoffice();

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

  // KNOWN TO FAIL until the exceljs patch lands (node_modules/exceljs/lib/utils/parse-sax.js through
  // patch-package): exceljs decodes each 16 KB chunk of a zipped part separately, so a multi-byte
  // character split by a chunk boundary reads as U+FFFD (exceljs #2063, #2316). Nothing is worked
  // around in src/io; this assertion must pass once the patch is in.
  it('reads no U+FFFD replacement characters (exceljs #2063/#2316)', async () => {
    const { comparison } = await readAndCompare(file, join(dir, file.name));
    expect(comparison.replacements).toEqual([]);
  });
});

describe.skipIf(!SOFFICE)('the same workbooks re-saved by LibreOffice', () => {
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
    expect(parsed.warnings).toEqual(file.warnings);
    // See above: fails until the exceljs parse-sax.js patch lands.
    expect(comparison.replacements).toEqual([]);
  });
});

if (!SOFFICE) {
  describe('LibreOffice', () => {
    it.skip('soffice is not on PATH: the re-saved workbooks are not checked (CI installs it)', () => {});
  });
}
