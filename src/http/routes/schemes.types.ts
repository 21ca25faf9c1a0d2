// The contract of the scheme routes (schemes.ts): the built-ins, validation and the check of an edited
// copy. Node-free, so the web's type-check can read it through src/http/contract.ts.
import { z } from 'zod';

export const ZSchemeSummary = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  dimensions: z.array(z.object({ id: z.string(), name: z.string(), points: z.number() })),
});
export const ZSchemeFull = z.object({
  id: z.string(),
  text: z.string(),
  scheme: z.unknown().describe('the validated scheme (evaluation.md → schemes)'),
});
export const ZSchemeValidation = z.object({
  ok: z.boolean(),
  issues: z.array(z.string()),
  scheme: z.unknown().nullable(),
});

export const ZSchemeProblem = z.object({
  code: z.string().describe('unknown_metric, unknown_group, duplicate_id, points_sum, missing_field, …'),
  path: z.string().describe('the field, e.g. dimensions[2].indicators[0].metric'),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  message: z.string(),
  /** The message with its position, as the CLI prints it. */
  text: z.string(),
});
/** Nominal against effective weight of one indicator (variance-shares.ts WeightRow). */
export const ZWeightRow = z.object({
  dimension: z.string(),
  indicator: z.string(),
  name: z.string(),
  points: z.number(),
  nominal: z.number(),
  effective: z.number().nullable(),
});
export const ZSchemeCheck = z.object({
  ok: z.boolean(),
  problems: z.array(ZSchemeProblem),
  scheme: z.unknown().nullable().describe('the validated scheme, null when it has problems of its own'),
  summary: z
    .object({
      id: z.string(),
      version: z.string(),
      name: z.string(),
      total: z.number(),
      years: z.string().nullable(),
      groups: z.array(z.object({ id: z.string(), label: z.string() })),
      dimensions: z.array(
        z.object({ id: z.string(), name: z.string(), points: z.number(), indicators: z.number() }),
      ),
      indicators: z.array(
        z.object({
          dimension: z.string(),
          id: z.string(),
          name: z.string(),
          metrics: z.array(z.object({ key: z.string(), label: z.string() })),
          direction: z.string(),
          rule: z.string(),
          points: z.number(),
          nominal: z.number(),
          zeroDenominator: z.string().nullable(),
        }),
      ),
      rules: z.record(z.number()),
      bonus: z.object({ cap: z.number(), items: z.number() }).nullable(),
      penalty: z.object({ cap: z.number(), items: z.number() }).nullable(),
      tieBreak: z.array(z.string()),
    })
    .nullable(),
  weights: z
    .object({
      period: z.string(),
      region: z.object({ code: z.string(), name: z.string() }),
      groups: z.array(
        z.object({ group: z.string(), label: z.string(), units: z.number(), rows: z.array(ZWeightRow) }),
      ),
    })
    .nullable(),
});
