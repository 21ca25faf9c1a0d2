// The statistical audit's shape (src/domain/evaluation/audit.ts, src/services/audit-evaluation.ts;
// ZAudit in src/http/routes/evaluations.types.ts) and the sensitivity result's bootstrap fields,
// written out for the browser.

export interface Correlations {
  pearson: (number | null)[][];
  spearman: (number | null)[][];
}

export interface AuditWeightRow {
  dimension: string;
  indicator: string;
  name: string;
  points: number;
  nominal: number;
  effective: number | null;
}

export interface AuditOutliers {
  indicator: string;
  name: string;
  n: number;
  skewness: number | null;
  kurtosis: number | null;
  outlying: boolean;
  units: { code: string; name: string; value: number }[];
  winsorisable: boolean;
  treatment: 'none' | 'winsorise' | 'log';
  applied: 'none' | 'winsorised' | 'log';
}

export interface GroupAudit {
  group: string;
  units: number;
  indicators: { id: string; name: string; dimension: string }[];
  scores: Correlations;
  values: Correlations;
  withTotal: { indicator: string; pearson: number | null; spearman: number | null }[];
  weights: AuditWeightRow[];
  outliers: AuditOutliers[];
}

export interface EvaluationAudit {
  period: string;
  parent: { code: string; name?: string };
  scheme: { id: string; version: string; name: string };
  rule: { skewness: number; kurtosis: number; winmax: number; moments: 'sample' };
  groups: GroupAudit[];
}

/** 95% bootstrap percentile intervals of a Sobol index (absent when none were computed). */
export interface IndexIntervals {
  firstCi?: [number, number];
  totalCi?: [number, number];
}

export interface BootstrapInfo {
  bootstrap?: { samples: number; level: number };
}
