// Who may analyse which evaluation: a draft (run on today's data) for those who may run
// evaluations of the region, a published result for its readers. Shared by the requests that answer
// in place (evaluations.ts) and the jobs that run the same analyses in the background (jobs-start.ts).
import { provinceOf } from '../../domain/regions';
import type { Actor } from '../../policies/actor';
import { authorize, authorizeRole } from '../../policies/authorize';
import { UsageError } from '../../services/errors';
import type { EvaluateRequest } from '../../services/evaluate-period';
import { loadPublishedEvaluation } from '../../services/published-evaluations';
import { parseEditedScheme } from '../../services/scheme-text';
import type { AppDeps } from '../request-auth';

/** The region whose children are ranked: as asked, else the caller's province. */
export function parentOf(actor: Actor, region: string | undefined): string {
  if (region) return region;
  if (!actor.regionCode) throw new UsageError('请指定地区（region）');
  return provinceOf(actor.regionCode);
}

export interface DraftInput {
  scheme: string;
  schemeText?: string;
  period: string;
  region?: string;
  group?: string;
}

/** A draft the actor may run (403/404 otherwise), as the evaluation service takes it. */
export function draftRequest(actor: Actor, body: DraftInput, ip: string): EvaluateRequest {
  authorizeRole(actor, 'evaluation.run');
  const region = parentOf(actor, body.region);
  authorize(actor, 'evaluation.run', { regionCode: region });
  return {
    scheme: body.scheme,
    schemeOverride: body.schemeText === undefined ? undefined : parseEditedScheme(body.schemeText),
    period: body.period,
    region,
    group: body.group,
    actor: actor.username,
    ip,
  };
}

/** Loads a published evaluation, revoked or not, the caller may read (404 otherwise). */
export async function readablePublished(deps: AppDeps, actor: Actor, id: number) {
  authorizeRole(actor, 'evaluation.read');
  const stored = await loadPublishedEvaluation(deps.database, id, { allowRevoked: true });
  authorize(actor, 'evaluation.read', { regionCode: stored.parentCode });
  return stored;
}
