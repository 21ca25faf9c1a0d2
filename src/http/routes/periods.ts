// 默认期间: a region's report months and the default period of its views (GET /api/periods).
import type { FastifyInstance } from 'fastify';
import { authorize, authorizeRole } from '../../policies/authorize';
import { regionPeriods } from '../../services/default-period';
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
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'stats.read');
      authorize(actor, 'stats.read', { regionCode: request.query.region });
      return regionPeriods(deps.database, { region: request.query.region, now: deps.clock() });
    },
  );
}
