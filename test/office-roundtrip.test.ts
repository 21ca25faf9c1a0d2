// A user exports each kind from the demo province, opens the file in a real office suite and saves it
// unchanged (LibreOffice here; Excel and WPS write the same structure), and imports it back. The
// import must change nothing and say so (every row unchanged, no changed column), the re-saved file
// must read to exactly the records of the original, and exporting again gives the same cells.
// Before the exceljs patch this round trip wrote U+FFFD into 13 projects and 19 phantom deals.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/client';
import type { ImportKind } from '../src/domain/records';
import { parseFile } from '../src/io/parse-file';
import { writeFile } from '../src/io/write-file';
import { exportRecords } from '../src/services/export-records';
import { importRecords } from '../src/services/import-records';
import { preparedDemoData } from './browser/server';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasSoffice && process.env.CI) throw new Error('CI must have LibreOffice (soffice) for the round trip');

interface Case {
  kind: ImportKind;
  year?: number;
  list?: string;
  region?: string;
}

// Every kind, whole province; reports for one city's year (14,892 rows) to keep the run short.
const CASES: Case[] = [
  { kind: 'projects', year: 2020, list: 'province_key' },
  { kind: 'reports', year: 2020, region: '410300' },
  { kind: 'deals' },
  { kind: 'reserve' },
  { kind: 'approvals' },
  { kind: 'issues' },
];

/** Every cell of the first sheet as text, row by row (what a reader of the file sees). */
async function cellsOf(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v instanceof Date ? v.toISOString() : JSON.stringify(v ?? null))));
  });
  return rows;
}

describe.skipIf(!hasSoffice)('office round trip of every kind through LibreOffice', () => {
  let dir = '';
  let database: Database;
  const file = (folder: string, c: Case) => join(dir, folder, `${c.kind}.xlsx`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-office-'));
    cpSync(await preparedDemoData(), join(dir, 'data'), { recursive: true });
    database = await openDatabase({ dataDir: join(dir, 'data') });
    for (const folder of ['exported', 'resaved', 'again']) mkdirSync(join(dir, folder));
    for (const c of CASES) {
      const records = await exportRecords(database, { ...c, list: c.list ?? 'province_key', actor: 'test' });
      await writeFile(c.kind, records, file('exported', c));
    }
    // One LibreOffice run re-saves them all, as a user's "open, save" does.
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        join(dir, 'resaved'),
        ...CASES.map((c) => file('exported', c)),
      ],
      { stdio: 'ignore', timeout: 600_000 },
    );
  }, 900_000);

  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES)(
    '$kind: re-saved, imported and exported again with 0 differences',
    async (c) => {
      const original = await parseFile(c.kind, file('exported', c), { year: c.year });
      const resaved = await parseFile(c.kind, file('resaved', c), { year: c.year });
      expect(resaved.problems).toEqual([]);
      expect(original.records.length).toBeGreaterThan(1000);
      // Every field of every record read from LibreOffice's file equals the original's.
      expect(resaved.records.map((r) => r.record)).toEqual(original.records.map((r) => r.record));

      const summary = await importRecords(database, {
        kind: c.kind,
        file: `${c.kind}.xlsx`,
        rows: resaved.records,
        fields: resaved.columns.map((col) => col.field),
        year: c.year,
        list: c.list,
        actor: 'test',
      });
      expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: original.records.length });
      expect(summary.changes).toEqual({ changedRows: 0, columns: [], rows: [] });

      const again = await exportRecords(database, { ...c, list: c.list ?? 'province_key', actor: 'test' });
      await writeFile(c.kind, again, file('again', c));
      const [before, after] = [await cellsOf(file('exported', c)), await cellsOf(file('again', c))];
      expect(after.length).toBe(before.length);
      expect(after).toEqual(before);
    },
    300_000,
  );
});
