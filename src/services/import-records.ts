// Import use case: check every reference against the database, then write the whole
// batch in one transaction with its audit record — or write nothing and list every problem.
import type { Database } from '../db/client';
import { loadRegions, projectsByCode, readSetting } from '../db/lookups';
import { writeAudit } from '../db/audit';
import { storeProjects, storeProjectYears } from '../db/store/projects';
import { storeApprovedReports } from '../db/store/reports';
import { storeApprovals, storeDeals, storeIssues, storeReserve } from '../db/store/ledgers';
import { storeRegions } from '../db/store/regions';
import type { UpsertCounts } from '../db/upsert';
import type { ImportKind, InputProblem, KindRecords, ProjectRecord } from '../domain/records';
import { checkRegionTree } from '../domain/regions';
import { DEFAULT_DEADLINE_DAY, isLate } from '../domain/reporting';
import { InputRejectedError, UsageError } from './errors';

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
  actor: string;
  ip?: string | null;
}

export interface ImportSummary extends UpsertCounts {
  kind: ImportKind;
  file: string;
  rows: number;
}

export async function importRecords<K extends ImportKind>(
  database: Database,
  request: ImportRequest<K>,
): Promise<ImportSummary> {
  const problems: InputProblem[] = [];
  const problem = (row: number | null, column: string | null, value: string | null, reason: string) =>
    problems.push({ file: request.file, row, column, value, reason });
  const { db } = database;
  const regionList = await loadRegions(db);
  const regionCodes = new Set(regionList.map((r) => r.code));
  const rows = request.rows as RowOf<unknown>[];

  const checkRegion = (row: number, code: string) => {
    if (!regionCodes.has(code)) problem(row, '地区代码', code, '地区代码不存在，请先导入地区');
  };
  const projectCodes = referencedProjects(request.kind, rows);
  const known = await projectsByCode(db, projectCodes.map((p) => p.code));
  for (const { row, code, column } of projectCodes) {
    if (!known.has(code)) problem(row, column, code, '项目代码不存在，请先导入项目');
  }

  switch (request.kind) {
    case 'regions': {
      const records = rows as RowOf<KindRecords['regions']>[];
      const rowOf = new Map(records.map((r) => [r.record.code, r.row]));
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
      for (const { row, record } of rows as RowOf<{ regionCode: string }>[]) checkRegion(row, record.regionCode);
      break;
  }
  if (problems.length > 0) {
    throw new InputRejectedError(`${request.file}：${problems.length} 处问题，未写入任何数据`, problems);
  }

  const deadlineDay = await readSetting(db, 'report.deadlineDay', DEFAULT_DEADLINE_DAY);
  const counts = await db.transaction(async (tx) => {
    const result = await store(tx, request, known, deadlineDay);
    await writeAudit(tx, {
      actor: request.actor,
      ip: request.ip,
      action: `import.${request.kind}`,
      targetType: request.kind,
      targetId: request.file,
      outcome: 'ok',
      details: { rows: rows.length, year: request.year ?? null, list: request.list ?? null, ...result },
    });
    return result;
  });
  return { kind: request.kind, file: request.file, rows: rows.length, ...counts };
}

function referencedProjects(kind: ImportKind, rows: RowOf<unknown>[]) {
  const out: { row: number; code: string; column: string }[] = [];
  for (const { row, record } of rows) {
    const r = record as { projectCode?: string | null; convertedProjectCode?: string | null };
    if ((kind === 'reports' || kind === 'approvals' || kind === 'issues' || kind === 'deals') && r.projectCode) {
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

async function store<K extends ImportKind>(
  tx: Tx,
  request: ImportRequest<K>,
  known: Known,
  deadlineDay: number,
): Promise<UpsertCounts> {
  const records = request.rows.map((r) => r.record);
  const ref = (code: string) => {
    const p = known.get(code)!;
    return { projectId: p.id, provinceCode: p.provinceCode };
  };
  switch (request.kind) {
    case 'regions':
      return storeRegions(tx, records as KindRecords['regions'][]);
    case 'projects': {
      const projects = records as ProjectRecord[];
      const year = request.year!;
      await storeProjects(tx, projects);
      // One file row is one project-year-list entry: report those counts.
      return storeProjectYears(
        tx,
        year,
        request.list ?? 'province_key',
        projects.map((p) => ({
          code: p.code,
          nature: p.nature,
          annualTarget: p.annualTarget,
          plannedStartMonth: p.plannedStart?.startsWith(`${year}-`) ? Number(p.plannedStart.slice(5, 7)) : null,
          completionPlanned: p.nature === 'completing' || (p.plannedCompletion?.startsWith(`${year}-`) ?? false),
        })),
      );
    }
    case 'reports':
      return storeApprovedReports(
        tx,
        (records as KindRecords['reports'][]).map((r) => ({
          ...r,
          ...ref(r.projectCode),
          late: isLate(r.reportedAt, r.year, r.month, deadlineDay),
        })),
        request.actor,
      );
    case 'deals':
      return storeDeals(tx, records as KindRecords['deals'][]);
    case 'reserve':
      return storeReserve(tx, records as KindRecords['reserve'][]);
    case 'approvals':
      return storeApprovals(
        tx,
        (records as KindRecords['approvals'][]).map((r) => ({ ...r, ...ref(r.projectCode) })),
      );
    case 'issues':
      return storeIssues(
        tx,
        (records as KindRecords['issues'][]).map((r) => ({ ...r, ...ref(r.projectCode) })),
      );
  }
  throw new UsageError(`未知的导入类型：${request.kind}`);
}
