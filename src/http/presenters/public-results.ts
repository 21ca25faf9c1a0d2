// What a public link shows (#7): only what was published — the stored published result's ranking
// (per group: rank, unit, total and dimension scores), its period, scheme, publication time and
// content hash. Never the inputs, the raw metric values, adjustments' authors or who published it.
import type { EvaluationResult } from '../../domain/evaluation/engine';
import type { RegionNode } from '../../domain/regions';
import type { HonourListDetail } from '../../services/honours';
import type { StoredEvaluation } from '../../services/row-types';

export function presentPublicEvaluation(
  stored: StoredEvaluation,
  regions: readonly RegionNode[],
  link: { slug: string; shortUrl: string },
) {
  const result = stored.result as EvaluationResult;
  return {
    kind: 'evaluation' as const,
    slug: link.slug,
    shortUrl: link.shortUrl,
    scheme: { name: result.scheme.name, version: stored.schemeVersion, total: result.scheme.total },
    period: stored.period,
    region: {
      code: stored.parentCode,
      name: regions.find((r) => r.code === stored.parentCode)?.name ?? stored.parentCode,
    },
    publishedAt: stored.publishedAt?.toISOString() ?? null,
    hash: stored.contentHash,
    groups: result.groups.map((group) => ({
      id: group.id,
      units: result.units
        .filter((u) => u.group === group.id)
        .map((u) => ({
          rank: u.rank,
          code: u.code,
          name: u.name,
          score: u.adjusted,
          base: u.base,
          bonus: u.bonus.total,
          penalty: u.penalty.total,
          dimensions: u.dimensions.map((d) => ({ id: d.id, name: d.name, points: d.points, score: d.score })),
          // The scheme's rank-band consequence (流动红旗, 约谈), only when the unit has one.
          ...(u.consequence === undefined ? {} : { consequence: u.consequence }),
        })),
    })),
  };
}

export function presentPublicHonours(list: HonourListDetail, link: { slug: string; shortUrl: string }) {
  return {
    kind: 'honours' as const,
    slug: link.slug,
    shortUrl: link.shortUrl,
    title: list.title,
    year: list.year,
    issuedBy: list.issuedBy,
    issuedOn: list.issuedOn,
    publishedAt: list.publishedAt?.toISOString() ?? null,
    hash: list.contentHash,
    entries: list.entries.map((e) => ({
      position: e.position,
      name: e.name,
      regionCode: e.regionCode,
      category: e.category,
      note: e.note,
    })),
  };
}
