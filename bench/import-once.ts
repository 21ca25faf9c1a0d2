// One import of a report workbook into a fresh PGlite folder; prints time and peak memory.
// Run by bench/import-reports.ts in a child process so each measurement starts clean.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client';
import { parseFile } from '../src/io/parse-file';
import { importRecords } from '../src/services/import-records';
import { BENCH_REGIONS, benchProjects } from './import-fixture';
import { arg, peakRssKib } from './lib';

const file = arg('file', '');
const rows = Number(arg('rows', '0'));
const dir = mkdtempSync(join(tmpdir(), 'sibi-bench-db-'));
const database = await openDatabase({ dataDir: dir });
const load = (kind: 'regions' | 'projects', records: never[], year?: number) =>
  importRecords(database, {
    kind,
    file: kind,
    rows: records.map((record, i) => ({ row: i + 2, record })),
    actor: 'bench',
    year,
  });
await load('regions', BENCH_REGIONS as never[]);
await load('projects', benchProjects(Math.ceil(rows / 12)) as never[], 2020);

const start = process.hrtime.bigint();
const parsed = await parseFile('reports', file);
if (parsed.problems.length)
  throw new Error(`unexpected problems: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
const parsedAt = process.hrtime.bigint();
const summary = await importRecords(database, {
  kind: 'reports',
  file,
  rows: parsed.records,
  actor: 'bench',
});
const end = process.hrtime.bigint();
await database.close();
rmSync(dir, { recursive: true, force: true });
console.log(`ROWS=${summary.rows} INSERTED=${summary.inserted}`);
console.log(
  `PARSE_MS=${Number(parsedAt - start) / 1e6} STORE_MS=${Number(end - parsedAt) / 1e6} TOTAL_MS=${Number(end - start) / 1e6}`,
);
console.log(`PEAK_RSS_KIB=${peakRssKib()}`);
