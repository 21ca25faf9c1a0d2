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
import { ZSchemeCheck, ZSchemeFull, ZSchemeSummary, ZSchemeValidation } from './schemes.types';

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
        response: { 200: ZSchemeValidation },
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
        response: { 200: ZSchemeCheck },
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
