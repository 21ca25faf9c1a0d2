// Bonus/penalty events and manual adjustments (加分/扣分): entered by the province office one at a
// time or from a spreadsheet (every row checked, nothing written on any problem), approved by a
// different person (separation of duties), revoked with a reason (the row stays). Only approved,
// unrevoked entries count in an evaluation (db/evaluations.ts). Every change is audited.
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import {
  type AdjustmentEntry,
  changeAdjustmentStatus,
  changeEventStatus,
  type EntryStatus,
  type EventEntry,
  getAdjustment,
  getEvent,
  insertAdjustments,
  insertEvents,
  listAdjustments,
  listEvents,
  type NewAdjustment,
  type NewEvent,
} from '../db/evaluation-entries';
import {
  categoryItems,
  type EntryKind,
  eventItems,
  parseKind,
  parsePoints,
} from '../domain/evaluation/entries';
import type { Scheme } from '../domain/evaluation/scheme';
import { PeriodError, parsePeriod } from '../domain/period';
import type { InputProblem } from '../domain/records';
import { provinceOf, type RegionNode } from '../domain/regions';
import { BUILTIN_SCHEMES, isBuiltinScheme, loadSchemeFile } from '../schemes/load-scheme';
import type { AuditContext } from './context';
import { ConflictError, InputRejectedError, NotFoundError, RuleViolationError, UsageError } from './errors';
import { regionTree } from './region-tree';

export type { AdjustmentEntry, EntryStatus, EventEntry } from '../db/evaluation-entries';

export interface EventInput {
  regionCode: string;
  eventDate: string;
  /** The item's id or its name in a scheme's list. */
  item: string;
  count: number;
  /** Evidence: the notice or document it rests on. */
  note: string | null;
  reason: string;
}

export interface AdjustmentInput {
  /** A built-in scheme id, or (CLI) a scheme file. */
  scheme: string;
  period: string;
  unitCode: string;
  kind: string;
  item: string | null;
  points: string | number;
  reason: string;
}

export interface EntryRows<T> {
  /** The file's name (problems name it); '（录入）' for a single entry. */
  file: string;
  rows: { row: number | null; record: T }[];
  /** The region the actor may enter for (policy 'evaluationEntry.enter'); a row outside is a problem. */
  mayEnter: (regionCode: string) => boolean;
  /** Problems the file reader found in cells: listed together with these checks, nothing written. */
  problems?: InputProblem[];
}

let builtins: Promise<Scheme[]> | null = null;
function builtinSchemes(): Promise<Scheme[]> {
  builtins ??= Promise.all(BUILTIN_SCHEMES.map(async (id) => (await loadSchemeFile(id)).scheme));
  return builtins;
}

/** The items events may carry: those of the built-in schemes (see docs/methodology.md). */
export async function knownEventItems() {
  return eventItems(await builtinSchemes());
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

function problemsOf(file: string, found: InputProblem[] = []) {
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

function reject(file: string, problems: InputProblem[]): never {
  const head = problems.length === 1 ? problems[0]!.reason : `${problems.length} 处问题`;
  throw new InputRejectedError(`${file}：${head}，未写入任何数据`, problems);
}

function checkUnit(
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
    let scheme: Scheme | string | null = null;
    if (!request.allowSchemeFiles && !isBuiltinScheme(schemeId))
      add(row, COLUMN.scheme, schemeId, `没有考评方案 "${schemeId}"（内置：${BUILTIN_SCHEMES.join('、')}）`);
    else {
      scheme = await resolveScheme(schemeId, schemes);
      if (typeof scheme === 'string') add(row, COLUMN.scheme, schemeId, scheme);
    }
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
    if (named && kind && scheme && typeof scheme !== 'string') {
      const list = categoryItems(scheme, kind);
      const found = list.find((it) => it.id === named || it.name === named);
      if (found) item = found.id;
      else
        add(
          row,
          COLUMN.item,
          named,
          list.length
            ? `事项 "${named}" 不在方案 ${scheme.id} 的${kind === 'bonus' ? '加' : '扣'}分项中（可用：${list.map((i) => i.name).join('、')}）`
            : `方案 ${scheme.id} 没有${kind === 'bonus' ? '加' : '扣'}分项`,
        );
    }
    if (!record.reason?.trim()) add(row, COLUMN.reason, null, '必须注明理由');
    else if (record.reason.length > 500) add(row, COLUMN.reason, record.reason, '理由不超过 500 字');
    const parent = regions.get(record.unitCode)?.parentCode;
    if (scheme && typeof scheme !== 'string' && period && !unit && kind && points.ok && parent)
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

export interface EventQuery {
  provinceCode: string;
  /** A period (2020, 2020Q3, 2020-09): events dated within it. */
  period?: string;
  regionCode?: string;
  status?: EntryStatus;
}

export function listEventEntries(database: Database, q: EventQuery): Promise<EventEntry[]> {
  let span: { from?: string; to?: string } = {};
  if (q.period) {
    try {
      const p = parsePeriod(q.period);
      span = { from: p.start, to: p.end };
    } catch (e) {
      if (e instanceof PeriodError) throw new UsageError(`考评期应为 2020、2020Q3 或 2020-09：${e.message}`);
      throw e;
    }
  }
  return listEvents(database.db, {
    provinceCode: q.provinceCode,
    ...span,
    regionCode: q.regionCode,
    status: q.status,
  });
}

export function listAdjustmentEntries(
  database: Database,
  q: { provinceCode: string; scheme?: string; period?: string; unitCode?: string; status?: EntryStatus },
): Promise<AdjustmentEntry[]> {
  return listAdjustments(database.db, {
    provinceCode: q.provinceCode,
    schemeId: q.scheme,
    period: q.period,
    unitCode: q.unitCode,
    status: q.status,
  });
}

export async function loadEvent(database: Database, id: number): Promise<EventEntry> {
  const e = await getEvent(database.db, id);
  if (!e) throw new NotFoundError(`事件 ${id} 不存在`);
  return e;
}

export async function loadAdjustment(database: Database, id: number): Promise<AdjustmentEntry> {
  const a = await getAdjustment(database.db, id);
  if (!a) throw new NotFoundError(`人工调整 ${id} 不存在`);
  return a;
}

type Kind = 'event' | 'adjustment';
const LABEL: Record<Kind, string> = { event: '事件', adjustment: '人工调整' };

async function review<T extends EventEntry | AdjustmentEntry>(
  database: Database,
  kind: Kind,
  id: number,
  change: { status: 'approved' } | { status: 'revoked'; reason: string },
  ctx: AuditContext,
  version?: number,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    const before = (kind === 'event' ? await getEvent(tx, id) : await getAdjustment(tx, id)) as T | null;
    if (!before) throw new NotFoundError(`${LABEL[kind]} ${id} 不存在`);
    if (version !== undefined && version !== before.version)
      throw new ConflictError(`${LABEL[kind]} ${id} 已被他人修改，请刷新后重试`);
    if (before.status === 'revoked') throw new ConflictError(`${LABEL[kind]} ${id} 已撤销，不可再审核或撤销`);
    let full: Parameters<typeof changeEventStatus>[3];
    if (change.status === 'approved') {
      if (before.status === 'approved') throw new ConflictError(`${LABEL[kind]} ${id} 已审核通过`);
      // Separation of duties: whoever entered it does not approve it (the policy says so for the
      // API; the service holds the line for every caller, the CLI included).
      if (before.author === ctx.actor)
        throw new RuleViolationError(`${LABEL[kind]} ${id} 由 ${ctx.actor} 录入，须由另一人审核`);
      full = { status: 'approved', by: ctx.actor, at: ctx.now };
    } else {
      const reason = change.reason.trim();
      if (!reason) throw new UsageError('撤销须注明理由');
      if (reason.length > 500) throw new UsageError('撤销理由不超过 500 字');
      full = { status: 'revoked', by: ctx.actor, at: ctx.now, reason };
    }
    const after = (
      kind === 'event'
        ? await changeEventStatus(tx, id, before.version, full)
        : await changeAdjustmentStatus(tx, id, before.version, full)
    ) as T | null;
    if (!after) throw new ConflictError(`${LABEL[kind]} ${id} 已被他人修改，请刷新后重试`);
    const present = (x: T) =>
      kind === 'event' ? presentEvent(x as EventEntry) : presentAdjustment(x as AdjustmentEntry);
    await writeAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: `evaluation.${kind}.${change.status === 'approved' ? 'approve' : 'revoke'}`,
      targetType: kind === 'event' ? 'evaluation_event' : 'evaluation_adjustment',
      targetId: String(id),
      outcome: 'ok',
      before: present(before),
      after: present(after),
    });
    return after;
  });
}

export const approveEvent = (database: Database, id: number, ctx: AuditContext, version?: number) =>
  review<EventEntry>(database, 'event', id, { status: 'approved' }, ctx, version);
export const revokeEvent = (
  database: Database,
  id: number,
  reason: string,
  ctx: AuditContext,
  version?: number,
) => review<EventEntry>(database, 'event', id, { status: 'revoked', reason }, ctx, version);
export const approveAdjustment = (database: Database, id: number, ctx: AuditContext, version?: number) =>
  review<AdjustmentEntry>(database, 'adjustment', id, { status: 'approved' }, ctx, version);
export const revokeAdjustment = (
  database: Database,
  id: number,
  reason: string,
  ctx: AuditContext,
  version?: number,
) => review<AdjustmentEntry>(database, 'adjustment', id, { status: 'revoked', reason }, ctx, version);

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** An event as JSON (API, CLI --json, audit). */
export function presentEvent(e: EventEntry) {
  return {
    id: e.id,
    regionCode: e.regionCode,
    eventDate: e.eventDate,
    item: e.item,
    count: e.count,
    note: e.note,
    reason: e.reason,
    status: e.status,
    author: e.author,
    createdAt: iso(e.createdAt),
    approvedBy: e.approvedBy,
    approvedAt: iso(e.approvedAt),
    revokedBy: e.revokedBy,
    revokedAt: iso(e.revokedAt),
    revokeReason: e.revokeReason,
    version: e.version,
  };
}

/** A manual adjustment as JSON; points as exact decimal text ("2.50"). */
export function presentAdjustment(a: AdjustmentEntry) {
  return {
    id: a.id,
    scheme: a.schemeId,
    parentCode: a.parentCode,
    period: a.period,
    unitCode: a.unitCode,
    kind: a.kind as EntryKind,
    item: a.item,
    points: a.points,
    reason: a.reason,
    status: a.status,
    author: a.author,
    createdAt: iso(a.createdAt),
    approvedBy: a.approvedBy,
    approvedAt: iso(a.approvedAt),
    revokedBy: a.revokedBy,
    revokedAt: iso(a.revokedAt),
    revokeReason: a.revokeReason,
    version: a.version,
  };
}

/** What may be entered: event items of the built-in schemes, and each scheme's bonus and penalty items. */
export async function entryChoices() {
  const schemes = await builtinSchemes();
  return {
    events: [...(await knownEventItems()).values()],
    schemes: schemes.map((s) => ({
      id: s.id,
      name: s.name,
      bonus: categoryItems(s, 'bonus').map(({ id, name }) => ({ id, name })),
      penalty: categoryItems(s, 'penalty').map(({ id, name }) => ({ id, name })),
    })),
  };
}
