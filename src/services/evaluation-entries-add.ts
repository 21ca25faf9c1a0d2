// Entering bonus/penalty events and manual adjustments (加分/扣分), one at a time or from a spreadsheet:
// every row checked (unit, scope, item in a scheme's list, exact points, reason), nothing written on any
// problem; stored as pending and audited.
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import {
  type AdjustmentEntry,
  type EventEntry,
  insertAdjustments,
  insertEvents,
  type NewAdjustment,
  type NewEvent,
} from '../db/evaluation-entries';
import {
  type AdjustmentInput,
  categoryItems,
  type EventInput,
  parseKind,
  parsePoints,
} from '../domain/evaluation/entries';
import type { Scheme } from '../domain/evaluation/scheme';
import { PeriodError, parsePeriod } from '../domain/period';
import type { InputProblem } from '../domain/records';
import { provinceOf, type RegionNode } from '../domain/regions';
import { BUILTIN_SCHEMES, isBuiltinScheme, loadSchemeFile } from '../schemes/load-scheme';
import type { AuditContext } from './context';
import { InputRejectedError } from './errors';
import { knownEventItems, presentAdjustment, presentEvent } from './evaluation-entries';
import { regionTree } from './region-tree';

export interface EntryRows<T> {
  /** The file's name (problems name it); '（录入）' for a single entry. */
  file: string;
  rows: { row: number | null; record: T }[];
  /** The region the actor may enter for (policy 'evaluationEntry.enter'); a row outside is a problem. */
  mayEnter: (regionCode: string) => boolean;
  /** Problems the file reader found in cells: listed together with these checks, nothing written. */
  problems?: InputProblem[];
}

const COLUMN = {
  region: '地区代码',
  date: '日期',
  item: '事项',
  count: '次数',
  reason: '理由',
  note: '依据',
  scheme: '考评方案',
  period: '考评期',
  kind: '类别',
  points: '分值',
};

export function problemsOf(file: string, found: InputProblem[] = []) {
  const problems: InputProblem[] = [...found];
  const add = (row: number | null, column: string, value: unknown, reason: string) =>
    problems.push({
      file,
      row,
      column,
      value: value === null || value === undefined ? null : String(value).slice(0, 60),
      reason,
    });
  return { problems, add };
}

export function reject(file: string, problems: InputProblem[]): never {
  const head = problems.length === 1 ? problems[0]!.reason : `${problems.length} 处问题`;
  throw new InputRejectedError(`${file}：${head}，未写入任何数据`, problems);
}

export function checkUnit(
  regions: Map<string, RegionNode>,
  code: string,
  entry: Pick<EntryRows<unknown>, 'mayEnter'>,
): string | null {
  const region = regions.get(code);
  if (!region) return `地区代码 ${code} 不存在`;
  if (region.kind === 'province') return `${region.name}是省级地区，不参加排名：请填写参评单位（市、县）`;
  if (!entry.mayEnter(code)) return `${region.name}（${code}）不在您的管辖范围内`;
  return null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks every row (nothing written on any problem) and stores the events as pending. */
export async function addEvents(
  database: Database,
  request: EntryRows<EventInput>,
  ctx: AuditContext,
): Promise<EventEntry[]> {
  const regions = new Map((await regionTree(database)).map((r) => [r.code, r]));
  const items = await knownEventItems();
  const byName = new Map([...items.values()].map((it) => [it.name, it.id]));
  const { problems, add } = problemsOf(request.file, request.problems);
  const rows: NewEvent[] = [];
  for (const { row, record } of request.rows) {
    const unit = checkUnit(regions, record.regionCode, request);
    if (unit) add(row, COLUMN.region, record.regionCode, unit);
    if (!DATE.test(record.eventDate) || Number.isNaN(Date.parse(record.eventDate)))
      add(row, COLUMN.date, record.eventDate, '日期应为 YYYY-MM-DD');
    const item = items.has(record.item.trim()) ? record.item.trim() : byName.get(record.item.trim());
    if (!item)
      add(
        row,
        COLUMN.item,
        record.item,
        `事项 "${record.item}" 不在任何考评方案的加分、扣分或计次指标的事项中（可用：${[...items.values()].map((i) => i.name).join('、')}）`,
      );
    if (!Number.isInteger(record.count) || record.count < 1 || record.count > 1000)
      add(row, COLUMN.count, record.count, '次数应为 1–1000 的整数');
    if (!record.reason?.trim()) add(row, COLUMN.reason, null, '必须注明理由');
    else if (record.reason.length > 500) add(row, COLUMN.reason, record.reason, '理由不超过 500 字');
    if ((record.note ?? '').length > 500) add(row, COLUMN.note, record.note, '依据不超过 500 字');
    if (item && !unit)
      rows.push({
        provinceCode: provinceOf(record.regionCode),
        regionCode: record.regionCode,
        item,
        eventDate: record.eventDate,
        count: record.count,
        note: record.note?.trim() || null,
        reason: record.reason.trim(),
        author: ctx.actor,
      });
  }
  if (request.rows.length === 0 && problems.length === 0) add(null, COLUMN.item, null, '没有事件');
  if (problems.length > 0) reject(request.file, problems);
  return database.db.transaction(async (tx) => {
    const stored = await insertEvents(tx, rows);
    for (const e of stored)
      await writeAudit(tx, {
        actor: ctx.actor,
        ip: ctx.ip,
        action: 'evaluation.event.create',
        targetType: 'evaluation_event',
        targetId: String(e.id),
        outcome: 'ok',
        after: presentEvent(e),
        details: request.file === SINGLE ? null : { file: request.file },
      });
    return stored;
  });
}

export const SINGLE = '（录入）';

async function resolveScheme(id: string, cache: Map<string, Scheme | string>): Promise<Scheme | string> {
  const hit = cache.get(id);
  if (hit) return hit;
  let out: Scheme | string;
  try {
    out = (await loadSchemeFile(id)).scheme;
  } catch (e) {
    out = isBuiltinScheme(id)
      ? `考评方案 ${id} 无法读取：${(e as Error).message}`
      : `没有考评方案 "${id}"（内置：${BUILTIN_SCHEMES.join('、')}）`;
  }
  cache.set(id, out);
  return out;
}

/** The scheme a row names (a built-in one; a file only when allowed, as the CLI does), or why not. */
export function checkScheme(
  id: string,
  allowSchemeFiles: boolean | undefined,
  cache: Map<string, Scheme | string>,
): Promise<Scheme | string> | string {
  if (!allowSchemeFiles && !isBuiltinScheme(id))
    return `没有考评方案 "${id}"（内置：${BUILTIN_SCHEMES.join('、')}）`;
  return resolveScheme(id, cache);
}

/** Checks every row (nothing written on any problem) and stores the adjustments as pending. */
export async function addAdjustments(
  database: Database,
  request: EntryRows<AdjustmentInput> & { allowSchemeFiles?: boolean },
  ctx: AuditContext,
): Promise<AdjustmentEntry[]> {
  const regions = new Map((await regionTree(database)).map((r) => [r.code, r]));
  const schemes = new Map<string, Scheme | string>();
  const { problems, add } = problemsOf(request.file, request.problems);
  const rows: NewAdjustment[] = [];
  for (const { row, record } of request.rows) {
    const schemeId = record.scheme.trim();
    const scheme = await checkScheme(schemeId, request.allowSchemeFiles, schemes);
    if (typeof scheme === 'string') add(row, COLUMN.scheme, schemeId, scheme);
    let period: string | null = null;
    try {
      period = parsePeriod(record.period.trim()).id;
    } catch (e) {
      if (!(e instanceof PeriodError)) throw e;
      add(row, COLUMN.period, record.period, `考评期应为 2020、2020Q3 或 2020-09：${e.message}`);
    }
    const unit = checkUnit(regions, record.unitCode, request);
    if (unit) add(row, COLUMN.region, record.unitCode, unit);
    const kind = parseKind(record.kind);
    if (!kind) add(row, COLUMN.kind, record.kind, '类别应为 加分 或 扣分（bonus / penalty）');
    const points = parsePoints(record.points);
    if (!points.ok) add(row, COLUMN.points, record.points, points.reason);
    let item: string | null = null;
    const named = record.item?.trim() || null;
    if (named && kind && typeof scheme !== 'string') {
      const list = categoryItems(scheme, kind);
      const found = list.find((it) => it.id === named || it.name === named);
      if (found) item = found.id;
      else
        add(
          row,
          COLUMN.item,
          named,
          list.length
            ? `事项 "${named}" 不在方案《${scheme.name}》的${kind === 'bonus' ? '加' : '扣'}分项中（可用：${list.map((i) => i.name).join('、')}）`
            : `方案《${scheme.name}》没有${kind === 'bonus' ? '加' : '扣'}分项`,
        );
    }
    if (!record.reason?.trim()) add(row, COLUMN.reason, null, '必须注明理由');
    else if (record.reason.length > 500) add(row, COLUMN.reason, record.reason, '理由不超过 500 字');
    const parent = regions.get(record.unitCode)?.parentCode;
    if (typeof scheme !== 'string' && period && !unit && kind && points.ok && parent)
      rows.push({
        schemeId: scheme.id,
        parentCode: parent,
        period,
        unitCode: record.unitCode,
        kind,
        item,
        points: points.points,
        reason: record.reason.trim(),
        author: ctx.actor,
      });
  }
  if (request.rows.length === 0 && problems.length === 0) add(null, COLUMN.points, null, '没有调整');
  if (problems.length > 0) reject(request.file, problems);
  return database.db.transaction(async (tx) => {
    const stored = await insertAdjustments(tx, rows);
    for (const a of stored)
      await writeAudit(tx, {
        actor: ctx.actor,
        ip: ctx.ip,
        action: 'evaluation.adjustment.create',
        targetType: 'evaluation_adjustment',
        targetId: String(a.id),
        outcome: 'ok',
        after: presentAdjustment(a),
        details: request.file === SINGLE ? null : { file: request.file },
      });
    return stored;
  });
}
