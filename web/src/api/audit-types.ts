// The statistical audit of an evaluation (ZAudit in src/http/routes/evaluations.types.ts, through the
// contract), and the sensitivity result's bootstrap fields (src/domain/evaluation/sensitivity.ts).
// Types only: nothing of the server enters the bundle.
import type { SensitivityIndex, SensitivityResult } from '../../../src/domain/evaluation/sensitivity';

export type {
  AuditOutliers,
  Correlations,
  EvaluationAudit,
  GroupAudit,
} from '../../../src/http/contract';

/** 95% bootstrap percentile intervals of a Sobol index (absent when none were computed). */
export type IndexIntervals = Pick<SensitivityIndex, 'firstCi' | 'totalCi'>;

export type BootstrapInfo = Partial<Pick<SensitivityResult, 'bootstrap'>>;
