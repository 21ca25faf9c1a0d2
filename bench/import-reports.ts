// Import of a report workbook: time against exceljs's bare streaming read of the same file
// (goal ≤ 2×), and peak memory at 10k and 100k rows (goal: flat).
// Usage: npx tsx bench/import-reports.ts [--rows 100000] [--runs 3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeBenchFiles } from './import-fixture';
import { arg, fmt, median, medianOf, peakMemoryOf } from './lib';

const rows = Number(arg('rows', '100000'));
const runs = Number(arg('runs', '3'));
const dir = mkdtempSync(join(tmpdir(), 'sibi-bench-'));

async function bareRead(file: string): Promise<number> {
  let n = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const _row of sheet) n++;
  }
  return n;
}

function importRun(file: string, n: number) {
  const { mib, stdout } = peakMemoryOf('bench/import-once.ts', ['--file', file, '--rows', String(n)]);
  const total = Number(/TOTAL_MS=([\d.]+)/.exec(stdout)![1]);
  const parse = Number(/PARSE_MS=([\d.]+)/.exec(stdout)![1]);
  return { total, parse, mib };
}

const results: string[] = [];
for (const n of [10_000, rows]) {
  const { reportsFile } = await writeBenchFiles(dir, n);
  const bare = await medianOf(runs, () => bareRead(reportsFile));
  const imports = Array.from({ length: runs }, () => importRun(reportsFile, n));
  const total = median(imports.map((r) => r.total));
  const parse = median(imports.map((r) => r.parse));
  const mib = median(imports.map((r) => r.mib));
  results.push(
    `| ${n.toLocaleString('en')} | ${fmt(bare.median)} | ${fmt(parse)} | ${fmt(total)} | ${(total / bare.median).toFixed(2)}× | ${mib.toFixed(0)} MiB |`,
  );
}
rmSync(dir, { recursive: true, force: true });
console.log(
  '| rows | exceljs bare read | sibi parse | sibi parse + store (PGlite) | ratio to bare read | peak RSS |',
);
console.log('|---|---|---|---|---|---|');
for (const line of results) console.log(line);
