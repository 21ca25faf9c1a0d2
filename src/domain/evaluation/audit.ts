// The statistical audit of a scheme on one period's data (COINr / the JRC-OECD handbook), per
// ranked group: correlations between the indicators and of each with the total, nominal against
// effective weights, and outliers by the skewness / kurtosis rule with what the scheme's declared
// treatment does to them (docs/methodology.md → 统计审计). Pure: reads an EvaluationResult.
import { type CorrelationMatrices, correlationMatrices, pearson, spearman } from './correlation';
import {
  DEFAULT_WINMAX,
  KURT_THRESHOLD,
  type OutlierTreatment,
  SKEW_THRESHOLD,
  shapeCheck,
  treatValues,
  winsorise,
} from './outliers';
import type { EvaluationResult, UnitResult } from './types';
import { type WeightRow, weightReport } from './variance-shares';

export interface AuditIndicator {
  id: string;
  name: string;
  dimension: string;
}

export interface TotalCorrelation {
  indicator: string;
  /** Of the indicator's score with the base total (before bonus and penalty). */
  pearson: number | null;
  spearman: number | null;
}

export interface OutlierUnit {
  code: string;
  name: string;
  value: number;
}

export interface IndicatorOutliers {
  indicator: string;
  name: string;
  /** Reported values in the group (filled values are left out). */
  n: number;
  skewness: number | null;
  kurtosis: number | null;
  /** |skewness| > 2 and kurtosis > 3.5. */
  outlying: boolean;
  /** The units COINr's winsorisation clips, most extreme first (empty when the rule passes). */
  units: OutlierUnit[];
  /** False when winsorising winmax points does not pass the rule (COINr then log-transforms). */
  winsorisable: boolean;
  /** The treatment the scheme declares for the indicator, and what it did on this data. */
  treatment: OutlierTreatment;
  applied: 'none' | 'winsorised' | 'log';
}

export interface GroupAudit {
  group: string;
  units: number;
  indicators: AuditIndicator[];
  /** Between the indicators' scores (direction-aligned, what the total adds up). */
  scores: CorrelationMatrices;
  /** Between the indicators' reported values (pairwise complete; a lower_better one correlates negatively). */
  values: CorrelationMatrices;
  withTotal: TotalCorrelation[];
  weights: WeightRow[];
  outliers: IndicatorOutliers[];
}

export interface AuditResult {
  scheme: { id: string; version: string; name: string };
  /** Skewness / kurtosis thresholds and the winsorisation limit the outlier rule used. */
  rule: { skewness: number; kurtosis: number; winmax: number; moments: 'sample' };
  groups: GroupAudit[];
}

export interface AuditOptions {
  /** The declared treatment per indicator id (scheme `outliers`); absent = none. */
  treatment?: (indicator: string) => { treatment: OutlierTreatment; winmax: number; logFallback?: boolean };
}

function reported(u: UnitResult, k: number): number | null {
  const ind = u.indicators[k]!;
  return ind.missing || ind.value === null ? null : ind.value;
}

function outliersOf(units: UnitResult[], k: number, opts: AuditOptions): IndicatorOutliers {
  const first = units[0]!.indicators[k]!;
  const present = units.flatMap((u) => {
    const v = reported(u, k);
    return v === null ? [] : [{ u, v }];
  });
  const x = present.map((p) => p.v);
  const declared = opts.treatment?.(first.id) ?? { treatment: 'none' as const, winmax: DEFAULT_WINMAX };
  const check = shapeCheck(x);
  const w = check.outlying ? winsorise(x, declared.winmax) : { changed: [], passed: true };
  return {
    indicator: first.id,
    name: first.name,
    n: check.n,
    skewness: check.skewness,
    kurtosis: check.kurtosis,
    outlying: check.outlying,
    units: w.changed.map((i) => ({ code: present[i]!.u.code, name: present[i]!.u.name, value: x[i]! })),
    winsorisable: w.passed,
    treatment: declared.treatment,
    applied: treatValues(x, declared.treatment, declared.winmax, declared.logFallback ?? true).applied,
  };
}

function groupAudit(
  group: string,
  units: UnitResult[],
  weights: WeightRow[],
  opts: AuditOptions,
): GroupAudit {
  const K = units[0]!.indicators.length;
  const ks = Array.from({ length: K }, (_, k) => k);
  const scoreCols = ks.map((k) => units.map((u) => u.indicators[k]!.score));
  const totals = units.map((u) => u.base);
  return {
    group,
    units: units.length,
    indicators: units[0]!.indicators.map((i) => ({ id: i.id, name: i.name, dimension: i.dimension })),
    scores: correlationMatrices(scoreCols),
    values: correlationMatrices(ks.map((k) => units.map((u) => reported(u, k)))),
    withTotal: ks.map((k) => ({
      indicator: units[0]!.indicators[k]!.id,
      pearson: pearson(scoreCols[k]!, totals),
      spearman: spearman(scoreCols[k]!, totals),
    })),
    weights,
    outliers: ks.map((k) => outliersOf(units, k, opts)),
  };
}

export function auditEvaluation(result: EvaluationResult, opts: AuditOptions = {}): AuditResult {
  const weights = weightReport(result);
  const byCode = new Map(result.units.map((u) => [u.code, u]));
  return {
    scheme: { id: result.scheme.id, version: result.scheme.version, name: result.scheme.name },
    rule: { skewness: SKEW_THRESHOLD, kurtosis: KURT_THRESHOLD, winmax: DEFAULT_WINMAX, moments: 'sample' },
    groups: result.groups
      .filter((g) => g.ranking.length > 0)
      .map((g) =>
        groupAudit(
          g.id,
          g.ranking.map((code) => byCode.get(code)!),
          weights.find((w) => w.group === g.id)?.rows ?? [],
          opts,
        ),
      ),
  };
}
