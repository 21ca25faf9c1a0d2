// Honours lists (荣誉名单): imported as a draft from a spreadsheet (every row checked, nothing written
// on any problem), published once by the province office and final from then on, and readable in
// public through a public link (services/public-links.ts).
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import {
  getHonourList,
  type HonourEntry,
  type HonourList,
  type HonourListSummary,
  honourEntries,
  insertHonourList,
  listHonourLists,
  markHonourListPublished,
} from '../db/honours';
import { type HonourEntryRecord, honourListHash } from '../domain/honours';
import type { InputProblem } from '../domain/records';
import { provinceOf } from '../domain/regions';
import type { AuditContext } from './context';
import { ConflictError, InputRejectedError, NotFoundError, UsageError } from './errors';
import { regionTree } from './region-tree';

export interface HonourListRequest {
  provinceCode: string;
  title: string;
  year: number;
  issuedBy?: string | null;
  issuedOn?: string | null;
  /** The file's name as the user knows it (problems name it). */
  file: string;
  rows: { row: number; record: HonourEntryRecord }[];
}

export interface HonourListDetail extends HonourList {
  entries: HonourEntry[];
}

/** Checks the rows (region codes within the province) and stores the list as a draft. */
export async function createHonourList(
  database: Database,
  request: HonourListRequest,
  ctx: AuditContext,
): Promise<HonourListDetail> {
  const title = request.title.trim();
  if (title === '' || title.length > 200) throw new UsageError('名单标题不能为空，且不超过 200 字');
  if (!Number.isInteger(request.year) || request.year < 1990 || request.year > 2100)
    throw new UsageError('年度应为 1990–2100 的整数');
  if (request.rows.length === 0) throw new InputRejectedError(`${request.file}：没有名单条目，未写入`, []);
  const regions = await regionTree(database);
  const inProvince = new Set(
    regions.filter((r) => provinceOf(r.code) === request.provinceCode).map((r) => r.code),
  );
  const problems: InputProblem[] = [];
  for (const { row, record } of request.rows) {
    if (record.regionCode !== null && !inProvince.has(record.regionCode)) {
      problems.push({
        file: request.file,
        row,
        column: '地区代码',
        value: record.regionCode,
        reason: `地区代码 ${record.regionCode} 不是本省（${request.provinceCode}）的地区`,
      });
    }
    if (record.name.length > 200) {
      problems.push({
        file: request.file,
        row,
        column: '名称',
        value: record.name.slice(0, 40),
        reason: '名称超过 200 字',
      });
    }
  }
  if (problems.length > 0)
    throw new InputRejectedError(`${request.file}：${problems.length} 处问题，未写入任何数据`, problems);
  const head = {
    provinceCode: request.provinceCode,
    title,
    year: request.year,
    issuedBy: request.issuedBy?.trim() || null,
    issuedOn: request.issuedOn ?? null,
  };
  const entries = request.rows.map((r) => r.record).sort((a, b) => a.position - b.position);
  const contentHash = honourListHash(head, entries);
  const id = await database.db.transaction(async (tx) => {
    const newId = await insertHonourList(
      tx,
      { ...head, sourceFile: request.file, contentHash, createdBy: ctx.actor },
      entries,
    );
    await writeAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'honours.import',
      targetType: 'honour_list',
      targetId: String(newId),
      outcome: 'ok',
      after: { title, year: head.year, entries: entries.length, hash: contentHash, file: request.file },
    });
    return newId;
  });
  return loadHonourList(database, id);
}

export function listHonours(database: Database, provinceCode: string): Promise<HonourListSummary[]> {
  return listHonourLists(database.db, provinceCode);
}

export async function loadHonourList(database: Database, id: number): Promise<HonourListDetail> {
  const list = await getHonourList(database.db, id);
  if (!list) throw new NotFoundError(`荣誉名单 ${id} 不存在`);
  return { ...list, entries: await honourEntries(database.db, id) };
}

/** A published list; a draft is not found (it is nobody's business outside the office yet). */
export async function loadPublishedHonourList(database: Database, id: number): Promise<HonourListDetail> {
  const list = await loadHonourList(database, id);
  if (list.publishedAt === null) throw new NotFoundError(`荣誉名单 ${id} 不存在`);
  return list;
}

export async function publishHonourList(
  database: Database,
  id: number,
  ctx: AuditContext,
): Promise<HonourListDetail> {
  await database.db.transaction(async (tx) => {
    const list = await getHonourList(tx, id);
    if (!list) throw new NotFoundError(`荣誉名单 ${id} 不存在`);
    if (list.publishedAt !== null || !(await markHonourListPublished(tx, id, ctx.actor, ctx.now)))
      throw new ConflictError(`荣誉名单 ${id} 已发布，发布后不可更改`);
    await writeAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'honours.publish',
      targetType: 'honour_list',
      targetId: String(id),
      outcome: 'ok',
      after: { title: list.title, year: list.year, hash: list.contentHash },
    });
  });
  return loadHonourList(database, id);
}
