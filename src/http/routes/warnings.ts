// 红黄绿灯: the warnings of a region's projects and child units for a period (only for a region in scope).
import type { FastifyInstance } from 'fastify';
import { authorize, authorizeRole } from '../../policies/authorize';
import { computeAlerts } from '../../services/compute-alerts';
import { type AppDeps, actorOfRequest } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZWarnings, ZWarningsQuery } from './warnings.types';

export function warningRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/warnings',
    {
      schema: {
        summary: '红黄绿灯：地区（含下级）项目与下级单位在某期间的预警',
        tags: ['stats'],
        querystring: ZWarningsQuery,
        response: { 200: ZWarnings },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { region, period, list, level } = request.query;
      authorizeRole(actor, 'stats.read');
      authorize(actor, 'stats.read', { regionCode: region });
      const lists = list === undefined ? undefined : Array.isArray(list) ? list : [list];
      const report = await computeAlerts(deps.database, { region, period, lists, level });
      return { ...report, period: report.period.id };
    },
  );
}
