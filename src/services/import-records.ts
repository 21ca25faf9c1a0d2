// Import use case: check every reference against the database, then write the whole
// batch in one transaction with its audit record — or write nothing and list every problem.

import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import { loadRegions, projectsByCode, readSetting } from '../db/lookups';
import { analyzeTables, vacuumTables } from '../db/query';
import { nameChangingUser } from '../db/records/project-leaders';
import { storeApprovals, storeDeals, storeIssues, storeReserve } from '../db/store/ledgers';
import { storeProjects, storeProjectYears } from '../db/store/projects';
import { storeRegions } from '../db/store/regions';
import { reportStates, storeImportedReports } from '../db/store/reports';
import type { UpsertCounts, UpsertResult } from '../db/upsert';
import type { ImportKind, InputProblem, KindRecords, ProjectRecord, ReportRecord } from '../domain/records';
import { checkRegionTree, provinceOf } from '../domain/regions';
import { DEFAULT_DEADLINE_DAY, isLate } from '../domain/reporting';
import { checkImportedReports, type ReportFinding } from './check-data-quality';
import { InputRejectedError, UsageError } from './errors';
import { describeChanges, type ImportChanges, mergeResults } from './import-changes';

export interface RowOf<T> {
  row: number;
  record: T;
}

export interface ImportRequest<K extends ImportKind> {
  kind: K;
  file: string;
  rows: RowOf<KindRecords[K]>[];
  year?: number;
  list?: string;
  /**
   * The record fields the file has columns for. When given, existing rows keep what they store for
   * every other field: a file without a column never erases that column's data.
   */
  fields?: readonly string[];
  actor: string;
  ip?: string | null;
  /** The signed-in account behind an HTTP import (leader changes name it); none from the CLI. */
  userId?: number | null;
  /** Limits of an HTTP import (the CLI operator has none); out-of-scope rows are problems. */
  scope?: ImportScope;
  /** Check everything and count what would change, inside a transaction that is rolled back. */
  dryRun?: boolean;
}

/** Thrown inside a dry run's transaction to roll it back, carrying what would have changed. */
class DryRunRollback extends Error {
  constructor(
    readonly stored: StoreResult,
    readonly quality: ImportQuality | undefined,
  ) {
    super('dry run');
  }
}

export interface ImportScope {
  /** The importer may write records of this region. */
  writes(regionCode: string): boolean;
  /** The importer stands above this region, so may vouch for its reports (they arrive approved). */
  vouchesFor(regionCode: string): boolean;
}

export interface ImportSummary extends UpsertCounts {
  kind: ImportKind;
  file: string;
  rows: number;
  /** Every stored value the import changed: per column, and the first rows before → after. */
  changes: ImportChanges;
  /** A reports import: the 数据质量检查 findings on its rows (warnings only: nothing is rejected for them). */
  quality?: ImportQuality;
}

export interface ImportQuality {
  errors: number;
  warnings: number;
  /** The first QUALITY_LISTED findings, by year, latest month, severity and project code. */
  findings: ReportFinding[];
}

/** How many quality findings an import lists (all are counted). */
export const QUALITY_LISTED = 200;

/** Bulk writes refresh planner statistics of the tables they touched (see analyzeTables). */
const ANALYZE_THRESHOLD = 500;
const TABLES_OF: Record<ImportKind, string[]> = {
  regions: ['regions'],
  projects: ['projects', 'project_years'],
  reports: ['monthly_reports'],
  deals: ['deals'],
  reserve: ['reserve_projects'],
  approvals: ['approval_items'],
  issues: ['project_issues'],
};

/** The import's references, scope and states checked against the database: every problem at once. */
export async function checkImportRows<K extends ImportKind>(
  database: Database,
  request: ImportRequest<K>,
): Promise<{ problems: InputProblem[]; known: Known; drafts: ReadonlySet<number> }> {
  const problems: InputProblem[] = [];
  const problem = (row: number | null, column: string | null, value: string | null, reason: string) =>
    problems.push({ file: request.file, row, column, value, reason });
  const { db } = database;
  const regionList = await loadRegions(db);
  const regionCodes = new Set(regionList.map((r) => r.code));
  const rows = request.rows as RowOf<unknown>[];

  const { scope } = request;
  const checkRegion = (row: number, code: string) => {
    if (!regionCodes.has(code)) problem(row, '地区代码', code, '地区代码不存在，请先导入地区');
    else if (scope && !scope.writes(code)) problem(row, '地区代码', code, '地区不在您的管辖范围内');
  };
  const projectCodes = referencedProjects(request.kind, rows);
  const known = await projectsByCode(
    db,
    projectCodes.map((p) => p.code),
  );
  // Reports of the importer's own region (a county clerk's county) are not vouched for by anyone
  // above: they arrive as drafts, to be submitted and reviewed as if filled on line, and may not
  // overwrite a report already submitted or approved.
  const drafts = new Set<number>();
  const recordOf = new Map(
    request.kind === 'reports' ? rows.map((r) => [r.row, r.record as ReportRecord]) : [],
  );
  const draftRows: { row: number; code: string; column: string; year: number; month: number }[] = [];
  for (const { row, code, column } of projectCodes) {
    const project = known.get(code);
    if (!project) problem(row, column, code, '项目代码不存在，请先导入项目');
    else if (scope && !scope.writes(project.regionCode)) problem(row, column, code, '项目不在您的管辖范围内');
    else if (scope && request.kind === 'reports' && !scope.vouchesFor(project.regionCode)) {
      const { year, month } = recordOf.get(row)!;
      draftRows.push({ row, code, column, year, month });
    }
  }
  if (draftRows.length > 0) {
    const states = await reportStates(
      db,
      draftRows.map((r) => ({ projectId: known.get(r.code)!.id, year: r.year, month: r.month })),
    );
    for (const r of draftRows) {
      const state = states.get(`${known.get(r.code)!.id}:${r.year}:${r.month}`);
      if (state === 'submitted' || state === 'approved')
        problem(
          r.row,
          r.column,
          r.code,
          `${r.year}年${r.month}月月报已${state === 'approved' ? '审核' : '提交'}，导入不能覆盖；如需更正请在线申请更正`,
        );
      else drafts.add(r.row);
    }
  }
  if (request.kind === 'projects') {
    const existing = await projectsByCode(
      db,
      (rows as RowOf<ProjectRecord>[]).map((r) => r.record.code),
    );
    for (const { row, record } of rows as RowOf<ProjectRecord>[]) {
      const current = existing.get(record.code);
      if (current && scope && !scope.writes(current.regionCode))
        problem(row, '项目代码', record.code, '项目代码已被您管辖范围以外的项目使用');
      // A project's reports and derived rows carry its province code (and live in that province's
      // partition, docs/scaling.md §3): a project stays in its province, as on the web page.
      else if (current && provinceOf(record.regionCode) !== current.provinceCode)
        problem(row, '地区代码', record.regionCode, '项目不能移到其他省份');
    }
  }

  switch (request.kind) {
    case 'regions': {
      const records = rows as RowOf<KindRecords['regions']>[];
      const rowOf = new Map(records.map((r) => [r.record.code, r.row]));
      if (scope) {
        for (const { row, record } of records) {
          if (!scope.writes(provinceOf(record.code)))
            problem(row, '地区代码', record.code, '地区不在您的管辖范围内');
        }
      }
      for (const message of checkRegionTree(
        records.map((r) => r.record),
        regionList,
      )) {
        const code = message.slice(0, 6);
        problem(rowOf.get(code) ?? null, '上级代码', code, message.slice(7));
      }
      break;
    }
    case 'projects':
      if (!request.year) throw new UsageError('导入项目需要指定年度：--year 2020');
      for (const { row, record } of rows as RowOf<ProjectRecord>[]) checkRegion(row, record.regionCode);
      break;
    case 'deals':
    case 'reserve':
      for (const { row, record } of rows as RowOf<{ regionCode: string }>[])
        checkRegion(row, record.regionCode);
      break;
  }
  return { problems, known, drafts };
}

export type ImportCheck = Awaited<ReturnType<typeof checkImportRows>>;

/** Checks (unless `checked` is the check of these very rows, already done) and writes the batch. */
export async function importRecords<K extends ImportKind>(
  database: Database,
  request: ImportRequest<K>,
  checked?: ImportCheck,
): Promise<ImportSummary> {
  const { db } = database;
  const rows = request.rows as RowOf<unknown>[];
  const { problems, known, drafts } = checked ?? (await checkImportRows(database, request));
  if (problems.length > 0) {
    await auditRejectedImport(database, request, problems);
    throw new InputRejectedError(`${request.file}：${problems.length} 处问题，未写入任何数据`, problems);
  }

  const deadlineDay = await readSetting(db, 'report.deadlineDay', DEFAULT_DEADLINE_DAY);
  if (request.dryRun) {
    try {
      await db.transaction(async (tx) => {
        const stored = await store(tx, request, known, deadlineDay, drafts);
        throw new DryRunRollback(stored, await importQuality(tx, request, known));
      });
    } catch (error) {
      await reclaimAfterRollback(database, request);
      if (!(error instanceof DryRunRollback)) throw error;
      return withQuality(summaryOf(request, error.stored), error.quality);
    }
  }
  let quality: ImportQuality | undefined;
  const stored = await withReclaim(database, request, () =>
    db.transaction(async (tx) => {
      const result = await store(tx, request, known, deadlineDay, drafts);
      quality = await importQuality(tx, request, known);
      await writeAudit(tx, {
        actor: request.actor,
        ip: request.ip,
        action: `import.${request.kind}`,
        targetType: request.kind,
        targetId: request.file,
        outcome: 'ok',
        details: {
          rows: rows.length,
          year: request.year ?? null,
          list: request.list ?? null,
          ...countsOf(result),
          changedColumns: Object.fromEntries(
            describeChanges(request.kind, request.rows, result.changedRows).columns.map((c) => [
              c.field,
              c.rows,
            ]),
          ),
        },
      });
      return result;
    }),
  );
  if (stored.inserted + stored.updated >= ANALYZE_THRESHOLD) await analyzeTables(db, TABLES_OF[request.kind]);
  return withQuality(summaryOf(request, stored), quality);
}

/**
 * PGlite runs no autovacuum: a rolled-back batch (a dry run, or a write that failed) of many rows
 * would leave its pages in the data folder for good, so they are vacuumed (docs/operations.md).
 * PostgreSQL's autovacuum does this by itself. A failure to vacuum never hides the import's error.
 */
async function reclaimAfterRollback(database: Database, request: ImportRequest<ImportKind>): Promise<void> {
  if (database.kind !== 'pglite' || request.rows.length < ANALYZE_THRESHOLD) return;
  await vacuumTables(database.db, TABLES_OF[request.kind]).catch(() => {});
}

async function withReclaim<T>(
  database: Database,
  request: ImportRequest<ImportKind>,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    await reclaimAfterRollback(database, request);
    throw error;
  }
}

type StoreResult = UpsertCounts & Pick<UpsertResult, 'insertedRows' | 'changedRows'>;

const countsOf = ({ inserted, updated, unchanged }: UpsertCounts): UpsertCounts => ({
  inserted,
  updated,
  unchanged,
});

function summaryOf(request: ImportRequest<ImportKind>, stored: StoreResult): ImportSummary {
  return {
    kind: request.kind,
    file: request.file,
    rows: request.rows.length,
    ...countsOf(stored),
    changes: describeChanges(request.kind, request.rows, stored.changedRows),
  };
}

const withQuality = (summary: ImportSummary, quality: ImportQuality | undefined): ImportSummary =>
  quality ? { ...summary, quality } : summary;

/** A reports import: the quality findings on its rows, read back with the stored history. */
async function importQuality<K extends ImportKind>(
  tx: Tx,
  request: ImportRequest<K>,
  known: Known,
): Promise<ImportQuality | undefined> {
  if (request.kind !== 'reports') return undefined;
  const rows = (request.rows as RowOf<KindRecords['reports']>[]).map(({ record }) => ({
    projectId: known.get(record.projectCode)!.id,
    year: record.year,
    month: record.month,
  }));
  const findings = await checkImportedReports(tx, rows);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors, findings: findings.slice(0, QUALITY_LISTED) };
}

/** A rejected import writes nothing but its audit record. */
export async function auditRejectedImport(
  database: Database,
  request: Pick<ImportRequest<ImportKind>, 'kind' | 'file' | 'actor' | 'ip' | 'rows'>,
  problems: readonly InputProblem[],
): Promise<void> {
  await writeAudit(database.db, {
    actor: request.actor,
    ip: request.ip,
    action: `import.${request.kind}`,
    targetType: request.kind,
    targetId: request.file,
    outcome: 'rejected',
    details: { rows: request.rows.length, problems: problems.length, first: problems.slice(0, 20) },
  });
}

function referencedProjects(kind: ImportKind, rows: RowOf<unknown>[]) {
  const out: { row: number; code: string; column: string }[] = [];
  for (const { row, record } of rows) {
    const r = record as { projectCode?: string | null; convertedProjectCode?: string | null };
    if (
      (kind === 'reports' || kind === 'approvals' || kind === 'issues' || kind === 'deals') &&
      r.projectCode
    ) {
      out.push({ row, code: r.projectCode, column: kind === 'deals' ? '关联项目代码' : '项目代码' });
    }
    if (kind === 'reserve' && r.convertedProjectCode) {
      out.push({ row, code: r.convertedProjectCode, column: '转化项目代码' });
    }
  }
  return out;
}

type Known = Awaited<ReturnType<typeof projectsByCode>>;
type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

/** Stored columns derived from record fields: updated when any field they derive from is in the file. */
const DERIVED: Record<string, string[]> = {
  provinceCode: ['regionCode'],
  plannedStartMonth: ['plannedStart'],
  completionPlanned: ['nature', 'plannedCompletion'],
  late: ['reportedAt'],
  state: [],
};

function updatableFields(fields: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (!fields) return undefined;
  const only = new Set(fields);
  for (const [column, sources] of Object.entries(DERIVED)) {
    if (sources.length === 0 || sources.some((f) => only.has(f))) only.add(column);
  }
  return only;
}

async function store<K extends ImportKind>(
  tx: Tx,
  request: ImportRequest<K>,
  known: Known,
  deadlineDay: number,
  /** File rows of reports that arrive as drafts (the importer's own region). */
  drafts: ReadonlySet<number>,
): Promise<StoreResult> {
  const records = request.rows.map((r) => r.record);
  const only = updatableFields(request.fields);
  const ref = (code: string) => {
    const p = known.get(code)!;
    return { projectId: p.id, provinceCode: p.provinceCode };
  };
  switch (request.kind) {
    case 'regions':
      return storeRegions(tx, records as KindRecords['regions'][], only);
    case 'projects': {
      const projects = records as ProjectRecord[];
      const year = request.year!;
      await nameChangingUser(tx, request.userId);
      const stored = await storeProjects(tx, projects, only);
      // One file row is one project and its year-list entry: new when the entry is new to the list,
      // changed when either the project or the entry changed.
      const entries = await storeProjectYears(
        tx,
        year,
        request.list ?? 'province_key',
        projects.map((p) => ({
          code: p.code,
          nature: p.nature,
          annualTarget: p.annualTarget,
          plannedStartMonth: p.plannedStart?.startsWith(`${year}-`)
            ? Number(p.plannedStart.slice(5, 7))
            : null,
          completionPlanned:
            p.nature === 'completing' || (p.plannedCompletion?.startsWith(`${year}-`) ?? false),
        })),
        only,
      );
      return mergeResults(projects.length, entries, stored);
    }
    case 'reports':
      return storeImportedReports(
        tx,
        (request.rows as RowOf<KindRecords['reports']>[]).map(({ row, record: r }) => ({
          ...r,
          ...ref(r.projectCode),
          late: isLate(r.reportedAt, r.year, r.month, deadlineDay),
          state: drafts.has(row) ? ('draft' as const) : ('approved' as const),
        })),
        request.actor,
        only,
      );
    case 'deals':
      return storeDeals(tx, records as KindRecords['deals'][], only);
    case 'reserve':
      return storeReserve(tx, records as KindRecords['reserve'][], only);
    case 'approvals':
      return storeApprovals(
        tx,
        (records as KindRecords['approvals'][]).map((r) => ({ ...r, ...ref(r.projectCode) })),
        only,
      );
    case 'issues':
      return storeIssues(
        tx,
        (records as KindRecords['issues'][]).map((r) => ({ ...r, ...ref(r.projectCode) })),
        only,
      );
  }
  throw new UsageError(`未知的导入类型：${request.kind}`);
}
