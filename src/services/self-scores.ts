// Units' self-scores (自评分): a unit's own officer reports what the unit scored, in total or per
// indicator, for a scheme that declares `self_score`; revisable until the result of that scheme,
// region and period is published, then frozen (here, and by a trigger in the database). Every row
// checked, nothing written on any problem, every report audited. The evaluation lists them beside
// the verified score (domain/evaluation/self-scores.ts).
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import { findPublished } from '../db/evaluations';
import { getSelfScore, listSelfScores, type SelfScoreEntry, upsertSelfScore } from '../db/self-scores';
import { checkSchemeYear, type Scheme } from '../domain/evaluation/scheme';
import { parseSelfScore, type SelfScore, type SelfScoreInput } from '../domain/evaluation/self-scores';
import { PeriodError, parsePeriod } from '../domain/period';
import { BUILTIN_SCHEMES, loadSchemeFile } from '../schemes/load-scheme';
import type { AuditContext } from './context';
import { ConflictError } from './errors';
import { checkScheme, checkUnit, type EntryRows, problemsOf, reject } from './evaluation-entries-add';
import { regionTree } from './region-tree';

export type { SelfScoreEntry } from '../db/self-scores';

const COLUMN = {
  scheme: '考评方案',
  period: '考评期',
  region: '地区代码',
  indicator: '指标',
  points: '自评分',
  note: '说明',
};

/** What a row names as the total rather than an indicator. */
const TOTAL = new Set(['', '总分', 'total', '合计']);

/** The indicator id a row names ('' for the total), or why it is refused. */
function indicatorOf(scheme: Scheme, named: string | null): { id: string; max: number } | string {
  const bonusCap = scheme.bonus?.cap ?? 0;
  const t = (named ?? '').trim();
  if (TOTAL.has(t)) return { id: '', max: scheme.total + bonusCap };
  const all = scheme.dimensions.flatMap((d) => d.indicators);
  const found = all.find((i) => i.id === t || i.name === t);
  if (!found)
    return `指标 "${t}" 不在方案《${scheme.name}》中（可用：总分、${all.map((i) => i.name).join('、')}）`;
  if (!scheme.self_score?.indicators) return `方案《${scheme.name}》只自评总分，不分指标自评`;
  return { id: found.id, max: found.points };
}

function isFrozenError(e: unknown): boolean {
  const x = e as { code?: string; cause?: { code?: string } } | null;
  return x?.code === '42501' || x?.cause?.code === '42501';
}

/** Checks every row (nothing written on any problem) and stores or revises each self-score. */
export async function reportSelfScores(
  database: Database,
  request: EntryRows<SelfScoreInput> & { allowSchemeFiles?: boolean },
  ctx: AuditContext,
): Promise<SelfScoreEntry[]> {
  const regions = new Map((await regionTree(database)).map((r) => [r.code, r]));
  const schemes = new Map<string, Scheme | string>();
  const published = new Map<string, number | null>();
  const { problems, add } = problemsOf(request.file, request.problems);
  const rows: Parameters<typeof upsertSelfScore>[1][] = [];
  const seen = new Set<string>();
  for (const { row, record } of request.rows) {
    const schemeId = record.scheme.trim();
    let scheme = await checkScheme(schemeId, request.allowSchemeFiles, schemes);
    if (typeof scheme !== 'string' && !scheme.self_score)
      scheme = `方案《${scheme.name}》不设自评分，不接受自评`;
    if (typeof scheme === 'string') add(row, COLUMN.scheme, schemeId, scheme);
    let period: string | null = null;
    try {
      const p = parsePeriod(record.period.trim());
      period = p.id;
      const outside = typeof scheme !== 'string' ? checkSchemeYear(scheme, p.year) : null;
      if (outside) add(row, COLUMN.period, record.period, outside.message);
    } catch (e) {
      if (!(e instanceof PeriodError)) throw e;
      add(row, COLUMN.period, record.period, `考评期应为 2020、2020Q3 或 2020-09：${e.message}`);
    }
    const unit = checkUnit(regions, record.unitCode, request);
    if (unit) add(row, COLUMN.region, record.unitCode, unit);
    const indicator = typeof scheme !== 'string' ? indicatorOf(scheme, record.indicator) : null;
    if (typeof indicator === 'string') add(row, COLUMN.indicator, record.indicator, indicator);
    const points =
      indicator && typeof indicator !== 'string' ? parseSelfScore(record.points, indicator.max) : null;
    if (points && !points.ok) add(row, COLUMN.points, record.points, points.reason);
    if ((record.note ?? '').length > 500) add(row, COLUMN.note, record.note, '说明不超过 500 字');
    const parent = regions.get(record.unitCode)?.parentCode;
    if (
      typeof scheme === 'string' ||
      !period ||
      unit ||
      !parent ||
      !indicator ||
      typeof indicator === 'string'
    )
      continue;
    const scope = `${scheme.id}|${parent}|${period}`;
    if (!published.has(scope))
      published.set(scope, (await findPublished(database.db, scheme.id, parent, period))?.edition ?? null);
    const edition = published.get(scope);
    if (edition)
      add(
        row,
        COLUMN.period,
        period,
        `${period} 的考评结果已发布（第 ${edition} 版），自评分已冻结，不可再报或修改`,
      );
    const key = `${scope}|${record.unitCode}|${indicator.id}`;
    if (seen.has(key)) add(row, COLUMN.indicator, record.indicator, '同一单位、同一指标重复填报');
    seen.add(key);
    if (points?.ok && !edition)
      rows.push({
        schemeId: scheme.id,
        parentCode: parent,
        period,
        unitCode: record.unitCode,
        indicator: indicator.id,
        points: points.points,
        note: record.note?.trim() || null,
        reportedBy: ctx.actor,
        reportedAt: ctx.now,
      });
  }
  if (request.rows.length === 0 && problems.length === 0) add(null, COLUMN.points, null, '没有自评分');
  if (problems.length > 0) reject(request.file, problems);
  try {
    return await database.db.transaction(async (tx) => {
      const out: SelfScoreEntry[] = [];
      for (const r of rows) {
        const before = await getSelfScore(tx, r);
        const after = await upsertSelfScore(tx, r);
        await writeAudit(tx, {
          actor: ctx.actor,
          ip: ctx.ip,
          action: 'evaluation.self_score.report',
          targetType: 'evaluation_self_score',
          targetId: String(after.id),
          outcome: 'ok',
          before: before ? presentSelfScore(before) : null,
          after: presentSelfScore(after),
          details: request.file === '（录入）' ? null : { file: request.file },
        });
        out.push(after);
      }
      return out;
    });
  } catch (e) {
    // Published between the check above and the write: the database's trigger refused it.
    if (isFrozenError(e)) throw new ConflictError('考评结果已发布，自评分已冻结，不可再报或修改');
    throw e;
  }
}

export interface SelfScoreQuery {
  provinceCode: string;
  scheme?: string;
  period?: string;
  unitCode?: string;
  /** Only these units (a city or county officer's scope); absent = the whole province. */
  unitCodes?: readonly string[];
}

export function listSelfScoreEntries(database: Database, q: SelfScoreQuery): Promise<SelfScoreEntry[]> {
  return listSelfScores(database.db, {
    provinceCode: q.provinceCode,
    schemeId: q.scheme,
    period: q.period,
    unitCode: q.unitCode,
    unitCodes: q.unitCodes,
  });
}

/** The self-scores an evaluation of this scope lists (engine input; empty when none were reported). */
export async function selfScoresOf(
  database: Database,
  scheme: Scheme,
  parentCode: string,
  period: string,
): Promise<SelfScore[]> {
  if (!scheme.self_score) return [];
  const rows = await listSelfScores(database.db, {
    provinceCode: parentCode,
    schemeId: scheme.id,
    parentCode,
    period,
  });
  return rows.map((r) => ({
    unit: r.unitCode,
    ...(r.indicator ? { indicator: r.indicator } : {}),
    points: Number(r.points),
    reportedBy: r.reportedBy,
  }));
}

/** A self-score as JSON (API, CLI --json, audit); points as exact decimal text ("85.50"). */
export function presentSelfScore(s: SelfScoreEntry) {
  return {
    id: s.id,
    scheme: s.schemeId,
    parentCode: s.parentCode,
    period: s.period,
    unitCode: s.unitCode,
    indicator: s.indicator || null,
    points: s.points,
    note: s.note,
    reportedBy: s.reportedBy,
    reportedAt: s.reportedAt.toISOString(),
    version: s.version,
  };
}

/** The built-in schemes that take self-scores: what a unit may report (total up to, each indicator's points). */
export async function selfScoreChoices() {
  const schemes = await Promise.all(BUILTIN_SCHEMES.map(async (id) => (await loadSchemeFile(id)).scheme));
  return {
    schemes: schemes
      .filter((s) => s.self_score)
      .map((s) => ({
        id: s.id,
        name: s.name,
        required: s.self_score!.required,
        total: s.total + (s.bonus?.cap ?? 0),
        indicators: s.self_score!.indicators
          ? s.dimensions.flatMap((d) =>
              d.indicators.map((i) => ({ id: i.id, name: i.name, points: i.points })),
            )
          : [],
      })),
  };
}
