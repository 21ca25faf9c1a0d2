import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';
import { loadRegions } from '../../db/lookups';
import { metricsToJson } from '../../domain/metrics';
import { computeStats } from '../../services/compute-stats';

export function statsRoutes(app: FastifyInstance, database: Database): void {
  app.get(
    '/api/regions',
    { schema: { summary: 'The region tree (GB/T 2260 codes)' } },
    async () => ({ items: await loadRegions(database.db) }),
  );

  app.get<{ Querystring: { region: string; period: string; list?: string | string[] } }>(
    '/api/stats',
    {
      schema: {
        summary: 'Metrics of a region and its descendants for a period',
        querystring: {
          type: 'object',
          required: ['region', 'period'],
          additionalProperties: false,
          properties: {
            region: { type: 'string', pattern: '^\\d{6}$' },
            period: { type: 'string', pattern: '^\\d{4}(-\\d{1,2}|[Qq][1-4])?$' },
            list: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          },
        },
      },
    },
    async (request) => {
      const { region, period, list } = request.query;
      const lists = list === undefined ? undefined : Array.isArray(list) ? list : [list];
      const stats = await computeStats(database, { region, period, lists });
      return {
        region: stats.region,
        period: stats.period.id,
        lists: stats.lists,
        metrics: metricsToJson(stats.metrics),
      };
    },
  );
}
