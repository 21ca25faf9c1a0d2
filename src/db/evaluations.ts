// Stored evaluations, and the counted events and manual adjustments that feed them.
import { and, desc, eq, sql } from 'drizzle-orm';
import { jsonParam, queryRows, type Tx } from './query';
import { evaluations } from './schema';

export interface StoredEvaluation {
  id: number;
  schemeId: string;
  schemeVersion: string;
  period: string;
  parentCode: string;
  state: string;
  scheme: unknown;
  inputs: unknown;
  options: unknown;
  result: unknown;
  contentHash: string;
  createdBy: string;
  publishedBy: string | null;
  publishedAt: Date | null;
  createdAt: Date;
}

export type NewEvaluation = Omit<
  StoredEvaluation,
  'id' | 'createdAt' | 'publishedAt' | 'publishedBy' | 'state'
> & {
  provinceCode: string;
  state: 'draft' | 'published';
  publishedBy?: string | null;
};

/** The new row's id, or null when a published evaluation of the same scheme, region and period exists. */
export async function insertEvaluation(tx: Tx, row: NewEvaluation): Promise<number | null> {
  const [inserted] = await tx
    .insert(evaluations)
    .values({
      ...row,
      publishedBy: row.publishedBy ?? null,
      publishedAt: row.state === 'published' ? new Date() : null,
    })
    .onConflictDoNothing()
    .returning({ id: evaluations.id });
  return inserted?.id ?? null;
}

export async function findPublished(
  db: Tx,
  schemeId: string,
  parentCode: string,
  period: string,
): Promise<StoredEvaluation | null> {
  const rows = await db
    .select()
    .from(evaluations)
    .where(
      and(
        eq(evaluations.schemeId, schemeId),
        eq(evaluations.parentCode, parentCode),
        eq(evaluations.period, period),
        eq(evaluations.state, 'published'),
      ),
    )
    .limit(1);
  return (rows[0] as StoredEvaluation | undefined) ?? null;
}

export async function getEvaluation(db: Tx, id: number): Promise<StoredEvaluation | null> {
  const rows = await db.select().from(evaluations).where(eq(evaluations.id, id)).limit(1);
  return (rows[0] as StoredEvaluation | undefined) ?? null;
}

export async function listPublished(
  db: Tx,
  parentCode: string,
  schemeId?: string,
): Promise<StoredEvaluation[]> {
  const rows = await db
    .select()
    .from(evaluations)
    .where(
      and(
        eq(evaluations.parentCode, parentCode),
        eq(evaluations.state, 'published'),
        schemeId ? eq(evaluations.schemeId, schemeId) : undefined,
      ),
    )
    .orderBy(desc(evaluations.period));
  return rows as StoredEvaluation[];
}

export interface PublishedSummary {
  id: number;
  schemeId: string;
  schemeVersion: string;
  period: string;
  parentCode: string;
  contentHash: string;
  publishedBy: string | null;
  publishedAt: Date | null;
}

/** Published evaluations of a province, newest period first, without their (large) JSON columns. */
export async function listPublishedSummaries(
  db: Tx,
  filter: { provinceCode: string; parentCode?: string; schemeId?: string; period?: string },
): Promise<PublishedSummary[]> {
  return db
    .select({
      id: evaluations.id,
      schemeId: evaluations.schemeId,
      schemeVersion: evaluations.schemeVersion,
      period: evaluations.period,
      parentCode: evaluations.parentCode,
      contentHash: evaluations.contentHash,
      publishedBy: evaluations.publishedBy,
      publishedAt: evaluations.publishedAt,
    })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.provinceCode, filter.provinceCode),
        eq(evaluations.state, 'published'),
        filter.parentCode ? eq(evaluations.parentCode, filter.parentCode) : undefined,
        filter.schemeId ? eq(evaluations.schemeId, filter.schemeId) : undefined,
        filter.period ? eq(evaluations.period, filter.period) : undefined,
      ),
    )
    .orderBy(desc(evaluations.period), desc(evaluations.id));
}

export interface EventRow {
  unit: string;
  item: string;
  count: number;
  note: string | null;
}

/** Counted events dated within the period, summed per unit and item. */
export async function queryEvents(
  db: Tx,
  provinceCode: string,
  unitOf: ReadonlyMap<string, string>,
  start: string,
  end: string,
): Promise<EventRow[]> {
  return queryRows<EventRow>(
    db,
    sql`with m as (select key as region, value as unit from jsonb_each_text(${jsonParam(Object.fromEntries(unitOf))}::jsonb))
        select m.unit, e.item, sum(e.count)::int as count, string_agg(e.note, '；' order by e.event_date, e.id) as note
        from evaluation_events e join m on m.region = e.region_code
        where e.province_code = ${provinceCode} and e.event_date between ${start}::date and ${end}::date
        group by m.unit, e.item order by m.unit, e.item`,
  );
}

export interface AdjustmentRow {
  unit: string;
  kind: 'bonus' | 'penalty';
  item: string | null;
  points: string;
  reason: string;
  author: string;
}

export async function queryAdjustments(
  db: Tx,
  schemeId: string,
  parentCode: string,
  period: string,
): Promise<AdjustmentRow[]> {
  return queryRows<AdjustmentRow>(
    db,
    sql`select unit_code as unit, kind, item, points::text as points, reason, author
        from evaluation_adjustments
        where scheme_id = ${schemeId} and parent_code = ${parentCode} and period = ${period}
        order by unit_code, id`,
  );
}
