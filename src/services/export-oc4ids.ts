// `sibi export oc4ids` / GET /api/export/oc4ids: what an OC4IDS project package of a region, a list
// and a period holds — the projects with their year entry and latest approved report — read within
// the caller's visibility, and the audit row of the export. src/io/oc4ids builds the package.
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import { queryOc4idsProjects } from '../db/oc4ids';
import type { Oc4idsSource } from '../domain/oc4ids';
import { type Period, parsePeriod, periodLabel } from '../domain/period';
import { descendantsOf, provinceOf, type RegionNode } from '../domain/regions';
import { Oc4idsAmountError } from '../io/oc4ids/map-project';
import { buildPackage, packageFileName } from '../io/oc4ids/package';
import type { Oc4idsPackage } from '../io/oc4ids/types';
import type { Visibility } from '../policies/visibility';
import { requireRegion } from './compute-stats';
import { NotFoundError, RuleViolationError, UsageError } from './errors';
import { regionTree } from './region-tree';

export const OC4IDS_DEFAULT_LIST = 'province_key';

export interface Oc4idsExportRequest {
  /** Default: the only top-level region (the province). */
  region?: string;
  year?: number;
  /** 2020-09, 2020Q3 or 2020: reports up to its last month; default the whole year. */
  period?: string;
  list?: string;
  /** The caller's project visibility (HTTP); the command line sees everything. */
  visibility?: Visibility;
  actor: string;
  ip?: string | null;
}

export interface Oc4idsExport {
  region: RegionNode;
  period: Period;
  list: string;
  regions: RegionNode[];
  /** Ordered by project code; never empty. */
  sources: Oc4idsSource[];
}

export function oc4idsPeriod(year: number | undefined, period: string | undefined): Period {
  if (period !== undefined) {
    const parsed = parsePeriod(period);
    if (year !== undefined && year !== parsed.year) {
      throw new UsageError(`年度 ${year} 与期间 ${parsed.id} 不一致`);
    }
    return parsed;
  }
  if (year === undefined)
    throw new UsageError('导出 OC4IDS 需要指定年度（--year 2020）或期间（--period 2020-09）');
  return parsePeriod(String(year));
}

export async function loadOc4idsExport(
  database: Database,
  request: Oc4idsExportRequest,
): Promise<Oc4idsExport> {
  const period = oc4idsPeriod(request.year, request.period);
  const list = request.list ?? OC4IDS_DEFAULT_LIST;
  const regions = await regionTree(database);
  const region = requireRegion(regions, request.region ?? onlyRoot(regions));
  const sources = await queryOc4idsProjects(database.db, {
    provinceCode: provinceOf(region.code),
    regionCodes: descendantsOf(regions, region.code),
    year: period.year,
    month: period.month,
    list,
    visibility: request.visibility,
  });
  if (sources.length === 0) {
    throw new NotFoundError(
      `${region.name}${periodLabel(period)}名单「${list}」中没有可导出的项目（OC4IDS 项目包至少要有一个项目）`,
    );
  }
  return { region, period, list, regions, sources };
}

export interface Oc4idsPackageFile {
  pkg: Oc4idsPackage;
  fileName: string;
}

/**
 * The package built, then the audit row written: an export that fails (an amount past what JSON
 * numbers carry exactly) leaves no "ok" row behind.
 */
export async function exportOc4ids(
  database: Database,
  request: Oc4idsExportRequest,
): Promise<Oc4idsPackageFile> {
  const loaded = await loadOc4idsExport(database, request);
  let pkg: Oc4idsPackage;
  try {
    pkg = buildPackage(loaded);
  } catch (error) {
    if (error instanceof Oc4idsAmountError) throw new RuleViolationError(error.message);
    throw error;
  }
  await writeAudit(database.db, {
    actor: request.actor,
    ip: request.ip,
    action: 'export.oc4ids',
    targetType: 'oc4ids',
    targetId: loaded.region.code,
    outcome: 'ok',
    details: { projects: loaded.sources.length, period: loaded.period.id, list: loaded.list },
  });
  return { pkg, fileName: packageFileName(loaded.region.code, loaded.period) };
}

function onlyRoot(regions: readonly RegionNode[]): string {
  const roots = regions.filter((r) => !r.parentCode);
  if (roots.length !== 1) throw new UsageError('请指定地区代码（--region）');
  return roots[0]!.code;
}
