// Units' self-scores (自评分, migration 0014): one row per scheme × parent region × period × unit ×
// indicator ('' = the total), revised in place (version + 1) until the result is published; while a
// publication stands, a trigger refuses any change.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from './query';
import { evaluationSelfScores } from './schema';

export interface SelfScoreEntry {
  id: number;
  schemeId: string;
  parentCode: string;
  period: string;
  unitCode: string;
  /** '' for the total. */
  indicator: string;
  /** numeric(8,2) as text: exact. */
  points: string;
  note: string | null;
  reportedBy: string;
  reportedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const columns = {
  id: evaluationSelfScores.id,
  schemeId: evaluationSelfScores.schemeId,
  parentCode: evaluationSelfScores.parentCode,
  period: evaluationSelfScores.period,
  unitCode: evaluationSelfScores.unitCode,
  indicator: evaluationSelfScores.indicator,
  points: evaluationSelfScores.points,
  note: evaluationSelfScores.note,
  reportedBy: evaluationSelfScores.reportedBy,
  reportedAt: evaluationSelfScores.reportedAt,
  createdAt: evaluationSelfScores.createdAt,
  updatedAt: evaluationSelfScores.updatedAt,
  version: evaluationSelfScores.version,
};

export type NewSelfScore = Pick<
  SelfScoreEntry,
  | 'schemeId'
  | 'parentCode'
  | 'period'
  | 'unitCode'
  | 'indicator'
  | 'points'
  | 'note'
  | 'reportedBy'
  | 'reportedAt'
>;

type Key = Pick<SelfScoreEntry, 'schemeId' | 'parentCode' | 'period' | 'unitCode' | 'indicator'>;

const keyOf = (k: Key) =>
  and(
    eq(evaluationSelfScores.schemeId, k.schemeId),
    eq(evaluationSelfScores.parentCode, k.parentCode),
    eq(evaluationSelfScores.period, k.period),
    eq(evaluationSelfScores.unitCode, k.unitCode),
    eq(evaluationSelfScores.indicator, k.indicator),
  );

export async function getSelfScore(tx: Tx, key: Key): Promise<SelfScoreEntry | null> {
  const [row] = await tx.select(columns).from(evaluationSelfScores).where(keyOf(key));
  return (row as SelfScoreEntry | undefined) ?? null;
}

/** Stores the self-score, or revises the one already reported for the same key (version + 1). */
export async function upsertSelfScore(tx: Tx, row: NewSelfScore): Promise<SelfScoreEntry> {
  const [out] = await tx
    .insert(evaluationSelfScores)
    .values({ ...row, updatedAt: row.reportedAt })
    .onConflictDoUpdate({
      target: [
        evaluationSelfScores.schemeId,
        evaluationSelfScores.parentCode,
        evaluationSelfScores.period,
        evaluationSelfScores.unitCode,
        evaluationSelfScores.indicator,
      ],
      set: {
        points: row.points,
        note: row.note,
        reportedBy: row.reportedBy,
        reportedAt: row.reportedAt,
        updatedAt: row.reportedAt,
        version: sql`${evaluationSelfScores.version} + 1`,
      },
    })
    .returning(columns);
  return out as SelfScoreEntry;
}

export interface SelfScoreFilter {
  /** Self-scores of evaluations within this province (parent codes sharing its two leading digits). */
  provinceCode: string;
  schemeId?: string;
  parentCode?: string;
  period?: string;
  unitCode?: string;
  /** Only these units (the caller's scope); absent = every unit of the province. */
  unitCodes?: readonly string[];
}

export async function listSelfScores(tx: Tx, f: SelfScoreFilter): Promise<SelfScoreEntry[]> {
  if (f.unitCodes && f.unitCodes.length === 0) return [];
  const where: (SQL | undefined)[] = [
    sql`left(${evaluationSelfScores.parentCode}, 2) = ${f.provinceCode.slice(0, 2)}`,
    f.schemeId ? eq(evaluationSelfScores.schemeId, f.schemeId) : undefined,
    f.parentCode ? eq(evaluationSelfScores.parentCode, f.parentCode) : undefined,
    f.period ? eq(evaluationSelfScores.period, f.period) : undefined,
    f.unitCode ? eq(evaluationSelfScores.unitCode, f.unitCode) : undefined,
    f.unitCodes ? inArray(evaluationSelfScores.unitCode, [...f.unitCodes]) : undefined,
  ];
  return (await tx
    .select(columns)
    .from(evaluationSelfScores)
    .where(and(...where))
    .orderBy(
      asc(evaluationSelfScores.period),
      asc(evaluationSelfScores.unitCode),
      asc(evaluationSelfScores.indicator),
    )) as SelfScoreEntry[];
}
