// Bonus/penalty events (evaluation_events) and manual adjustments (evaluation_adjustments) as entered,
// reviewed and revoked (migration 0013). A row is never deleted: revoking records who, when and why.
// Only approved rows count in an evaluation (db/evaluations.ts queryEvents, queryAdjustments).
import { and, asc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Tx } from './query';
import { evaluationAdjustments, evaluationEvents } from './schema';

export type EntryStatus = 'pending' | 'approved' | 'revoked';

interface Review {
  status: EntryStatus;
  author: string;
  approvedBy: string | null;
  approvedAt: Date | null;
  revokedBy: string | null;
  revokedAt: Date | null;
  revokeReason: string | null;
  createdAt: Date;
  version: number;
}

export interface EventEntry extends Review {
  id: number;
  provinceCode: string;
  regionCode: string;
  item: string;
  eventDate: string;
  count: number;
  note: string | null;
  reason: string | null;
}

export interface AdjustmentEntry extends Review {
  id: number;
  schemeId: string;
  parentCode: string;
  period: string;
  unitCode: string;
  kind: 'bonus' | 'penalty';
  item: string | null;
  /** numeric(8,2) as text: exact. */
  points: string;
  reason: string;
}

const reviewColumns = (t: typeof evaluationEvents | typeof evaluationAdjustments) => ({
  status: t.status,
  author: t.author,
  approvedBy: t.approvedBy,
  approvedAt: t.approvedAt,
  revokedBy: t.revokedBy,
  revokedAt: t.revokedAt,
  revokeReason: t.revokeReason,
  createdAt: t.createdAt,
  version: t.version,
});

const eventColumns = {
  id: evaluationEvents.id,
  provinceCode: evaluationEvents.provinceCode,
  regionCode: evaluationEvents.regionCode,
  item: evaluationEvents.item,
  eventDate: evaluationEvents.eventDate,
  count: evaluationEvents.count,
  note: evaluationEvents.note,
  reason: evaluationEvents.reason,
  ...reviewColumns(evaluationEvents),
};

const adjustmentColumns = {
  id: evaluationAdjustments.id,
  schemeId: evaluationAdjustments.schemeId,
  parentCode: evaluationAdjustments.parentCode,
  period: evaluationAdjustments.period,
  unitCode: evaluationAdjustments.unitCode,
  kind: evaluationAdjustments.kind,
  item: evaluationAdjustments.item,
  points: evaluationAdjustments.points,
  reason: evaluationAdjustments.reason,
  ...reviewColumns(evaluationAdjustments),
};

export type NewEvent = Pick<
  EventEntry,
  'provinceCode' | 'regionCode' | 'item' | 'eventDate' | 'count' | 'note' | 'reason' | 'author'
>;
export type NewAdjustment = Pick<
  AdjustmentEntry,
  'schemeId' | 'parentCode' | 'period' | 'unitCode' | 'kind' | 'item' | 'points' | 'reason' | 'author'
>;

export async function insertEvents(tx: Tx, rows: readonly NewEvent[]): Promise<EventEntry[]> {
  if (rows.length === 0) return [];
  const out = await tx
    .insert(evaluationEvents)
    .values(rows.map((r) => ({ ...r })))
    .returning(eventColumns);
  return out as EventEntry[];
}

export async function insertAdjustments(tx: Tx, rows: readonly NewAdjustment[]): Promise<AdjustmentEntry[]> {
  if (rows.length === 0) return [];
  const out = await tx
    .insert(evaluationAdjustments)
    .values(rows.map((r) => ({ ...r })))
    .returning(adjustmentColumns);
  return out as AdjustmentEntry[];
}

export interface EventFilter {
  provinceCode: string;
  /** Events dated within [from, to]. */
  from?: string;
  to?: string;
  regionCode?: string;
  status?: EntryStatus;
}

export async function listEvents(tx: Tx, f: EventFilter): Promise<EventEntry[]> {
  const where: (SQL | undefined)[] = [
    eq(evaluationEvents.provinceCode, f.provinceCode),
    f.from ? gte(evaluationEvents.eventDate, f.from) : undefined,
    f.to ? lte(evaluationEvents.eventDate, f.to) : undefined,
    f.regionCode ? eq(evaluationEvents.regionCode, f.regionCode) : undefined,
    f.status ? eq(evaluationEvents.status, f.status) : undefined,
  ];
  return (await tx
    .select(eventColumns)
    .from(evaluationEvents)
    .where(and(...where))
    .orderBy(asc(evaluationEvents.eventDate), asc(evaluationEvents.id))) as EventEntry[];
}

export interface AdjustmentFilter {
  /** Adjustments of evaluations within this province (parent codes sharing its two leading digits). */
  provinceCode: string;
  schemeId?: string;
  period?: string;
  unitCode?: string;
  status?: EntryStatus;
}

export async function listAdjustments(tx: Tx, f: AdjustmentFilter): Promise<AdjustmentEntry[]> {
  return (await tx
    .select(adjustmentColumns)
    .from(evaluationAdjustments)
    .where(
      and(
        sql`left(${evaluationAdjustments.parentCode}, 2) = ${f.provinceCode.slice(0, 2)}`,
        f.schemeId ? eq(evaluationAdjustments.schemeId, f.schemeId) : undefined,
        f.period ? eq(evaluationAdjustments.period, f.period) : undefined,
        f.unitCode ? eq(evaluationAdjustments.unitCode, f.unitCode) : undefined,
        f.status ? eq(evaluationAdjustments.status, f.status) : undefined,
      ),
    )
    .orderBy(asc(evaluationAdjustments.period), asc(evaluationAdjustments.id))) as AdjustmentEntry[];
}

export async function getEvent(tx: Tx, id: number): Promise<EventEntry | null> {
  const [row] = await tx.select(eventColumns).from(evaluationEvents).where(eq(evaluationEvents.id, id));
  return (row as EventEntry | undefined) ?? null;
}

export async function getAdjustment(tx: Tx, id: number): Promise<AdjustmentEntry | null> {
  const [row] = await tx
    .select(adjustmentColumns)
    .from(evaluationAdjustments)
    .where(eq(evaluationAdjustments.id, id));
  return (row as AdjustmentEntry | undefined) ?? null;
}

export type ReviewChange =
  | { status: 'approved'; by: string; at: Date }
  | { status: 'revoked'; by: string; at: Date; reason: string };

const changeValues = (c: ReviewChange, version: number) =>
  c.status === 'approved'
    ? { status: c.status, approvedBy: c.by, approvedAt: c.at, version: version + 1, updatedAt: c.at }
    : {
        status: c.status,
        revokedBy: c.by,
        revokedAt: c.at,
        revokeReason: c.reason,
        version: version + 1,
        updatedAt: c.at,
      };

/** Moves an entry to the new status, only if it is still at `version` (else null: changed meanwhile). */
export async function changeEventStatus(
  tx: Tx,
  id: number,
  version: number,
  change: ReviewChange,
): Promise<EventEntry | null> {
  const [row] = await tx
    .update(evaluationEvents)
    .set(changeValues(change, version))
    .where(and(eq(evaluationEvents.id, id), eq(evaluationEvents.version, version)))
    .returning(eventColumns);
  return (row as EventEntry | undefined) ?? null;
}

export async function changeAdjustmentStatus(
  tx: Tx,
  id: number,
  version: number,
  change: ReviewChange,
): Promise<AdjustmentEntry | null> {
  const [row] = await tx
    .update(evaluationAdjustments)
    .set(changeValues(change, version))
    .where(and(eq(evaluationAdjustments.id, id), eq(evaluationAdjustments.version, version)))
    .returning(adjustmentColumns);
  return (row as AdjustmentEntry | undefined) ?? null;
}
