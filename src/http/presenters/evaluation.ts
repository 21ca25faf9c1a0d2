// What leaves the server of an evaluation: a draft run, a published summary, a published result.
import type { PublishGateRecord } from '../../domain/evaluation/publish-gate';
import type { RegionNode } from '../../domain/regions';
import type { EvaluationRun } from '../../services/evaluate-period';
import type { PublishedSummary, StoredEvaluation } from '../../services/row-types';

const regionRef = (regions: readonly RegionNode[], code: string) => ({
  code,
  name: regions.find((r) => r.code === code)?.name ?? code,
});

export function presentDraft(
  run: EvaluationRun,
  opts: { edited: boolean; mayPublish: boolean; mayOverride: boolean },
) {
  const { scheme } = run.snapshot;
  return {
    state: 'draft' as const,
    period: run.period.id,
    parent: { code: run.parent.code, name: run.parent.name },
    scheme: { id: scheme.id, name: scheme.name, version: scheme.version, edited: opts.edited },
    hash: run.hash,
    // An edited copy is never compared with what was published under the built-in scheme's id.
    published: opts.edited ? null : run.published,
    result: run.result,
    permissions: {
      publish: opts.mayPublish && !opts.edited && run.published === null,
      override: opts.mayOverride && !opts.edited && run.published === null,
    },
  };
}

export function presentSummary(summary: PublishedSummary, regions: readonly RegionNode[]) {
  return {
    id: summary.id,
    scheme: summary.schemeId,
    schemeVersion: summary.schemeVersion,
    period: summary.period,
    parent: regionRef(regions, summary.parentCode),
    hash: summary.contentHash,
    publishedBy: summary.publishedBy,
    publishedAt: summary.publishedAt?.toISOString() ?? null,
    edition: summary.edition,
    revocation: summary.revocation
      ? {
          reason: summary.revocation.reason,
          revokedBy: summary.revocation.revokedBy,
          revokedAt: summary.revocation.revokedAt.toISOString(),
        }
      : null,
  };
}

export function presentPublished(stored: StoredEvaluation, regions: readonly RegionNode[]) {
  return {
    ...presentSummary(stored, regions),
    state: 'published' as const,
    result: stored.result,
    gate: (stored.publishGate as PublishGateRecord | null) ?? null,
  };
}
