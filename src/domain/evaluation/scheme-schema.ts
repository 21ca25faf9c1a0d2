// The zod schema of a scheme file (YAML or JSON). Strict everywhere: a misspelt field is an
// error, not a silently ignored setting. Parsing is idempotent: a parsed scheme parses to itself.
import { z } from 'zod';

export const RULE_TYPES = [
  'ratio_to_target',
  'step',
  'relative_to_best',
  'min_max',
  'goalposts',
  'rank_bands',
  'tiers',
  'count_points',
] as const;

export const METRIC_UNITS = ['percent', 'yuan', 'count', 'days', 'number'] as const;

/** What a ratio indicator scores when the unit's denominator is zero (docs/schemes.md). */
export const ZERO_DENOMINATOR = ['full', 'neutral', 'zero'] as const;
export const DEFAULT_ZERO_DENOMINATOR = 'zero';

/** Outlier treatment before a relative rule scores (docs/schemes.md → outliers; outliers.ts). */
export const OUTLIER_TREATMENTS = ['none', 'winsorise', 'log'] as const;

const finite = z.number().finite();
const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();
const identifier = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: '只能包含字母、数字、点、下划线和连字符' });
const text = z.string().min(1);
const scope = z.enum(['group', 'all']);
export const directionSchema = z.enum(['higher_better', 'lower_better']);

export const TARGET_MESSAGE =
  '应为一个数字，或 {metric: 指标名}、{context: timeProgress}、{comparator: mean}、{value: 数字}、{per_unit: {单位代码: 数字}, default: 数字} 之一';

/** The unit per-unit target amounts are written in (a money indicator only; docs/schemes.md → per_unit). */
export const AMOUNT_UNITS = ['元', '万元'] as const;
const unitCode = z.string().regex(/^[0-9]{6,12}$/, { message: '单位代码应为 6–12 位数字（如 410100）' });
/** Each unit's own target (its annual target, say), by unit code; `default` for units not listed. */
const perUnitTargetSchema = z
  .object({
    per_unit: z.record(unitCode, positive),
    default: positive.optional(),
    amounts_in: z.enum(AMOUNT_UNITS).optional(),
  })
  .strict();

const targetSchema = z.preprocess(
  (v) => (typeof v === 'number' ? { value: v } : v),
  z.union(
    [
      z.object({ value: finite }).strict(),
      z.object({ metric: text }).strict(),
      z.object({ context: z.literal('timeProgress') }).strict(),
      z.object({ comparator: z.literal('mean') }).strict(),
      perUnitTargetSchema,
    ],
    {
      errorMap: (issue, ctx) => ({
        message: issue.code === 'invalid_union' ? TARGET_MESSAGE : ctx.defaultError,
      }),
    },
  ),
);

const slopeSchema = z.object({ step: positive, points_per_step: nonNegative }).strict();

const countItemSchema = z
  .object({ id: identifier, name: text, points_per_event: positive, cap: positive.optional() })
  .strict();

const ratioRule = z
  .object({
    type: z.literal('ratio_to_target'),
    target: targetSchema,
    cap: positive.default(1),
    over: scope.optional(),
  })
  .strict();

const stepRule = z
  .object({
    type: z.literal('step'),
    target: targetSchema,
    base: nonNegative,
    step: positive,
    points_per_step: nonNegative,
    above: slopeSchema.optional(),
    below: slopeSchema.optional(),
    rounding: z.enum(['pro_rata', 'whole']).default('pro_rata'),
    min: nonNegative.default(0),
    max: nonNegative.optional(),
    over: scope.optional(),
  })
  .strict();

const relativeRule = z.object({ type: z.literal('relative_to_best'), over: scope.optional() }).strict();

const minMaxRule = z.object({ type: z.literal('min_max'), over: scope.optional() }).strict();

const goalpostsRule = z.object({ type: z.literal('goalposts'), lower: finite, upper: finite }).strict();

const bandSchema = z
  .object({ from: z.number().int().positive(), to: z.number().int().positive(), points: nonNegative })
  .strict();

const rankBandsRule = z
  .object({
    type: z.literal('rank_bands'),
    bands: z.array(bandSchema).min(1).optional(),
    first: nonNegative.optional(),
    decrement: positive.optional(),
    min: nonNegative.default(0),
    over: scope.optional(),
  })
  .strict();

const tiersRule = z
  .object({
    type: z.literal('tiers'),
    tiers: z.array(z.object({ threshold: finite, points: nonNegative }).strict()).min(1),
  })
  .strict();

const countPointsRule = z
  .object({ type: z.literal('count_points'), items: z.array(countItemSchema).min(1) })
  .strict();

export const ruleSchema = z.discriminatedUnion('type', [
  ratioRule,
  stepRule,
  relativeRule,
  minMaxRule,
  goalpostsRule,
  rankBandsRule,
  tiersRule,
  countPointsRule,
]);

const weightedMetric = z.object({ metric: text, weight: finite }).strict();

export const outlierTreatmentSchema = z
  .object({ treatment: z.enum(OUTLIER_TREATMENTS), winmax: z.number().int().min(1).max(50).optional() })
  .strict();

export const indicatorSchema = z
  .object({
    id: identifier,
    name: text,
    name_en: text.optional(),
    description: text.optional(),
    metric: text.optional(),
    metrics: z.array(weightedMetric).min(1).optional(),
    unit: z.enum(METRIC_UNITS).optional(),
    direction: directionSchema,
    /** Ratio metrics only; absent = `zero` (DEFAULT_ZERO_DENOMINATOR), left out so old schemes hash alike. */
    zero_denominator: z.enum(ZERO_DENOMINATOR).optional(),
    /** Outlier treatment of this indicator (overrides the scheme's); absent = the scheme's, left out so old schemes hash alike. */
    outliers: outlierTreatmentSchema.optional(),
    /** The quarters (1–4) the indicator is scored in; absent = every period (docs/schemes.md → quarters). */
    quarters: z.array(z.number().int()).optional(),
    rule: ruleSchema,
    points: positive,
  })
  .strict();

export const dimensionSchema = z
  .object({
    id: identifier,
    name: text,
    name_en: text.optional(),
    points: positive,
    indicators: z.array(indicatorSchema).min(1),
  })
  .strict();

/** A rank band with its consequence: ranks from–to, or the last N of the group (docs/schemes.md → consequences). */
export const consequenceSchema = z
  .object({
    from: z.number().int().positive().optional(),
    to: z.number().int().positive().optional(),
    last: z.number().int().positive().optional(),
    label: text,
    /** The groups the band applies in; absent = every group of the scheme. */
    groups: z.array(identifier).min(1).optional(),
  })
  .strict();

/** `required`: every ranked unit is expected to report (one missing is listed); `indicators`: per indicator too. */
export const selfScoreSchema = z
  .object({ required: z.boolean().default(false), indicators: z.boolean().default(false) })
  .strict();

export const adjustmentCategorySchema = z.object({ cap: positive, items: z.array(countItemSchema) }).strict();

export const schemeSchema = z
  .object({
    id: identifier,
    version: z.union([z.string().min(1), finite]).transform(String),
    name: text,
    name_en: text.optional(),
    description: text.optional(),
    /** The years the scheme applies to (inclusive); a period outside them is refused. */
    years: z
      .object({
        from: z.number().int().min(2000).max(2100),
        to: z.number().int().min(2000).max(2100).optional(),
      })
      .strict()
      .optional(),
    total: positive.default(100),
    missing_policy: z.enum(['zero', 'group_mean']).default('zero'),
    normalise_over: scope.default('group'),
    groups: z.array(identifier).min(1),
    dimensions: z.array(dimensionSchema).min(1),
    bonus: adjustmentCategorySchema.optional(),
    penalty: adjustmentCategorySchema.optional(),
    tie_break: z.array(identifier).default([]),
    /** Outlier treatment of every indicator with a relative rule; absent = none (left out so old schemes hash alike). */
    outliers: outlierTreatmentSchema.optional(),
    /** Consequences of rank bands per group (流动红旗, 约谈), printed in the 通报; absent = none. */
    consequences: z.array(consequenceSchema).optional(),
    /** Decimals totals are rounded to, shown and ranked on (default 2; docs/methodology.md §六). */
    score_decimals: z.number().int().min(0).max(6).optional(),
    /** The publish gate (default min_coverage 0.8; docs/methodology.md §七). */
    publish: z
      .object({ min_coverage: z.number().min(0).max(1).optional() })
      .strict()
      .optional(),
    /**
     * Units report their own score (自评分), listed beside the verified score with the difference
     * (docs/schemes.md → self_score). Absent: no self-scores; left out so old schemes hash alike.
     */
    self_score: selfScoreSchema.optional(),
  })
  .strict();

export type Scheme = z.output<typeof schemeSchema>;
export type SchemeInput = z.input<typeof schemeSchema>;
export type Dimension = Scheme['dimensions'][number];
export type Indicator = Dimension['indicators'][number];
export type Rule = z.output<typeof ruleSchema>;
export type RuleInput = z.input<typeof ruleSchema>;
export type RuleType = Rule['type'];
export type Target = z.output<typeof targetSchema>;
export type CountItem = z.output<typeof countItemSchema>;
export type AdjustmentCategory = z.output<typeof adjustmentCategorySchema>;
export type SelfScoreDeclaration = z.output<typeof selfScoreSchema>;
export type Direction = z.output<typeof directionSchema>;
export type Scope = z.output<typeof scope>;
export type MetricUnit = (typeof METRIC_UNITS)[number];
export type ZeroDenominator = (typeof ZERO_DENOMINATOR)[number];
export type OutlierDeclaration = z.output<typeof outlierTreatmentSchema>;
export type Consequence = z.output<typeof consequenceSchema>;
export type PerUnitTarget = z.output<typeof perUnitTargetSchema>;

export type RuleOf<T extends RuleType> = Extract<Rule, { type: T }>;
