// 挂图作战: a region's projects on a map with their stage and 红黄绿灯, its child units shaded by
// completion rate inside schematic outlines (only for a region in scope, like GET /api/dashboard).
import type { FastifyInstance } from 'fastify';
import { authorize, authorizeRole } from '../../policies/authorize';
import { composeMap } from '../../services/compose-map';
import { type AppDeps, actorOfRequest } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZMap, ZMapQuery } from './map.types';

export function mapRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/map',
    {
      schema: {
        summary: '挂图作战：地区项目点位（状态、红黄绿灯）、下级单位完成率与示意边界',
        tags: ['stats'],
        querystring: ZMapQuery,
        response: { 200: ZMap },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { region, period, list } = request.query;
      authorizeRole(actor, 'stats.read');
      authorize(actor, 'stats.read', { regionCode: region });
      const lists = list === undefined ? undefined : Array.isArray(list) ? list : [list];
      const map = await composeMap(deps.database, { region, period, lists });
      return {
        ...map,
        period: map.period.id,
        totalInvestment: map.totalInvestment.toString(),
        children: map.children.map((c) => ({
          ...c,
          investYtd: c.investYtd.toString(),
          annualTarget: c.annualTarget.toString(),
          totalInvestment: c.totalInvestment.toString(),
        })),
      };
    },
  );
}
