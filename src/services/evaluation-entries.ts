// Bonus/penalty events and manual adjustments (加分/扣分): listed, approved by a different person than
// the one who entered them (separation of duties), revoked with a reason (the row stays), and their
// JSON form. Entering them is in evaluation-entries-add.ts. Only approved, unrevoked entries count in an
// evaluation (db/evaluations.ts). Every change is audited.
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
  listAdjustments,
  listEvents,
} from '../db/evaluation-entries';
import { categoryItems, type EntryKind, eventItems } from '../domain/evaluation/entries';
import type { Scheme } from '../domain/evaluation/scheme';
import { PeriodError, parsePeriod } from '../domain/period';
import { BUILTIN_SCHEMES, loadSchemeFile } from '../schemes/load-scheme';
import type { AuditContext } from './context';
import { ConflictError, NotFoundError, RuleViolationError, UsageError } from './errors';

export type { AdjustmentEntry, EntryStatus, EventEntry } from '../db/evaluation-entries';

let builtins: Promise<Scheme[]> | null = null;
function builtinSchemes(): Promise<Scheme[]> {
  builtins ??= Promise.all(BUILTIN_SCHEMES.map(async (id) => (await loadSchemeFile(id)).scheme));
  return builtins;
}

/** The items events may carry: those of the built-in schemes (see docs/methodology.md). */
export async function knownEventItems() {
  return eventItems(await builtinSchemes());
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
