// `sibi bulletin`: gathers what a 通报 states — the period's evaluation (the published one if it exists,
// else a fresh run marked 草稿), the region's figures, the red and yellow projects and the ranks of the
// earlier periods of the year — and builds the document model, or the spreadsheet 附件's rows. A
// published period reads all of it from what was stored at publication (bulletin-snapshot.ts), never
// from today's data. Rendering to md/html/docx/xlsx is io's job.

import { getBulletinSnapshot } from '../db/bulletin-snapshots';
import type { Database } from '../db/client';
import { findPublished } from '../db/evaluations';
import { loadRegions } from '../db/lookups';
import { buildCitySummary } from '../domain/bulletin/city';
import type { EvaluationSource } from '../domain/bulletin/inputs';
import type { BulletinDocument } from '../domain/bulletin/model';
import { buildProvinceBulletin } from '../domain/bulletin/province';
import { type BulletinSnapshot, snapshotFromJson, type WarningsSnapshot } from '../domain/bulletin/snapshot';
import { annexNotes, annexRows, type BulletinWarning, warningsAnnexTitle } from '../domain/bulletin/warnings';
import type { Scheme } from '../domain/evaluation/scheme';
import type { EvaluationResult } from '../domain/evaluation/types';
import { type Period, parsePeriod } from '../domain/period';
import { groupLabel, type RegionNode } from '../domain/regions';
import { loadSchemeFile } from '../schemes/load-scheme';
import { takeBulletinSnapshot } from './bulletin-snapshot';
import { requireRegion } from './compute-stats';
import { NotFoundError, UsageError } from './errors';
import { runEvaluation } from './evaluate-period';

export { earlierPeriods, PROGRAMME_982 } from './bulletin-snapshot';
export const DEFAULT_BULLETIN_SCHEME = 'sibisikan-2020';

export interface BulletinRequest {
  period: string;
  /** Built-in scheme id or scheme file; default sibisikan-2020. */
  scheme?: string;
  /** A unit's own summary (e.g. 410300); absent, or the province itself, gives the province's 通报. */
  region?: string;
  /** 模拟数据 mark: true / false, or undefined to detect the demo's marked projects. */
  simulated?: boolean;
  /** 发文机关 of the province bulletin; default "<省名>重点项目建设办公室". */
  issuer?: string;
  /** 成文日期 (YYYY-MM-DD); default the publication date, or today for a draft. */
  date?: string;
  /** The clock for a draft's date (tests fix it). */
  now?: Date;
  /** Refuse a draft: only a published evaluation may be stated (readers other than the province). */
  publishedOnly?: boolean;
  actor: string;
}

export interface BulletinOutcome {
  document: BulletinDocument;
  kind: 'province' | 'city';
  /** The published evaluation used, or null for a draft. */
  evaluationId: number | null;
  simulated: boolean;
  earlier: { period: string; published: boolean }[];
}

export async function composeBulletin(
  database: Database,
  request: BulletinRequest,
): Promise<BulletinOutcome> {
  return bulletinOf(await bulletinSource(database, request, { warnings: !request.region }), request);
}

/** The bulletin and its spreadsheet 附件 from one gathering (a draft is evaluated once, not twice). */
export async function composeBulletinWithAnnex(
  database: Database,
  request: BulletinRequest,
): Promise<{ outcome: BulletinOutcome; annex: WarningsAnnex }> {
  const source = await bulletinSource(database, request, { warnings: true });
  return { outcome: bulletinOf(source, request), annex: annexOf(source) };
}

function bulletinOf(source: BulletinSource, request: BulletinRequest): BulletinOutcome {
  const { period, unit, parent, evaluation, snapshot, simulated, date } = source;
  const figures = snapshot.figures[unit.code];
  const summary = {
    earlier: snapshot.earlier.map((e) => ({ period: e.period.id, published: e.published })),
    simulated,
  };

  if (!parent) {
    const document = buildProvinceBulletin({
      province: { code: unit.code, name: unit.name },
      period,
      evaluation,
      figures: figures!,
      earlier: snapshot.earlier,
      issuer: request.issuer ?? `${unit.name}重点项目建设办公室`,
      date,
      simulated,
      ...(snapshot.warnings ? { warnings: snapshot.warnings } : {}),
    });
    return { document, kind: 'province', evaluationId: publishedId(evaluation), ...summary };
  }
  if (!figures || !evaluation.result.units.some((u) => u.code === unit.code)) {
    throw new NotFoundError(
      `${unit.name}（${unit.code}）不在「${evaluation.scheme.name}」${period.id} 的考评结果中：该方案只对${evaluation.result.options.groups.map(groupLabel).join('、')}排名`,
    );
  }
  const document = buildCitySummary({
    unit: { code: unit.code, name: unit.name },
    parent: { code: parent.code, name: parent.name, kind: parent.kind },
    period,
    evaluation,
    figures,
    earlier: snapshot.earlier,
    date,
    simulated,
  });
  return { document, kind: 'city', evaluationId: publishedId(evaluation), ...summary };
}

export interface WarningsAnnex {
  /** "2020年9月重点项目红黄灯预警名单" (and the unit's name when one unit's rows were asked for). */
  title: string;
  period: Period;
  /** The province's units in order, for the counts sheet. */
  units: WarningsSnapshot['units'];
  rows: BulletinWarning[];
  /** Lines under the title: the basis (published result or draft) and the 模拟数据 note. */
  notes: string[];
  evaluationId: number | null;
  simulated: boolean;
}

/**
 * The 通报's spreadsheet 附件: every red and yellow project of the province (or, with `region`, of that
 * unit), from the published evaluation's stored data, or from current data for a draft.
 */
export async function composeWarningsAnnex(
  database: Database,
  request: BulletinRequest,
): Promise<WarningsAnnex> {
  return annexOf(await bulletinSource(database, request, { warnings: true }));
}

function annexOf(source: BulletinSource): WarningsAnnex {
  const { period, unit, parent, snapshot, evaluation } = source;
  if (!snapshot.warnings) {
    throw new NotFoundError(`红黄灯预警名单随全省通报发出：${unit.name}（${unit.code}）不是省辖单位`);
  }
  const units = parent
    ? snapshot.warnings.units.filter((u) => u.code === unit.code)
    : snapshot.warnings.units;
  return {
    title: `${parent ? unit.name : ''}${warningsAnnexTitle(period)}`,
    period,
    units,
    rows: annexRows(snapshot.warnings, parent ? unit.code : undefined),
    notes: annexNotes(evaluation.status, source.simulated),
    evaluationId: publishedId(evaluation),
    simulated: source.simulated,
  };
}

function publishedId(source: EvaluationSource): number | null {
  return source.status.kind === 'published' ? source.status.id : null;
}

interface BulletinSource {
  period: Period;
  /** The region the document is about (the province, or a unit for its own summary). */
  unit: RegionNode;
  /** The region whose units are ranked, when the document is a unit's summary. */
  parent: RegionNode | null;
  evaluation: EvaluationSource;
  snapshot: BulletinSnapshot;
  simulated: boolean;
  /** 成文日期 (ISO). */
  date: string;
}

/**
 * The evaluation and the figures a bulletin states: for a published period, the published evaluation
 * and the bulletin data stored with it (today's data only for an evaluation published before they
 * were stored, which the document says); otherwise a fresh run on today's data, marked 草稿.
 */
async function bulletinSource(
  database: Database,
  request: BulletinRequest,
  opts: { warnings: boolean },
): Promise<BulletinSource> {
  const period = parsePeriod(request.period);
  if (request.date !== undefined && !isIsoDate(request.date)) {
    throw new UsageError(`成文日期应为 YYYY-MM-DD 格式的日期：${request.date}`);
  }
  const scheme = request.scheme ?? DEFAULT_BULLETIN_SCHEME;
  const regions = await loadRegions(database.db);
  const province = regions.find((r) => r.kind === 'province') ?? null;
  if (!province) throw new NotFoundError('没有省级地区：请先导入地区');
  const unit = request.region ? requireRegion(regions, request.region) : province;
  const parent = unit.parentCode ? requireRegion(regions, unit.parentCode) : null;
  // The province's bulletin ranks the province's units; a unit's summary reads its place among its parent's.
  const ranked = parent ?? unit;
  const schemeId = (await loadSchemeFile(scheme)).scheme.id;
  const rankEarlier = async (p: Period) =>
    (await runEvaluation(database, { scheme, period: p.id, region: ranked.code, actor: request.actor }))
      .result;
  const take = (id: string) =>
    takeBulletinSnapshot(database, {
      parent: ranked,
      period,
      schemeId: id,
      rankEarlier,
      simulated: request.simulated,
      warnings: opts.warnings,
    });

  let evaluation: EvaluationSource;
  let snapshot: BulletinSnapshot;
  const stored = await findPublished(database.db, schemeId, ranked.code, period.id);
  if (stored) {
    const raw = await getBulletinSnapshot(database.db, stored.id);
    snapshot = raw === null ? await take(schemeId) : snapshotFromJson(raw);
    evaluation = {
      result: stored.result as EvaluationResult,
      scheme: stored.scheme as Scheme,
      status: {
        kind: 'published',
        id: stored.id,
        publishedAt: shanghaiDate(stored.publishedAt ?? stored.createdAt),
        hash: stored.contentHash,
        figures: raw === null ? 'current' : 'stored',
      },
    };
  } else {
    if (request.publishedOnly) throw new NotFoundError(`${ranked.name} ${period.id} 的考评结果尚未发布`);
    const run = await runEvaluation(database, {
      scheme,
      period: period.id,
      region: ranked.code,
      actor: request.actor,
    });
    snapshot = await take(run.snapshot.scheme.id);
    evaluation = { result: run.result, scheme: run.snapshot.scheme, status: { kind: 'draft' } };
  }
  const now = request.now ?? new Date();
  const date =
    request.date ??
    (evaluation.status.kind === 'published' ? evaluation.status.publishedAt : shanghaiDate(now));
  return {
    period,
    unit,
    parent,
    evaluation,
    snapshot,
    simulated: request.simulated ?? snapshot.simulated,
    date,
  };
}

/** The calendar date in China (UTC+8) as YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.toISOString().slice(0, 10) === text;
}
