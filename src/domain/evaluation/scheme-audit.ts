// The statistical audit of a result under its own scheme: each indicator's outliers judged with
// the treatment its rule declares (none for target and threshold rules). Shared by the request
// (services/audit-evaluation.ts) and the job worker (services/jobs/worker.ts), which imports the
// domain only.
import { type AuditResult, auditEvaluation } from './audit';
import { effectiveTreatment } from './outlier-treatment';
import { schemeIndicators } from './scheme';
import type { Scheme } from './scheme-schema';
import type { EvaluationResult } from './types';

/** The treatment each indicator gets under its own rule. */
function treatmentOf(scheme: Scheme) {
  const byId = new Map(schemeIndicators(scheme).map(({ indicator }) => [indicator.id, indicator]));
  return (id: string) => {
    const ind = byId.get(id)!;
    return effectiveTreatment(scheme, ind, ind.rule);
  };
}

export function auditUnderScheme(scheme: Scheme, result: EvaluationResult): AuditResult {
  return auditEvaluation(result, { treatment: treatmentOf(scheme) });
}
