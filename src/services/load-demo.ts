// Loads the generated demo province through the same import service as real files.
import type { Database } from '../db/client';
import { generateDemo } from '../demo/generate-demo';
import type { ImportKind, KindRecords } from '../domain/records';
import { importRecords } from './import-records';

export const DEMO_ACTOR = 'demo';

export async function loadDemo(database: Database, opts: { onProgress?: (message: string) => void } = {}): Promise<string> {
  const data = generateDemo();
  let written = 0;
  let total = 0;
  const step = async <K extends ImportKind>(kind: K, records: KindRecords[K][], extra: { year?: number; list?: string } = {}) => {
    const summary = await importRecords(database, {
      kind,
      file: `demo:${kind}${extra.year ? `:${extra.year}:${extra.list}` : ''}`,
      rows: records.map((record, i) => ({ row: i + 2, record })),
      actor: DEMO_ACTOR,
      ...extra,
    });
    written += summary.inserted + summary.updated;
    total += summary.rows;
    opts.onProgress?.(`  ${summary.file}: ${summary.rows} 行，新增 ${summary.inserted}，更新 ${summary.updated}`);
  };
  await step('regions', data.regions);
  for (const entry of data.projectLists) await step('projects', entry.projects, { year: entry.year, list: entry.list });
  await step('reports', data.reports);
  await step('deals', data.deals);
  await step('reserve', data.reserve);
  await step('approvals', data.approvals);
  await step('issues', data.issues);
  return `${total} 行，其中写入 ${written} 行`;
}
