import { z } from 'zod';
import { DEFAULT_SEED, NORMALISATION_ALTERNATIVES } from '../../domain/evaluation/sensitivity';
import { BUILTIN_SCHEMES } from '../../schemes/builtin';
import { ZIdParams, ZRegionCode } from '../schema/common';
import { ZTableLang } from '../table-export';
import { ZWeightRow } from './schemes.types';

/**
 * Sensitivity replications are capped (issue #14 item 5): each one re-ranks every unit, so a
 * request's cost grows with them (the review stalled the server with 5000). At 2000 the sampling
 * error of a probability (first place, a rank interval's ends) is at most about 1.1 %.
 */
const MAX_REPLICATIONS_MESSAGE = '稳健性分析的重复次数（replications）不能超过 2000';

const ZPeriod = z.string().regex(/^\d{4}(-\d{1,2}|[Qq][1-4])?$/);
const ZBuiltinScheme = z.enum(BUILTIN_SCHEMES);
const ZGroup = z.string().regex(/^[a-z_]{1,40}$/);

/** A draft: a built-in scheme, or the text of an edited copy (YAML or JSON, ≤ 200 kB). */
export const ZDraftBody = z
  .object({
    scheme: ZBuiltinScheme.default('sibisikan-2020'),
    schemeText: z.string().max(200_000).optional(),
    period: ZPeriod,
    /** The region whose child units are ranked; default the caller's province. */
    region: ZRegionCode.optional(),
    group: ZGroup.optional(),
  })
  .strict();

/** A draft's results table as Excel: the draft's query (a built-in scheme), the headers' language. */
export const ZDraftExportQuery = ZDraftBody.omit({ schemeText: true }).extend({ lang: ZTableLang }).strict();
/** A published result's table as Excel: one group (as the page shows it) or all, the headers' language. */
export const ZResultExportQuery = z.object({ group: ZGroup.optional(), lang: ZTableLang }).strict();

export const ZSensitivityBody = ZDraftBody.extend({
  replications: z.number().int().min(10).max(2000, MAX_REPLICATIONS_MESSAGE).default(1000),
  seed: z.number().int().min(0).max(2_147_483_647).default(DEFAULT_SEED),
  /** Optional factors: alternative normalisations of every indicator, and arithmetic / geometric aggregation. */
  normalisation: z.array(z.enum(NORMALISATION_ALTERNATIVES)).max(2).optional(),
  aggregation: z.boolean().optional(),
}).strict();

export const ZWhatItTakesBody = ZDraftBody.extend({ unit: ZRegionCode }).strict();

export const ZPublishBody = z
  .object({
    scheme: ZBuiltinScheme.default('sibisikan-2020'),
    period: ZPeriod,
    region: ZRegionCode.optional(),
    /** Publish despite the publish gate's refusals, for this reason (policy 'evaluation.override'). */
    overrideReason: z.string().max(500).optional(),
  })
  .strict();

export const ZRevokeBody = z.object({ reason: z.string().min(1).max(500) }).strict();

export const ZEvaluationListQuery = z
  .object({
    region: ZRegionCode.optional(),
    scheme: z.string().max(80).optional(),
    period: ZPeriod.optional(),
    /** `include`: the revoked results too, each with its revocation (default: the standing ones). */
    revoked: z.enum(['exclude', 'include']).optional(),
  })
  .strict();

export const ZEvaluationParams = ZIdParams;
export const ZSensitivityQuery = z
  .object({
    replications: z.coerce.number().int().min(10).max(2000, MAX_REPLICATIONS_MESSAGE).default(1000),
    seed: z.coerce.number().int().min(0).max(2_147_483_647).default(DEFAULT_SEED),
    /** Comma-separated: min_max, relative_to_best. */
    normalisation: z
      .string()
      .regex(/^(min_max|relative_to_best)(,(min_max|relative_to_best))?$/)
      .transform((v) => v.split(',') as (typeof NORMALISATION_ALTERNATIVES)[number][])
      .optional(),
    aggregation: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();
export const ZUnitQuery = z.object({ unit: ZRegionCode }).strict();

const ZRegionRef = z.object({ code: z.string(), name: z.string() });
const ZResult = z
  .unknown()
  .describe('EvaluationResult: units, indicators with explanations, groups (docs/methodology.md)');

export const ZRankMove = z.object({
  unit: z.string(),
  name: z.string(),
  publishedRank: z.number().nullable(),
  rank: z.number().nullable(),
  publishedTotal: z.number().nullable(),
  total: z.number().nullable(),
});

export const ZDraft = z.object({
  state: z.literal('draft'),
  period: z.string(),
  parent: ZRegionRef,
  scheme: z.object({ id: z.string(), name: z.string(), version: z.string(), edited: z.boolean() }),
  hash: z.string(),
  published: z
    .object({ id: z.number(), hash: z.string(), identical: z.boolean(), moves: z.array(ZRankMove) })
    .nullable(),
  result: ZResult,
  /** publish: the draft may be published by the caller; override: the caller may override the publish gate. */
  permissions: z.object({ publish: z.boolean(), override: z.boolean() }),
});

export const ZRevocation = z.object({ reason: z.string(), revokedBy: z.string(), revokedAt: z.string() });

export const ZPublishedSummary = z.object({
  id: z.number(),
  scheme: z.string(),
  schemeVersion: z.string(),
  period: z.string(),
  parent: ZRegionRef,
  hash: z.string(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** 1, or n + 1 when edition n of the same scheme, region and period was revoked. */
  edition: z.number(),
  /** Null while the result stands; a revoked result is "the published result" no more. */
  revocation: ZRevocation.nullable(),
});

const ZGateUnit = z.object({ code: z.string(), name: z.string() });

/** The publish gate (docs/methodology.md §七): its report at publication, and the override if any. */
export const ZPublishGate = z.object({
  minCoverage: z.number(),
  coverage: z.number(),
  cells: z.number(),
  cellsWithData: z.number(),
  unitsWithoutData: z.array(ZGateUnit),
  qualityErrors: z.array(ZGateUnit.extend({ errors: z.number() })),
  refusals: z.array(
    z.object({
      code: z.enum(['no_units', 'units_without_data', 'coverage', 'quality_errors']),
      message: z.string(),
      params: z.record(z.union([z.string(), z.number()])),
    }),
  ),
  override: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});

export const ZPublished = ZPublishedSummary.extend({
  state: z.literal('published'),
  result: ZResult,
  /** Null for a result published before the gate existed. */
  gate: ZPublishGate.nullable(),
  /** What the caller may do with it (GET /api/evaluations/:id). */
  permissions: z.object({ revoke: z.boolean() }).optional(),
});

export const ZRevoked = z.object({
  id: z.number(),
  revokedAt: z.string(),
  /** The result's public links, revoked with it. */
  links: z.array(z.string()),
});

export const ZVerification = z.object({
  id: z.number(),
  /** The hash stored at publication. */
  storedHash: z.string(),
  /** Recomputed from the inputs stored with the result. */
  recomputedHash: z.string(),
  /** Stored and recomputed agree (hash and result bytes): the published result is intact. */
  identical: z.boolean(),
  /**
   * Recomputed from the current data with the stored scheme and options (informative); `moves` (what
   * ranks and totals moved since) only for those who may run drafts.
   */
  current: z
    .object({ hash: z.string(), identical: z.boolean(), moves: z.array(ZRankMove).optional() })
    .optional(),
});

export const ZAnalysis = z.unknown().describe('SensitivityResult or WhatItTakesResult (docs/methodology.md)');

const ZCorrelations = z.object({
  pearson: z.array(z.array(z.number().nullable())),
  spearman: z.array(z.array(z.number().nullable())),
});

/** The statistical audit (docs/methodology.md → 统计审计). */
export const ZAudit = z.object({
  period: z.string(),
  parent: z.object({ code: z.string(), name: z.string().optional() }),
  scheme: z.object({ id: z.string(), version: z.string(), name: z.string() }),
  rule: z.object({
    skewness: z.number(),
    kurtosis: z.number(),
    winmax: z.number(),
    moments: z.literal('sample'),
  }),
  groups: z.array(
    z.object({
      group: z.string(),
      units: z.number(),
      indicators: z.array(z.object({ id: z.string(), name: z.string(), dimension: z.string() })),
      scores: ZCorrelations,
      values: ZCorrelations,
      withTotal: z.array(
        z.object({ indicator: z.string(), pearson: z.number().nullable(), spearman: z.number().nullable() }),
      ),
      weights: z.array(ZWeightRow),
      outliers: z.array(
        z.object({
          indicator: z.string(),
          name: z.string(),
          n: z.number(),
          skewness: z.number().nullable(),
          kurtosis: z.number().nullable(),
          outlying: z.boolean(),
          units: z.array(z.object({ code: z.string(), name: z.string(), value: z.number() })),
          winsorisable: z.boolean(),
          treatment: z.enum(['none', 'winsorise', 'log']),
          applied: z.enum(['none', 'winsorised', 'log']),
        }),
      ),
    }),
  ),
});
