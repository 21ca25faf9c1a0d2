// GET /api/quality and GET /api/reports/:id/quality (数据质量检查): the shapes of the server's
// quality.types.ts schemas, written out for the browser.
export type QualityCheck =
  | 'cumulative_falling'
  | 'month_over_remaining'
  | 'over_total'
  | 'jump'
  | 'completed_not_started'
  | 'completion_before_start'
  | 'copied_progress'
  | 'blank_progress';

export const QUALITY_CHECKS: readonly QualityCheck[] = [
  'cumulative_falling',
  'month_over_remaining',
  'over_total',
  'jump',
  'completed_not_started',
  'completion_before_start',
  'copied_progress',
  'blank_progress',
];

export interface QualityFinding {
  check: QualityCheck;
  severity: 'error' | 'warning';
  projectCode: string;
  year: number;
  month: number;
  /** zh-CN: the fact with its figures (万元). */
  message: string;
  /** zh-CN: the fix to make. */
  fix: string;
  /** Amounts as 元 decimal strings; months and counts as numbers. */
  figures: Record<string, string | number>;
  reportId: number;
  projectId: number;
  projectName: string;
  regionCode: string;
}

export interface QualityCounts {
  reports: number;
  clean: number;
  errors: number;
  warnings: number;
}

interface RegionRef {
  code: string;
  name: string;
  kind: string;
}

interface QualityMetrics {
  'reports.qualityFindings': number;
  'reports.cleanRate': number | null;
}

export interface Quality {
  region: RegionRef;
  period: string;
  months: 'all' | 'last';
  thresholds: { jumpFactor: number; jumpFloorWan: number; copiedMonths: number };
  counts: QualityCounts;
  metrics: QualityMetrics;
  byCheck: Record<QualityCheck, number>;
  /** The first 1000. */
  findings: QualityFinding[];
  findingsTotal: number;
  units: { region: RegionRef; counts: QualityCounts; metrics: QualityMetrics }[];
}

/** A reports import's findings (POST /api/import/reports): warnings, the file is not rejected. */
export interface ImportQuality {
  errors: number;
  warnings: number;
  /** The first 200. */
  findings: QualityFinding[];
}
