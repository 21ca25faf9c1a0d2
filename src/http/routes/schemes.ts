// Evaluation schemes: the built-ins (parsed and as text) and validation of an edited copy.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problemText, SchemeError } from '../../domain/evaluation/scheme';
import { provinceOf } from '../../domain/regions';
import { authorize, authorizeRole } from '../../policies/authorize';
import { checkScheme } from '../../services/check-scheme';
import { UsageError } from '../../services/errors';
import { listBuiltinSchemes, parseEditedScheme, readBuiltinScheme } from '../../services/scheme-text';
import { type AppDeps, actorOfRequest } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';

const ZSchemeSummary = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  dimensions: z.array(z.object({ id: z.string(), name: z.string(), points: z.number() })),
});
const ZSchemeFull = z.object({
  id: z.string(),
  text: z.string(),
  scheme: z.unknown().describe('the validated scheme (evaluation.md → schemes)'),
});
const ZValidation = z.object({
  ok: z.boolean(),
  issues: z.array(z.string()),
  scheme: z.unknown().nullable(),
});

const ZProblem = z.object({
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
const ZCheck = z.object({
  ok: z.boolean(),
  problems: z.array(ZProblem),
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

const pathText = (path: (string | number)[]) =>
  path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');

export function schemeRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluations'];
  app.get(
    '/api/schemes',
    {
      schema: {
        summary: '内置考评方案',
        tags,
        response: { 200: z.object({ items: z.array(ZSchemeSummary) }) },
      },
    },
    async (request) => {
      authorizeRole(actorOfRequest(request), 'evaluation.read');
      const items = await listBuiltinSchemes();
      return {
        items: items.map(({ id, scheme }) => ({
          id,
          name: scheme.name,
          version: scheme.version,
          dimensions: scheme.dimensions.map((d) => ({ id: d.id, name: d.name, points: d.points })),
        })),
      };
    },
  );
  app.get(
    '/api/schemes/:id',
    {
      schema: {
        summary: '一个内置考评方案（YAML 原文与解析结果）',
        tags,
        params: z.object({ id: z.string().max(80) }),
        response: { 200: ZSchemeFull },
      },
    },
    async (request) => {
      authorizeRole(actorOfRequest(request), 'evaluation.read');
      return readBuiltinScheme(request.params.id);
    },
  );
  app.post(
    '/api/schemes/validate',
    {
      schema: {
        summary: '校验编辑过的方案副本（YAML 或 JSON），列出全部问题；不保存',
        tags,
        body: z.object({ text: z.string().max(200_000) }).strict(),
        response: { 200: ZValidation },
      },
    },
    async (request) => {
      authorizeRole(actorOfRequest(request), 'evaluation.read');
      try {
        return { ok: true, issues: [], scheme: parseEditedScheme(request.body.text) };
      } catch (error) {
        if (error instanceof SchemeError) return { ok: false, issues: error.issues, scheme: null };
        throw error;
      }
    },
  );
  app.post(
    '/api/schemes/check',
    {
      schema: {
        summary:
          '校验方案文件（YAML 或 JSON）：全部问题及其行、列，或方案概要；给出 period 时用该期间数据试算，对比名义权重与有效权重',
        tags,
        body: z
          .object({
            text: z.string().max(200_000),
            period: z.string().max(20).optional(),
            region: z.string().max(12).optional(),
          })
          .strict(),
        response: { 200: ZCheck },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluation.read');
      const { text, period } = request.body;
      let region = request.body.region;
      if (period !== undefined) {
        // Trying the scheme on a period's data is a draft evaluation: the same permission.
        authorizeRole(actor, 'evaluation.run');
        if (!region && !actor.regionCode) throw new UsageError('请指定地区（region）');
        region ??= provinceOf(actor.regionCode!);
        authorize(actor, 'evaluation.run', { regionCode: region });
      } else if (region !== undefined) throw new UsageError('region 需要与 period 一起使用');
      const outcome = await checkScheme(period === undefined ? null : deps.database, {
        text,
        period,
        region,
        actor: actor.username,
      });
      return {
        ...outcome,
        problems: outcome.problems.map((p) => ({
          code: p.code,
          path: pathText(p.path),
          line: p.line ?? null,
          column: p.column ?? null,
          message: p.message,
          text: problemText(p),
        })),
      };
    },
  );
}
