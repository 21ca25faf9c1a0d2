// One sibi project → one OC4IDS 0.9 project. Pure: the caller reads the rows and the region tree.
// The table of what goes where is in docs/oc4ids.md.
import { lastDayOfMonth, type Period } from '../../domain/period';
import type { RegionNode } from '../../domain/regions';
import { LIST_LABELS, NATURE_LABELS, projectStatus, sectorOf } from './codelists';
import type {
  Oc4idsAddress,
  Oc4idsLocation,
  Oc4idsMetric,
  Oc4idsObservation,
  Oc4idsParty,
  Oc4idsPeriod,
  Oc4idsProject,
  Oc4idsSource,
  Oc4idsValue,
} from './types';

export class Oc4idsAmountError extends Error {
  override name = 'Oc4idsAmountError';
}

/** Integer 元 as a JSON number, refused past 2^53 − 1 元 (about 9 007 万亿元), where it would not be exact. */
export function cny(yuan: bigint): Oc4idsValue {
  if (yuan > BigInt(Number.MAX_SAFE_INTEGER) || yuan < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Oc4idsAmountError(`金额 ${yuan} 元超出 JSON 数字可精确表示的范围（2^53−1 元）`);
  }
  return { amount: Number(yuan), currency: 'CNY' };
}

/** A date (YYYY-MM-DD) as the start or the end of that day in China Standard Time. */
export const dayStart = (date: string) => `${date}T00:00:00+08:00`;
export const dayEnd = (date: string) => `${date}T23:59:59+08:00`;

export interface MapContext {
  /** The id prefix, `oc4ids-sibi-<province code>`; the project id is `<prefix>-<project code>`. */
  idPrefix: string;
  period: Period;
  /** Region code → region, for names and addresses. */
  regions: ReadonlyMap<string, RegionNode>;
}

/** The chain from the province down to the region (names joined give 河南省洛阳市孟津县). */
export function regionPath(regions: ReadonlyMap<string, RegionNode>, code: string): RegionNode[] {
  const path: RegionNode[] = [];
  const seen = new Set<string>();
  for (
    let r = regions.get(code);
    r && !seen.has(r.code);
    r = r.parentCode ? regions.get(r.parentCode) : undefined
  ) {
    seen.add(r.code);
    path.unshift(r);
  }
  return path;
}

export function regionFullName(regions: ReadonlyMap<string, RegionNode>, code: string): string {
  return (
    regionPath(regions, code)
      .map((r) => r.name)
      .join('') || code
  );
}

function addressOf(regions: ReadonlyMap<string, RegionNode>, code: string): Oc4idsAddress {
  const [province, ...below] = regionPath(regions, code);
  const locality = below.map((r) => r.name).join('');
  return {
    ...(province ? { region: province.name } : {}),
    ...(locality ? { locality } : {}),
    countryName: '中国',
  };
}

const nonEmpty = (text: string | null | undefined): text is string => !!text && text.trim() !== '';

function periodOf(start: string | null, end: string | null): Oc4idsPeriod | undefined {
  if (!start && !end) return undefined;
  return { ...(start ? { startDate: dayStart(start) } : {}), ...(end ? { endDate: dayEnd(end) } : {}) };
}

export function mapProject(source: Oc4idsSource, ctx: MapContext): Oc4idsProject {
  const { period, regions } = ctx;
  const report = source.report;
  // started / completed by the period end: the report says so, or the project's actual dates do.
  const startDate = source.actualStart ?? report?.startDate ?? null;
  const completionDate = source.actualCompletion ?? report?.completionDate ?? null;
  const started =
    !!report?.started ||
    (source.actualStart !== null && source.actualStart <= period.end) ||
    !!report?.completed;
  const completed =
    !!report?.completed || (source.actualCompletion !== null && source.actualCompletion <= period.end);
  const place = regionFullName(regions, source.regionCode);

  const location: Oc4idsLocation = {
    id: '1',
    description: place,
    ...(source.lng !== null && source.lat !== null
      ? { geometry: { type: 'Point' as const, coordinates: [source.lng, source.lat] as [number, number] } }
      : {}),
    gazetteer: { scheme: 'GB/T 2260', identifiers: [source.regionCode] },
    address: addressOf(regions, source.regionCode),
  };

  const parties: Oc4idsParty[] = [];
  let publicAuthority: Oc4idsProject['publicAuthority'];
  if (nonEmpty(source.owner)) {
    parties.push({ id: 'owner', name: source.owner.trim(), roles: ['publicAuthority'] });
    publicAuthority = { id: 'owner', name: source.owner.trim() };
  }
  parties.push({
    id: `office-${source.regionCode}`,
    name: `${place}重点项目办`,
    roles: ['reviewBody'],
    address: addressOf(regions, source.regionCode),
  });

  const sector = sectorOf(source.domain);
  const metrics = [
    physicalProgress(source, period, { started, startDate, completed, completionDate }),
    financialProgress(source, period),
  ].filter((m): m is Oc4idsMetric => m !== null);

  const projectPeriod = periodOf(source.plannedStart, source.plannedCompletion);
  return {
    id: `${ctx.idPrefix}-${source.code}`,
    updated: source.updatedAt,
    title: source.name,
    ...(nonEmpty(source.scope) ? { description: source.scope.trim() } : {}),
    status: projectStatus({ nature: source.nature, started, completed }),
    ...(projectPeriod ? { period: projectPeriod } : {}),
    ...(sector ? { sector: [sector] } : {}),
    additionalClassifications: [
      ...(nonEmpty(source.domain)
        ? [
            {
              scheme: 'sibi-domain',
              id: source.domain.trim(),
              description: `所属领域：${source.domain.trim()}`,
            },
          ]
        : []),
      {
        scheme: 'sibi-nature',
        id: source.nature,
        description: `${period.year}年建设性质：${NATURE_LABELS[source.nature]}`,
      },
      {
        scheme: 'sibi-list',
        id: source.list,
        description: `${period.year}年名单：${LIST_LABELS[source.list] ?? source.list}`,
      },
    ],
    locations: [location],
    ...(source.totalInvestment !== null
      ? { budget: { description: '总投资', amount: cny(source.totalInvestment) } }
      : {}),
    parties,
    ...(publicAuthority ? { publicAuthority } : {}),
    ...(metrics.length > 0 ? { metrics } : {}),
    ...(completed
      ? {
          completion: completionDate
            ? { endDate: dayEnd(completionDate) }
            : { endDateDetails: '已竣工，未填报竣工日期' },
        }
      : {}),
    language: 'zh',
  };
}

interface Progress {
  started: boolean;
  startDate: string | null;
  completed: boolean;
  completionDate: string | null;
}

/** 形象进度: the latest approved report's text, and the start and the completion with their dates. */
function physicalProgress(source: Oc4idsSource, period: Period, p: Progress): Oc4idsMetric | null {
  const observations: Oc4idsObservation[] = [];
  const report = source.report;
  if (p.started) {
    observations.push({
      id: 'started',
      measure: '已开工',
      ...(p.startDate ? { period: { startDate: dayStart(p.startDate) } } : {}),
    });
  }
  if (report && nonEmpty(report.progressNote)) {
    const mm = String(report.month).padStart(2, '0');
    observations.push({
      id: `${period.year}-${mm}-progress`,
      measure: report.progressNote.trim(),
      period: {
        startDate: dayStart(`${period.year}-01-01`),
        endDate: dayEnd(lastDayOfMonth(period.year, report.month)),
      },
      notes: `${period.year}年${report.month}月月报形象进度`,
    });
  }
  if (p.completed) {
    observations.push({
      id: 'completed',
      measure: '已竣工',
      ...(p.completionDate ? { period: { endDate: dayEnd(p.completionDate) } } : {}),
    });
  }
  if (observations.length === 0) return null;
  return {
    id: 'physicalProgress',
    title: '形象进度',
    description: '开工、竣工及月报所填形象进度（最近一期已审核月报）',
    observations,
  };
}

/** The year's plan (a target) against the investment completed from January to the report's month. */
function financialProgress(source: Oc4idsSource, period: Period): Oc4idsMetric | null {
  const observations: Oc4idsObservation[] = [];
  const year = period.year;
  if (source.annualTarget !== null) {
    observations.push({
      id: `${year}-annualTarget`,
      value: cny(source.annualTarget),
      period: { startDate: dayStart(`${year}-01-01`), endDate: dayEnd(`${year}-12-31`) },
      dimensions: { type: 'target' },
      notes: `${year}年度计划投资`,
    });
  }
  if (source.report) {
    const { month } = source.report;
    observations.push({
      id: `${year}-${String(month).padStart(2, '0')}-investYtd`,
      value: cny(source.report.investYtd),
      period: { startDate: dayStart(`${year}-01-01`), endDate: dayEnd(lastDayOfMonth(year, month)) },
      dimensions: { type: 'actual' },
      notes: month === 1 ? `${year}年1月完成投资` : `${year}年1-${month}月累计完成投资`,
    });
  }
  if (observations.length === 0) return null;
  return {
    id: 'financialProgress',
    title: '投资完成',
    description: '年度计划投资（目标）与 1 月至最近一期已审核月报的累计完成投资（实际），单位元',
    observations,
  };
}
