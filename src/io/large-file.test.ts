import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures/io/samples';
import type { ReportRecord } from '../domain/records';
import { parseFile } from './parse-file';
import { writeFile } from './write-file';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

const ROWS = 100_000;

function report(i: number): ReportRecord {
  return {
    projectCode: `2020-410300-47-01-${String(i).padStart(6, '0')}`,
    year: 2020,
    month: (i % 12) + 1,
    investYtd: BigInt(i) * 12_345n,
    started: i % 3 === 0,
    startDate: i % 3 === 0 ? '2020-03-01' : null,
    completed: false,
    completionDate: null,
    progressNote: i % 10 === 0 ? `第 ${i} 号项目，主体施工` : null,
    problems: null,
    reportedAt: '2020-10-05',
  };
}

for (const ext of ['xlsx', 'csv'] as const) {
  it(`parses a ${ROWS}-row reports .${ext} written by the streaming writer`, {
    timeout: 60_000,
  }, async () => {
    const records = Array.from({ length: ROWS }, (_, i) => report(i));
    const path = join(dir, `reports-100k.${ext}`);
    await writeFile('reports', records, path);
    let progressCalls = 0;
    // (its speed is measured in bench/import-reports.ts, not asserted here)
    const parsed = await parseFile('reports', path, { onProgress: () => progressCalls++ });
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toHaveLength(ROWS);
    expect(parsed.records[ROWS - 1]).toEqual({ row: ROWS + 1, record: records[ROWS - 1] });
    expect(parsed.records[12_340]?.record).toEqual(records[12_340]);
    // Rows read include the header: 100 001 rows → 100 calls at each thousand, one at the end.
    expect(progressCalls).toBe(101);
  });
}
