// 数据质量检查 as use cases: `sibi quality` / GET /api/quality (a region's findings for a period and
// the counts per child unit, 信息报送质量), one report's findings before a reviewer approves it, and
// the findings on the rows of a reports import (combined with the stored history). Checks never
// reject anything; the thresholds are the system administrator's settings `quality.*`.
import type { Database } from '../db/client';
import { type QualityFacts, queryProjectQualityFacts, queryRegionQualityFacts } from '../db/data-quality';
import type { Tx } from '../db/query';
import {
  checkProjectYear,
  emptyQualityCounts,
  QUALITY_CHECKS,
  type QualityCheck,
  type QualityCounts,
  type QualityFinding,
  type QualityMetrics,
  type QualityThresholds,
  qualityMetrics,
} from '../domain/data-quality';
import { type Period, parsePeriod } from '../domain/period';
import { childrenOf, type RegionNode, scopeMap } from '../domain/regions';
import { requireRegion, scopeFor } from './compute-stats';
import { regionTree } from './region-tree';
import { loadSettings, qualityThresholds } from './settings';

type RegionRef = Pick<RegionNode, 'code' | 'name' | 'kind'>;
const ref = (r: RegionNode): RegionRef => ({ code: r.code, name: r.name, kind: r.kind });

/** A finding with the report and project it is about. */
export interface ReportFinding extends QualityFinding {
  reportId: number;
  projectId: number;
  projectName: string;
  regionCode: string;
}

export interface UnitQuality {
  region: RegionRef;
  counts: QualityCounts;
  /** reports.qualityFindings and reports.cleanRate of the unit. */
  metrics: QualityMetrics;
}

export interface QualityRequest {
  region: string;
  period: string;
  /** 'all' (default): the reports of January to the period's last month; 'last': that month's only. */
  months?: 'all' | 'last';
}

export interface QualityReport {
  region: RegionRef;
  period: Period;
  thresholds: QualityThresholds;
  months: 'all' | 'last';
  /** The region as a whole: reports sent in the months checked and their findings. */
  counts: QualityCounts;
  metrics: QualityMetrics;
  byCheck: Record<QualityCheck, number>;
  /** Every finding: latest month first, errors before warnings, then by project code and check. */
  findings: ReportFinding[];
  /** Each child unit (none under a county). */
  units: UnitQuality[];
}

/** Findings on every project's reports, each with its report id. */
function findingsOf(facts: readonly QualityFacts[], year: number, t: QualityThresholds): ReportFinding[] {
  const out: ReportFinding[] = [];
  for (const { project, reports } of facts) {
    const idOf = new Map(reports.map((r) => [r.month, r.id]));
    for (const f of checkProjectYear(project, year, reports, t)) {
      out.push({
        ...f,
        reportId: idOf.get(f.month)!,
        projectId: project.id,
        projectName: project.name,
        regionCode: project.regionCode,
      });
    }
  }
  return out;
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;
const byImportance = (a: ReportFinding, b: ReportFinding) =>
  b.month - a.month ||
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
  a.projectCode.localeCompare(b.projectCode) ||
  QUALITY_CHECKS.indexOf(a.check) - QUALITY_CHECKS.indexOf(b.check);

/** Adds one project's reports and findings to counts. */
function count(into: QualityCounts, reports: number, findings: readonly ReportFinding[]): void {
  into.reports += reports;
  into.clean += reports - new Set(findings.map((f) => f.month)).size;
  for (const f of findings) {
    if (f.severity === 'error') into.errors++;
    else into.warnings++;
  }
}

export async function checkDataQuality(database: Database, request: QualityRequest): Promise<QualityReport> {
  const { db } = database;
  const period = parsePeriod(request.period);
  const regions = await regionTree(database);
  const region = requireRegion(regions, request.region);
  const thresholds = qualityThresholds(await loadSettings(db));
  const facts = await queryRegionQualityFacts(
    db,
    scopeFor(scopeMap(regions, region.code), region.code, period, []),
  );

  const unitOf = new Map<string, string>();
  const children = childrenOf(regions, region.code);
  for (const child of children)
    for (const code of scopeMap(regions, child.code).keys()) unitOf.set(code, child.code);
  const unitCounts = new Map(children.map((c) => [c.code, emptyQualityCounts()]));

  // Every month is checked against the months before it; 'last' keeps that month's reports only.
  const months = request.months ?? 'all';
  const counted = (month: number) => months === 'all' || month === period.month;
  const counts = emptyQualityCounts();
  const findings: ReportFinding[] = [];
  for (const f of facts) {
    const found = findingsOf([f], period.year, thresholds).filter((x) => counted(x.month));
    const reports = f.reports.filter((r) => counted(r.month)).length;
    count(counts, reports, found);
    const unit = unitCounts.get(unitOf.get(f.project.regionCode) ?? '');
    if (unit) count(unit, reports, found);
    findings.push(...found);
  }
  findings.sort(byImportance);
  const byCheck = Object.fromEntries(QUALITY_CHECKS.map((c) => [c, 0])) as Record<QualityCheck, number>;
  for (const f of findings) byCheck[f.check]++;
  return {
    region: ref(region),
    period,
    months,
    thresholds,
    counts,
    metrics: qualityMetrics(counts),
    byCheck,
    findings,
    units: children.map((child) => {
      const c = unitCounts.get(child.code)!;
      return { region: ref(child), counts: c, metrics: qualityMetrics(c) };
    }),
  };
}

/**
 * One report's findings, checked with the project's other reports of the year up to its month
 * (those sent), whatever the report's own state: shown while filling it and before approval.
 */
export async function checkReportQuality(
  database: Database,
  report: { id: number; projectId: number; year: number; month: number },
): Promise<ReportFinding[]> {
  const thresholds = qualityThresholds(await loadSettings(database.db));
  const facts = await queryProjectQualityFacts(
    database.db,
    [report.projectId],
    report.year,
    report.month,
    report.id,
  );
  return findingsOf(facts, report.year, thresholds)
    .filter((f) => f.reportId === report.id)
    .sort(byImportance);
}

/**
 * The findings on imported report rows, read back inside the import's transaction (so combined
 * with the stored history): only the findings on the imported project-months.
 */
export async function checkImportedReports(
  tx: Tx,
  rows: readonly { projectId: number; year: number; month: number }[],
): Promise<ReportFinding[]> {
  const thresholds = qualityThresholds(await loadSettings(tx));
  const wanted = new Set(rows.map((r) => `${r.projectId}/${r.year}/${r.month}`));
  const byYear = new Map<number, Set<number>>();
  for (const r of rows) byYear.set(r.year, (byYear.get(r.year) ?? new Set()).add(r.projectId));
  const out: ReportFinding[] = [];
  for (const [year, ids] of [...byYear].sort(([a], [b]) => a - b)) {
    const facts = await queryProjectQualityFacts(tx, [...ids], year);
    out.push(
      ...findingsOf(facts, year, thresholds).filter((f) => wanted.has(`${f.projectId}/${year}/${f.month}`)),
    );
  }
  return out.sort((a, b) => a.year - b.year || byImportance(a, b));
}
