// The statistical audit of a scheme on a period's data (issue #13 item 8; docs/methodology.md →
// 统计审计): the evaluation is run as a draft (or a published result read with the inputs stored
// with it) and audited — correlations, nominal against effective weights, outliers.

import type { Database } from '../db/client';
import type { StoredEvaluation } from '../db/evaluations';
import type { AuditResult } from '../domain/evaluation/audit';
import { auditUnderScheme as audit } from '../domain/evaluation/scheme-audit';
import type { Scheme } from '../domain/evaluation/scheme-schema';
import type { EvaluationResult } from '../domain/evaluation/types';
import { type EvaluateRequest, runEvaluation } from './evaluate-period';

export interface EvaluationAudit extends AuditResult {
  period: string;
  parent: { code: string; name?: string };
}

export async function analyseAudit(database: Database, request: EvaluateRequest): Promise<EvaluationAudit> {
  const run = await runEvaluation(database, request);
  return {
    period: run.period.id,
    parent: { code: run.parent.code, name: run.parent.name },
    ...audit(run.snapshot.scheme, run.result),
  };
}

/** A published result's audit, on the result stored with it (never today's data). */
export function analyseStoredAudit(stored: StoredEvaluation): EvaluationAudit {
  return {
    period: stored.period,
    parent: { code: stored.parentCode },
    ...audit(stored.scheme as Scheme, stored.result as EvaluationResult),
  };
}
