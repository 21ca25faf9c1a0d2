// The demo's set-based load writes exactly what the importer writes: every table's rows, column by
// column, its ids and sequence positions, the leader history and project_months the triggers derive,
// and the audit records. Checked on one county of the demo (the whole province is compared by
// `npx tsx bench/start-demo-check.ts`, docs/benchmarks.md), on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnFingerprint, fingerprintDifferences } from '../../test/helpers/column-fingerprint';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import type { Database } from '../db/client';
import { type DemoData, generateDemo } from '../demo/generate-demo';
import { writeDemoData } from './load-demo';

const DATA_TABLES = [
  'regions',
  'projects',
  'project_leader_history',
  'project_years',
  'monthly_reports',
  'project_months',
  'deals',
  'reserve_projects',
  'approval_items',
  'project_issues',
  'audit_log',
  'audit_chain_head',
];

/** The demo's records of one county (every region, so the tree is whole). */
function countyOf(data: DemoData, county: string): DemoData {
  const codes = new Set<string>();
  const projectLists = data.projectLists
    .map((l) => ({ ...l, projects: l.projects.filter((p) => p.regionCode === county) }))
    .filter((l) => l.projects.length > 0);
  for (const l of projectLists) for (const p of l.projects) codes.add(p.code);
  const ours = (code: string | null) => code === null || codes.has(code);
  return {
    regions: data.regions,
    projectLists,
    reports: data.reports.filter((r) => codes.has(r.projectCode)),
    deals: data.deals.filter((d) => d.regionCode === county && ours(d.projectCode)),
    reserve: data.reserve.filter((r) => r.regionCode === county && ours(r.convertedProjectCode)),
    approvals: data.approvals.filter((a) => codes.has(a.projectCode)),
    issues: data.issues.filter((i) => codes.has(i.projectCode)),
  };
}

const data = countyOf(generateDemo(), '410181');

describe.each(testDatabases())('demo load on $name', (target: TestDatabase) => {
  let imported: Database;
  let copied: Database;
  beforeAll(async () => {
    [imported, copied] = await Promise.all([target.open(), target.open()]);
  });
  afterAll(async () => {
    await Promise.all([imported?.close(), copied?.close()]);
  });

  it('the county has records of every kind', () => {
    expect(data.projectLists.length).toBeGreaterThan(3);
    for (const kind of ['reports', 'deals', 'reserve', 'approvals', 'issues'] as const)
      expect(data[kind].length, kind).toBeGreaterThan(0);
  });

  it('set-based into empty tables: the same rows, ids, derived tables and audit records as the importer', async () => {
    const progress: [number, number][] = [];
    const viaImport = await writeDemoData(imported, data, { via: 'import' });
    const viaCopy = await writeDemoData(copied, data, { onRows: (done, all) => progress.push([done, all]) });
    expect(viaCopy).toBe(viaImport);
    const [a, b] = await Promise.all([
      columnFingerprint(imported, { tables: DATA_TABLES }),
      columnFingerprint(copied, { tables: DATA_TABLES }),
    ]);
    expect(Number(a['monthly_reports.(rows)'])).toBe(data.reports.length);
    expect(Number(a['project_months.(rows)'])).toBeGreaterThan(0);
    expect(Number(a['project_leader_history.(rows)'])).toBeGreaterThan(0);
    expect(fingerprintDifferences(a, b)).toEqual([]);
    // the progress rises to the total, table by table
    const total = progress.at(-1)![1];
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((x, y) => x - y));
    expect(progress.length).toBeGreaterThan(5);
  });

  it('over loaded data it goes through the importer, which finds nothing to change', async () => {
    const again = await writeDemoData(copied, data);
    expect(again).toMatch(/其中写入 0 行$/);
  });
});
