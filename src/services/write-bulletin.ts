// `sibi bulletin`: gathers what a 通报 states — the period's evaluation (the published one if it exists,
// else a fresh run marked 草稿), the region's figures, and the ranks of the earlier periods of the year
// for streaks — and builds the document model. Rendering to md/html/docx is io's job.
import type { Database } from '../db/client';
import { findPublished, getEvaluation } from '../db/evaluations';
import { loadRegions } from '../db/lookups';
import { hasSimulatedProjects } from '../db/simulated-data';
import { buildCitySummary } from '../domain/bulletin/city';
import type { EarlierRanks, EvaluationSource, RegionFigures } from '../domain/bulletin/inputs';
import type { BulletinDocument } from '../domain/bulletin/model';
import { buildProvinceBulletin } from '../domain/bulletin/province';
import type { Scheme } from '../domain/evaluation/scheme';
import type { EvaluationResult } from '../domain/evaluation/types';
import { type Period, parsePeriod } from '../domain/period';
import { provinceOf, type RegionNode } from '../domain/regions';
import { loadSchemeFile } from '../schemes/load-scheme';
import { computeAlerts } from './compute-alerts';
import { computeStats, DEFAULT_LISTS, requireRegion } from './compute-stats';
import { NotFoundError, UsageError } from './errors';
import { runEvaluation } from './evaluate-period';

export const DEFAULT_BULLETIN_SCHEME = 'sibisikan-2020';
export const PROGRAMME_982 = '982';

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
  const simulated = request.simulated ?? (await hasSimulatedProjects(database.db, provinceOf(unit.code)));
  const now = request.now ?? new Date();

  // The province's bulletin ranks the province's units; a unit's summary reads its place among its parent's.
  const ranked = parent ?? unit;
  const evaluation = await currentEvaluation(database, scheme, ranked, period, request.actor);
  if (request.publishedOnly && evaluation.status.kind !== 'published') {
    throw new NotFoundError(`${ranked.name} ${period.id} 的考评结果尚未发布`);
  }
  const earlier = await earlierRanks(database, scheme, ranked, period, request.actor);
  const figures = await regionFigures(database, unit.code, period);
  const date =
    request.date ??
    (evaluation.status.kind === 'published' ? evaluation.status.publishedAt : shanghaiDate(now));
  const summary = {
    earlier: earlier.map((e) => ({ period: e.period.id, published: e.published })),
    simulated,
  };

  if (!parent) {
    const alerts = await computeAlerts(database, { region: unit.code, period: period.id });
    const warnings = alerts.projects.map((p) => ({ ...p, regionName: p.region.name }));
    const document = buildProvinceBulletin({
      province: { code: unit.code, name: unit.name },
      period,
      evaluation,
      figures,
      earlier,
      issuer: request.issuer ?? `${unit.name}重点项目建设办公室`,
      date,
      simulated,
      warnings,
    });
    return { document, kind: 'province', evaluationId: publishedId(evaluation), ...summary };
  }
  if (!evaluation.result.units.some((u) => u.code === unit.code)) {
    throw new NotFoundError(
      `${unit.name}（${unit.code}）不在「${evaluation.scheme.name}」${period.id} 的考评结果中：该方案只对 ${evaluation.result.options.groups.join('、')} 分组排名`,
    );
  }
  const document = buildCitySummary({
    unit: { code: unit.code, name: unit.name },
    parent: { code: parent.code, name: parent.name, kind: parent.kind },
    period,
    evaluation,
    figures,
    earlier,
    date,
    simulated,
  });
  return { document, kind: 'city', evaluationId: publishedId(evaluation), ...summary };
}

function publishedId(source: EvaluationSource): number | null {
  return source.status.kind === 'published' ? source.status.id : null;
}

/** The published evaluation of the period if there is one (and whether current data differ), else a fresh run. */
async function currentEvaluation(
  database: Database,
  scheme: string,
  parent: RegionNode,
  period: Period,
  actor: string,
): Promise<EvaluationSource> {
  const run = await runEvaluation(database, { scheme, period: period.id, region: parent.code, actor });
  if (run.published) {
    const stored = await getEvaluation(database.db, run.published.id);
    if (stored) {
      return {
        result: stored.result as EvaluationResult,
        scheme: stored.scheme as Scheme,
        status: {
          kind: 'published',
          id: stored.id,
          publishedAt: shanghaiDate(stored.publishedAt ?? stored.createdAt),
          hash: stored.contentHash,
          changedSince: !run.published.identical,
        },
      };
    }
  }
  return { result: run.result, scheme: run.snapshot.scheme, status: { kind: 'draft' } };
}

/** Earlier periods of the same year: the quarters before a quarter, the month before a month; none for a year. */
export function earlierPeriods(period: Period): Period[] {
  if (period.kind === 'quarter') {
    const q = period.month / 3;
    return Array.from({ length: q - 1 }, (_, i) => parsePeriod(`${period.year}Q${i + 1}`));
  }
  if (period.kind === 'month' && period.month > 1) {
    return [parsePeriod(`${period.year}-${String(period.month - 1).padStart(2, '0')}`)];
  }
  return [];
}

async function earlierRanks(
  database: Database,
  scheme: string,
  parent: RegionNode,
  period: Period,
  actor: string,
): Promise<EarlierRanks[]> {
  const periods = earlierPeriods(period);
  if (periods.length === 0) return [];
  const schemeId = (await loadSchemeFile(scheme)).scheme.id;
  const out: EarlierRanks[] = [];
  for (const p of periods) {
    const stored = await findPublished(database.db, schemeId, parent.code, p.id);
    const result = stored
      ? (stored.result as EvaluationResult)
      : (await runEvaluation(database, { scheme, period: p.id, region: parent.code, actor })).result;
    out.push({
      period: p,
      ranks: Object.fromEntries(result.units.map((u) => [u.code, u.rank])),
      published: stored !== null,
    });
  }
  return out;
}

async function regionFigures(database: Database, region: string, period: Period): Promise<RegionFigures> {
  const key = await computeStats(database, { region, period: period.id, lists: DEFAULT_LISTS });
  const programme = await computeStats(database, { region, period: period.id, lists: [PROGRAMME_982] });
  return {
    totals: key.totals,
    programme982: programme.totals.key.projectCount > 0 ? programme.totals.key : null,
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
