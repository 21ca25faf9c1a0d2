// Evaluation schemes: the built-ins (parsed and as text) and validation of an edited copy.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SchemeError } from '../../domain/evaluation/scheme';
import { authorizeRole } from '../../policies/authorize';
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

export function schemeRoutes(root: FastifyInstance, _deps: AppDeps): void {
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
}
