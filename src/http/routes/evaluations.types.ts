import { z } from 'zod';
import { BUILTIN_SCHEMES } from '../../schemes/load-scheme';
import { ZIdParams, ZRegionCode } from '../schema/common';

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

export const ZSensitivityBody = ZDraftBody.extend({
  replications: z.number().int().min(10).max(5000).default(1000),
  seed: z.number().int().min(0).max(2_147_483_647).default(20201),
}).strict();

export const ZWhatItTakesBody = ZDraftBody.extend({ unit: ZRegionCode }).strict();

export const ZPublishBody = z
  .object({
    scheme: ZBuiltinScheme.default('sibisikan-2020'),
    period: ZPeriod,
    region: ZRegionCode.optional(),
  })
  .strict();

export const ZEvaluationListQuery = z
  .object({
    region: ZRegionCode.optional(),
    scheme: z.string().max(80).optional(),
    period: ZPeriod.optional(),
  })
  .strict();

export const ZEvaluationParams = ZIdParams;
export const ZSensitivityQuery = z
  .object({
    replications: z.coerce.number().int().min(10).max(5000).default(1000),
    seed: z.coerce.number().int().min(0).max(2_147_483_647).default(20201),
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
  permissions: z.object({ publish: z.boolean() }),
});

export const ZPublishedSummary = z.object({
  id: z.number(),
  scheme: z.string(),
  schemeVersion: z.string(),
  period: z.string(),
  parent: ZRegionRef,
  hash: z.string(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const ZPublished = ZPublishedSummary.extend({
  state: z.literal('published'),
  result: ZResult,
});

export const ZVerification = z.object({
  id: z.number(),
  storedHash: z.string(),
  recomputedHash: z.string(),
  identical: z.boolean(),
});

export const ZAnalysis = z.unknown().describe('SensitivityResult or WhatItTakesResult (docs/methodology.md)');
