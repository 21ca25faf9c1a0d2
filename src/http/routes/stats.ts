// Statistics of a region and its descendants (domain.md → Metrics): only for a region in scope.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { metricsToJson } from '../../domain/metrics';
import { authorize, authorizeRole } from '../../policies/authorize';
import { computeStats } from '../../services/compute-stats';
import { type AppDeps, actorOfRequest } from '../request-auth';
import { ZRegionCode } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';

const ZStatsQuery = z
  .object({
    region: ZRegionCode,
    period: z.string().regex(/^\d{4}(-\d{1,2}|[Qq][1-4])?$/),
    list: z.union([z.string().max(40), z.array(z.string().max(40)).max(10)]).optional(),
  })
  .strict();

const ZStats = z.object({
  region: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
  period: z.string(),
  lists: z.array(z.string()),
  metrics: z.record(z.union([z.number(), z.string(), z.null()])),
});

export function statsRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/stats',
    {
      schema: {
        summary: '地区（含下级）在某期间的统计指标',
        tags: ['stats'],
        querystring: ZStatsQuery,
        response: { 200: ZStats },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { region, period, list } = request.query;
      authorizeRole(actor, 'stats.read');
      authorize(actor, 'stats.read', { regionCode: region });
      const lists = list === undefined ? undefined : Array.isArray(list) ? list : [list];
      const stats = await computeStats(deps.database, { region, period, lists });
      return {
        region: stats.region,
        period: stats.period.id,
        lists: stats.lists,
        metrics: metricsToJson(stats.metrics) as Record<string, number | string | null>,
      };
    },
  );
}
