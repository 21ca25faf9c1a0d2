// 默认期间: a region's report months and the default period of its views (GET /api/periods).
import type { FastifyInstance } from 'fastify';
import { chinaDate } from '../../domain/report-workflow';
import { authorize, authorizeRole } from '../../policies/authorize';
import { regionPeriods } from '../../services/default-period';
import { cachedReply } from '../cached-reply';
import { type AppDeps, actorOfRequest } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZPeriods, ZPeriodsQuery } from './periods.types';

export function periodRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/periods',
    {
      schema: {
        summary: '默认期间：地区（含下级）各月月报数与各视图的默认月份、季度',
        tags: ['stats'],
        querystring: ZPeriodsQuery,
        response: { 200: ZPeriods },
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { region } = request.query;
      authorizeRole(actor, 'stats.read');
      authorize(actor, 'stats.read', { regionCode: region });
      const now = deps.clock();
      // The default period moves with the day (a month closes), so the day is part of the key.
      return cachedReply(request, reply, deps, JSON.stringify(['periods', region, chinaDate(now)]), () =>
        regionPeriods(deps.database, { region, now }),
      );
    },
  );
}
