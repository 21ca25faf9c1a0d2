// Loads the generated demo province through the same import service as real files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/client';
import { readSetting } from '../db/lookups';
import { writeSettingRows } from '../db/settings-store';
import { generateDemo } from '../demo/generate-demo';
import type { ImportKind, KindRecords } from '../domain/records';
import { ensureDemoEntries } from './entries-demo';
import { ensureDemoHonours } from './honours-demo';
import { importRecords } from './import-records';

export const DEMO_ACTOR = 'demo';
const FINGERPRINT_KEY = 'demo.fingerprint';

export interface DemoOptions {
  /** Skip the load when this generator version was loaded before (for `serve --demo`). */
  skipIfLoaded?: boolean;
  onProgress?: (message: string) => void;
}

/** A hash of the generator's sources: a changed generator reloads, an unchanged one is skipped. */
export function demoFingerprint(): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'demo');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()) {
    hash.update(file).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

export async function loadDemo(database: Database, opts: DemoOptions = {}): Promise<string> {
  const fingerprint = demoFingerprint();
  if (opts.skipIfLoaded && (await readSetting(database.db, FINGERPRINT_KEY, null)) === fingerprint) {
    await demoHonours(database, opts);
    return '已是最新，未重新载入';
  }
  const data = generateDemo();
  let written = 0;
  let total = 0;
  const step = async <K extends ImportKind>(
    kind: K,
    records: KindRecords[K][],
    extra: { year?: number; list?: string } = {},
  ) => {
    const summary = await importRecords(database, {
      kind,
      file: `demo:${kind}${extra.year ? `:${extra.year}:${extra.list}` : ''}`,
      rows: records.map((record, i) => ({ row: i + 2, record })),
      actor: DEMO_ACTOR,
      ...extra,
    });
    written += summary.inserted + summary.updated;
    total += summary.rows;
    opts.onProgress?.(
      `  ${summary.file}: ${summary.rows} 行，新增 ${summary.inserted}，更新 ${summary.updated}`,
    );
  };
  await step('regions', data.regions);
  for (const entry of data.projectLists)
    await step('projects', entry.projects, { year: entry.year, list: entry.list });
  await step('reports', data.reports);
  await step('deals', data.deals);
  await step('reserve', data.reserve);
  await step('approvals', data.approvals);
  await step('issues', data.issues);
  await writeSettingRows(database.db, [[FINGERPRINT_KEY, fingerprint]]);
  await demoHonours(database, opts);
  return `${total} 行，其中写入 ${written} 行`;
}

/** The published sample honours list and its public link (#7), and the sample 加分/扣分 entries: apart from the figures, made once. */
async function demoHonours(database: Database, opts: DemoOptions): Promise<void> {
  const slug = await ensureDemoHonours(database, { actor: DEMO_ACTOR, ip: null, now: new Date() });
  if (slug) opts.onProgress?.(`  荣誉名单（演示）公开页面：/p/${slug}`);
  const entries = await ensureDemoEntries(database, { actor: DEMO_ACTOR, ip: null, now: new Date() });
  if (entries) opts.onProgress?.(`  加分/扣分（演示）：${entries} 条，已审核`);
}
