// Background jobs (issue #14 item 5): the start bodies are the inputs of the requests they replace
// (the same schemas), the job as its owner sees it, and its result.
import { z } from 'zod';
import { JOB_KINDS, JOB_STATES } from '../../services/jobs/job-manager';
import { ZExportQuery, ZKindParams } from './data-files.types';
import { ZSensitivityBody, ZUnitQuery } from './evaluations.types';

export const ZJobParams = z.object({ id: z.string().uuid() });

/** A published result: its id, as in /api/evaluations/:id. */
const ZEvaluationId = z.number().int().min(1).max(2_147_483_647);

export const ZStoredSensitivityJobBody = ZSensitivityBody.pick({
  replications: true,
  seed: true,
  normalisation: true,
  aggregation: true,
})
  .extend({ evaluation: ZEvaluationId })
  .strict();
export const ZStoredWhatItTakesJobBody = ZUnitQuery.extend({ evaluation: ZEvaluationId }).strict();
export const ZStoredAuditJobBody = z.object({ evaluation: ZEvaluationId }).strict();
export const ZExportJobBody = ZExportQuery.extend({ kind: ZKindParams.shape.kind }).strict();

export const ZJob = z.object({
  id: z.string(),
  kind: z.enum(JOB_KINDS),
  state: z.enum(JOB_STATES),
  progress: z.object({
    fraction: z.number().min(0).max(1),
    phase: z.string().describe('进行到哪一步（中文）'),
  }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** When done: where to fetch the result, and what it is. */
  result: z
    .object({ url: z.string(), fileName: z.string(), contentType: z.string(), bytes: z.number().int() })
    .nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const ZJobList = z.object({ items: z.array(ZJob) });
