// The store half of an import alone: N report rows (N/12 projects × 12 months, already parsed) into
// a fresh PGlite folder (or the empty PostgreSQL database in DATABASE_URL), triggers on. Shows how
// the store scales with N (it must stay linear: see docs/benchmarks.md → Import).
// Usage: npx tsx bench/import-store.ts [--rows 100000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client';
import type { ImportKind } from '../src/domain/records';
import { importRecords } from '../src/services/import-records';
import { BENCH_REGIONS, benchProjects, benchReports } from './import-fixture';
import { arg, fmt, timeIt } from './lib';

const rows = Number(arg('rows', '100000'));
const dir = mkdtempSync(join(tmpdir(), 'sibi-bench-store-'));
const url = process.env.DATABASE_URL;
const database = await openDatabase(url ? { url } : { dataDir: dir });
const load = (kind: ImportKind, records: unknown[], year?: number) =>
  importRecords(database, {
    kind,
    file: kind,
    rows: records.map((record, i) => ({ row: i + 2, record })) as never,
    actor: 'bench',
    year,
  });
await load('regions', BENCH_REGIONS);
const projects = benchProjects(Math.ceil(rows / 12));
await load('projects', projects, 2020);
const reports = benchReports(projects, rows);
const ms = await timeIt(() => load('reports', reports));
console.log(`${database.kind}: stored ${rows} report rows of ${projects.length} projects in ${fmt(ms)}`);
await database.close();
rmSync(dir, { recursive: true, force: true });
