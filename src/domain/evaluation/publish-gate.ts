// The publish gate: whether a computed result may be published as it stands. A result is refused
// when it ranks no unit, when a ranked unit has no data at all, when too few unit × indicator cells
// rest on data (coverage below the scheme's publish.min_coverage), or when the data-quality checks
// still find errors (severity 'error') in the ranked units' reports. An authorised user may publish
// anyway with a reason; the gate's report and the override are stored with the published result.
// Pure: the service supplies the result, the inputs and the quality counts.

import { OFF_QUARTER_FLAG } from './quarters';
import type { Scheme } from './scheme-schema';
import type { EvaluationResult, MetricValues } from './types';

/** Coverage a result needs when the scheme does not say (docs/methodology.md §七). */
export const DEFAULT_MIN_COVERAGE = 0.8;

/**
 * A metric family's record count: a value of the family rests on data only when the unit has records
 * of that family in the period (a count of 0 signed deals is "no deal records", not a measured 0).
 */
const FAMILY_RECORDS: Readonly<Record<string, string>> = {
  key: 'key.projectCount',
  deals: 'deals.signedCount',
  reserve: 'reserve.count',
  approvals: 'approvals.due',
  issues: 'issues.raised',
};

export type GateRefusalCode = 'no_units' | 'units_without_data' | 'coverage' | 'quality_errors';

export interface GateRefusal {
  code: GateRefusalCode;
  /** Chinese, for messages, the CLI and the audit log; the web translates by `code` and `params`. */
  message: string;
  params: Record<string, string | number>;
}

export interface GateUnit {
  code: string;
  name: string;
}

export interface PublishGateReport {
  minCoverage: number;
  /** Cells with data ÷ cells (ranked units × indicators that read a metric); 0 when there are none. */
  coverage: number;
  cells: number;
  cellsWithData: number;
  unitsWithoutData: GateUnit[];
  /** Ranked units whose reports of the period still have data-quality errors. */
  qualityErrors: (GateUnit & { errors: number })[];
  refusals: GateRefusal[];
}

/** A publication that went ahead despite refusals: who decided and why. */
export interface GateOverride {
  reason: string;
  by: string;
  at: string;
}

/** What is stored with a published result: the gate's report, and the override if there was one. */
export interface PublishGateRecord extends PublishGateReport {
  override: GateOverride | null;
}

export function minCoverageOf(scheme: Scheme): number {
  return scheme.publish?.min_coverage ?? DEFAULT_MIN_COVERAGE;
}

/** Whether one metric value of a unit rests on data. */
export function metricHasData(values: Record<string, number | null> | undefined, metric: string): boolean {
  const value = values?.[metric];
  if (value === null || value === undefined || !Number.isFinite(value)) return false;
  const records = FAMILY_RECORDS[metric.slice(0, metric.indexOf('.'))];
  if (records === undefined) return true;
  const count = values?.[records];
  return typeof count === 'number' && count > 0;
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

export function checkPublishGate(input: {
  scheme: Scheme;
  result: EvaluationResult;
  values: MetricValues;
  /** Data-quality errors per unit code (units absent: none). */
  qualityErrors: ReadonlyMap<string, number>;
}): PublishGateReport {
  const minCoverage = minCoverageOf(input.scheme);
  let cells = 0;
  let cellsWithData = 0;
  const unitsWithoutData: GateUnit[] = [];
  const qualityErrors: (GateUnit & { errors: number })[] = [];
  for (const unit of input.result.units) {
    const own = input.values[unit.code];
    let unitCells = 0;
    let unitData = 0;
    for (const ind of unit.indicators) {
      if (ind.metrics.length === 0) continue; // count_points: events, not reported data
      if (ind.flags.includes(OFF_QUARTER_FLAG)) continue; // not scored in this quarter (quarters.ts)
      unitCells++;
      if (ind.metrics.every((m) => metricHasData(own, m))) unitData++;
    }
    cells += unitCells;
    cellsWithData += unitData;
    if (unitCells > 0 && unitData === 0) unitsWithoutData.push({ code: unit.code, name: unit.name });
    const errors = input.qualityErrors.get(unit.code) ?? 0;
    if (errors > 0) qualityErrors.push({ code: unit.code, name: unit.name, errors });
  }
  const coverage = cells === 0 ? 0 : cellsWithData / cells;
  const refusals: GateRefusal[] = [];
  if (input.result.units.length === 0) {
    refusals.push({ code: 'no_units', message: '没有参评单位，结果不能发布', params: {} });
  }
  if (unitsWithoutData.length > 0) {
    const names = unitsWithoutData.map((u) => u.name).join('、');
    refusals.push({
      code: 'units_without_data',
      message: `${unitsWithoutData.length} 个参评单位本期没有任何数据：${names}`,
      params: { count: unitsWithoutData.length, units: names },
    });
  }
  if (input.result.units.length > 0 && coverage < minCoverage) {
    refusals.push({
      code: 'coverage',
      message: `数据覆盖率 ${pct(coverage)}（${cellsWithData}/${cells} 个单位×指标有数据），低于方案要求的 ${pct(minCoverage)}`,
      params: { coverage: pct(coverage), minCoverage: pct(minCoverage), withData: cellsWithData, cells },
    });
  }
  if (qualityErrors.length > 0) {
    const total = qualityErrors.reduce((n, u) => n + u.errors, 0);
    const names = qualityErrors.map((u) => `${u.name} ${u.errors} 处`).join('、');
    refusals.push({
      code: 'quality_errors',
      message: `数据质量检查仍有 ${total} 处错误未解决：${names}`,
      params: { count: total, units: names },
    });
  }
  return { minCoverage, coverage, cells, cellsWithData, unitsWithoutData, qualityErrors, refusals };
}
