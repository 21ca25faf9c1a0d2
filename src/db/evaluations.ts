// Stored evaluations, their revocations, and the counted events and manual adjustments that feed
// them. A published row is final (migration 0010): revoking it inserts an evaluation_revocations row,
// and publishing the same scheme, region and period again inserts the next edition.
import { and, desc, eq, getTableColumns, isNull, max, sql } from 'drizzle-orm';
import { jsonParam, queryRows, type Tx } from './query';
import { evaluationRevocations, evaluations } from './schema';

export interface Revocation {
  reason: string;
  revokedBy: string;
  revokedAt: Date;
}

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
  edition: number;
  /** The publish gate's report and any override (PublishGateRecord), null before migration 0010. */
  publishGate: unknown;
  /** Null while the result stands. */
  revocation: Revocation | null;
}

export type NewEvaluation = Omit<
  StoredEvaluation,
  'id' | 'createdAt' | 'publishedAt' | 'publishedBy' | 'state' | 'edition' | 'revocation'
> & {
  provinceCode: string;
  state: 'draft' | 'published';
  publishedBy?: string | null;
};

const revocationColumns = {
  revocationReason: evaluationRevocations.reason,
  revokedBy: evaluationRevocations.revokedBy,
  revokedAt: evaluationRevocations.revokedAt,
};

function withRevocation<
  T extends { revocationReason: string | null; revokedBy: string | null; revokedAt: Date | null },
>(row: T): Omit<T, 'revocationReason' | 'revokedBy' | 'revokedAt'> & { revocation: Revocation | null } {
  const { revocationReason, revokedBy, revokedAt, ...rest } = row;
  return {
    ...rest,
    revocation:
      revocationReason !== null && revokedBy !== null && revokedAt !== null
        ? { reason: revocationReason, revokedBy, revokedAt }
        : null,
  };
}

/**
 * The new row's id, or null when the publication was taken: a current (unrevoked) published
 * evaluation of the same scheme, region and period exists, or a concurrent publisher inserted the
 * same edition first. A published row is the next edition after the revoked ones.
 */
export async function insertEvaluation(tx: Tx, row: NewEvaluation): Promise<number | null> {
  let edition = 1;
  if (row.state === 'published') {
    const scope = and(
      eq(evaluations.schemeId, row.schemeId),
      eq(evaluations.parentCode, row.parentCode),
      eq(evaluations.period, row.period),
      eq(evaluations.state, 'published'),
    );
    // One statement, so one snapshot: read apart, a publication committed between the two reads made
    // the standing one look absent and the next edition look due (the edition trigger refused it: 500).
    const [state] = await tx
      .select({
        last: max(evaluations.edition),
        standing: sql<boolean>`coalesce(bool_or(${evaluationRevocations.id} is null), false)`,
      })
      .from(evaluations)
      .leftJoin(evaluationRevocations, eq(evaluationRevocations.evaluationId, evaluations.id))
      .where(scope);
    if (state?.standing) return null;
    edition = (state?.last ?? 0) + 1;
  }
  const [inserted] = await tx
    .insert(evaluations)
    .values({
      ...row,
      edition,
      publishedBy: row.publishedBy ?? null,
      publishedAt: row.state === 'published' ? new Date() : null,
    })
    .onConflictDoNothing()
    .returning({ id: evaluations.id });
  return inserted?.id ?? null;
}

/** Records the revocation of a published evaluation; false when it was revoked already. */
export async function insertRevocation(
  tx: Tx,
  row: { evaluationId: number; reason: string; revokedBy: string; revokedAt: Date },
): Promise<boolean> {
  const inserted = await tx
    .insert(evaluationRevocations)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: evaluationRevocations.id });
  return inserted.length > 0;
}

/** The published evaluation of a scheme, region and period that stands (not revoked), if any. */
export async function findPublished(
  db: Tx,
  schemeId: string,
  parentCode: string,
  period: string,
): Promise<StoredEvaluation | null> {
  const rows = await db
    .select({ ...getTableColumns(evaluations), ...revocationColumns })
    .from(evaluations)
    .leftJoin(evaluationRevocations, eq(evaluationRevocations.evaluationId, evaluations.id))
    .where(
      and(
        eq(evaluations.schemeId, schemeId),
        eq(evaluations.parentCode, parentCode),
        eq(evaluations.period, period),
        eq(evaluations.state, 'published'),
        isNull(evaluationRevocations.id),
      ),
    )
    .limit(1);
  return rows[0] ? (withRevocation(rows[0]) as StoredEvaluation) : null;
}

/** Any stored evaluation, revoked or not (the revocation is on it). */
export async function getEvaluation(db: Tx, id: number): Promise<StoredEvaluation | null> {
  const rows = await db
    .select({ ...getTableColumns(evaluations), ...revocationColumns })
    .from(evaluations)
    .leftJoin(evaluationRevocations, eq(evaluationRevocations.evaluationId, evaluations.id))
    .where(eq(evaluations.id, id))
    .limit(1);
  return rows[0] ? (withRevocation(rows[0]) as StoredEvaluation) : null;
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
  edition: number;
  revocation: Revocation | null;
}

/**
 * Published evaluations of a province, newest period first, without their (large) JSON columns:
 * the standing ones, and with `includeRevoked` the revoked ones too (marked).
 */
export async function listPublishedSummaries(
  db: Tx,
  filter: {
    provinceCode: string;
    parentCode?: string;
    schemeId?: string;
    period?: string;
    includeRevoked?: boolean;
  },
): Promise<PublishedSummary[]> {
  const rows = await db
    .select({
      id: evaluations.id,
      schemeId: evaluations.schemeId,
      schemeVersion: evaluations.schemeVersion,
      period: evaluations.period,
      parentCode: evaluations.parentCode,
      contentHash: evaluations.contentHash,
      publishedBy: evaluations.publishedBy,
      publishedAt: evaluations.publishedAt,
      edition: evaluations.edition,
      ...revocationColumns,
    })
    .from(evaluations)
    .leftJoin(evaluationRevocations, eq(evaluationRevocations.evaluationId, evaluations.id))
    .where(
      and(
        eq(evaluations.provinceCode, filter.provinceCode),
        eq(evaluations.state, 'published'),
        filter.parentCode ? eq(evaluations.parentCode, filter.parentCode) : undefined,
        filter.schemeId ? eq(evaluations.schemeId, filter.schemeId) : undefined,
        filter.period ? eq(evaluations.period, filter.period) : undefined,
        filter.includeRevoked ? undefined : isNull(evaluationRevocations.id),
      ),
    )
    .orderBy(desc(evaluations.period), desc(evaluations.id));
  return rows.map(withRevocation);
}

export interface EventRow {
  unit: string;
  item: string;
  count: number;
  note: string | null;
}

/** Approved counted events dated within the period, summed per unit and item; note = reasons and evidence. */
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
        select m.unit, e.item, sum(e.count)::int as count,
          string_agg(nullif(concat_ws('，依据：', e.reason, e.note), ''), '；' order by e.event_date, e.id) as note
        from evaluation_events e join m on m.region = e.region_code
        where e.province_code = ${provinceCode} and e.event_date between ${start}::date and ${end}::date
          and e.status = 'approved'
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
  approvedBy: string | null;
}

/** Manual adjustments of one evaluation scope that count: approved and not revoked (migration 0013). */
export async function queryAdjustments(
  db: Tx,
  schemeId: string,
  parentCode: string,
  period: string,
): Promise<AdjustmentRow[]> {
  return queryRows<AdjustmentRow>(
    db,
    sql`select unit_code as unit, kind, item, points::text as points, reason, author, approved_by as "approvedBy"
        from evaluation_adjustments
        where scheme_id = ${schemeId} and parent_code = ${parentCode} and period = ${period} and status = 'approved'
        order by unit_code, id`,
  );
}
