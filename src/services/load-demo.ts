// Loads the generated demo province. Into a database that holds none of its tables' rows (a first
// start) the rows are written set-based: one COPY (PGlite) or a few large INSERT … SELECT (PostgreSQL)
// per table, in one transaction, with the same rows, ids and audit records the importer would write
// (test: load-demo.test.ts). Over existing data (a changed generator, `sibi demo` run again) it goes
// through the same import service as real files, which updates what differs.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAudit } from '../db/audit';
import { copyRows, lastIds, setLastId, tablesEmpty } from '../db/bulk-copy';
import type { Database } from '../db/client';
import { readSetting } from '../db/lookups';
import { analyzeTables } from '../db/query';
import { nameChangingUser } from '../db/records/project-leaders';
import { writeSettingRows } from '../db/settings-store';
import { type DemoData, generateDemo } from '../demo/generate-demo';
import { type DemoStep, type DemoTable, demoTableRows } from '../demo/table-rows';
import type { ImportKind, KindRecords } from '../domain/records';
import { DEFAULT_DEADLINE_DAY } from '../domain/reporting';
import { ensureDemoEntries } from './entries-demo';
import { ensureDemoHonours } from './honours-demo';
import { importRecords } from './import-records';

export const DEMO_ACTOR = 'demo';
const FINGERPRINT_KEY = 'demo.fingerprint';

export interface DemoOptions {
  /** Skip the load when this generator version was loaded before (for `serve --demo`). */
  skipIfLoaded?: boolean;
  onProgress?: (message: string) => void;
  /** Rows written so far of the demo's total, after each table (for a progress bar). */
  onRows?: (done: number, total: number) => void;
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
  opts.onProgress?.('  生成演示数据（模拟数据）…');
  const summary = await writeDemoData(database, generateDemo(), opts);
  await writeSettingRows(database.db, [[FINGERPRINT_KEY, fingerprint]]);
  await demoHonours(database, opts);
  return summary;
}

/** The tables the demo writes; set-based only when all are empty. */
const DEMO_TABLES: readonly DemoTable[] = [
  'regions',
  'projects',
  'project_years',
  'monthly_reports',
  'deals',
  'reserve_projects',
  'approval_items',
  'project_issues',
];

const TABLE_LABELS: Record<DemoTable, string> = {
  regions: '地区',
  projects: '项目',
  project_years: '年度名单',
  monthly_reports: '月报',
  deals: '招商签约',
  reserve_projects: '谋划储备',
  approval_items: '联审联批事项',
  project_issues: '问题协调',
};

/**
 * Writes the demo's records: set-based into empty tables, otherwise through the importer.
 * `via` forces one way (tests compare the two).
 */
export async function writeDemoData(
  database: Database,
  data: DemoData,
  opts: DemoOptions & { via?: 'copy' | 'import' } = {},
): Promise<string> {
  const via = opts.via ?? ((await tablesEmpty(database.db, DEMO_TABLES)) ? 'copy' : 'import');
  return via === 'copy' ? copyDemo(database, data, opts) : importDemo(database, data, opts);
}

async function copyDemo(database: Database, data: DemoData, opts: DemoOptions): Promise<string> {
  const { db } = database;
  const deadlineDay = await readSetting(db, 'report.deadlineDay', DEFAULT_DEADLINE_DAY);
  let total = 0;
  const steps = await db.transaction(async (tx) => {
    // the leader history's rows name no account, as an import from the CLI
    await nameChangingUser(tx, null);
    const bases = await lastIds(
      tx,
      DEMO_TABLES.filter((t) => t !== 'regions'),
    );
    const rows = demoTableRows(data, bases, { actor: DEMO_ACTOR, at: new Date(), deadlineDay });
    const all = rows.tables.reduce((n, t) => n + t.rows.length, 0);
    opts.onRows?.(0, all);
    for (const t of rows.tables) {
      await copyRows(tx, database.kind, t.table, t.columns, t.rows);
      await setLastId(tx, t.table, (bases[t.table] ?? 0) + t.idsUsed);
      total += t.rows.length;
      opts.onRows?.(total, all);
      opts.onProgress?.(
        `  载入演示数据 ${Math.floor((100 * total) / all)}%：${TABLE_LABELS[t.table]} ${t.rows.length} 行（共 ${total} / ${all} 行）`,
      );
    }
    // the audit records the importer writes, one per import, in the same order
    for (const step of rows.steps) await writeAudit(tx, stepAudit(step));
    return rows.steps;
  });
  await analyzeTables(db, DEMO_TABLES);
  const rows = steps.reduce((n, s) => n + s.rows, 0);
  return `${rows} 行，其中写入 ${rows} 行`;
}

const stepAudit = (step: DemoStep) => ({
  actor: DEMO_ACTOR,
  action: `import.${step.kind}`,
  targetType: step.kind,
  targetId: step.file,
  outcome: 'ok' as const,
  details: {
    rows: step.rows,
    year: step.year ?? null,
    list: step.list ?? null,
    inserted: step.rows,
    updated: 0,
    unchanged: 0,
    changedColumns: {},
  },
});

async function importDemo(database: Database, data: DemoData, opts: DemoOptions): Promise<string> {
  let written = 0;
  let total = 0;
  const all =
    data.regions.length +
    data.projectLists.reduce((n, l) => n + l.projects.length, 0) +
    data.reports.length +
    data.deals.length +
    data.reserve.length +
    data.approvals.length +
    data.issues.length;
  opts.onRows?.(0, all);
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
    opts.onRows?.(total, all);
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
  return `${total} 行，其中写入 ${written} 行`;
}

/** The published sample honours list and its public link (#7), and the sample 加分/扣分 entries: apart from the figures, made once. */
async function demoHonours(database: Database, opts: DemoOptions): Promise<void> {
  const slug = await ensureDemoHonours(database, { actor: DEMO_ACTOR, ip: null, now: new Date() });
  if (slug) opts.onProgress?.(`  荣誉名单（演示）公开页面：/p/${slug}`);
  const entries = await ensureDemoEntries(database, { actor: DEMO_ACTOR, ip: null, now: new Date() });
  if (entries) opts.onProgress?.(`  加分/扣分（演示）：${entries} 条，已审核`);
}
