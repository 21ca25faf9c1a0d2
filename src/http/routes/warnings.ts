// 红黄绿灯: the warnings of a region's projects and child units for a period (only for a region in
// scope), and its project table as Excel (the same query, computed the same way).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { WARNINGS_TABLE } from '../../domain/tables/warnings';
import { authorize, authorizeRole } from '../../policies/authorize';
import { computeAlerts } from '../../services/compute-alerts';
import { pagesOf } from '../../services/table-export';
import { cachedReply } from '../cached-reply';
import { type AppDeps, actorOfRequest } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { exportSummary, sendTableExport, zExportQuery } from '../table-export';
import { ZWarnings, ZWarningsQuery } from './warnings.types';

export function warningRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['stats'];

  /** The warnings asked for, once the caller may read the region (checked here). */
  function warnings(request: FastifyRequest, query: z.output<typeof ZWarningsQuery>) {
    const actor = actorOfRequest(request);
    const { region, period, list, level } = query;
    authorizeRole(actor, 'stats.read');
    authorize(actor, 'stats.read', { regionCode: region });
    const lists = list === undefined ? undefined : Array.isArray(list) ? list : [list];
    return {
      key: JSON.stringify(['warnings', region, period, lists ?? null, level ?? null]),
      compute: () => computeAlerts(deps.database, { region, period, lists, level }),
    };
  }

  app.get(
    '/api/warnings',
    {
      schema: {
        summary: '红黄绿灯：地区（含下级）项目与下级单位在某期间的预警',
        tags,
        querystring: ZWarningsQuery,
        response: { 200: ZWarnings },
      },
    },
    async (request, reply) => {
      const { key, compute } = warnings(request, request.query);
      return cachedReply(request, reply, deps, key, async () => {
        const report = await compute();
        return { ...report, period: report.period.id };
      });
    },
  );

  app.get(
    '/api/warnings/export',
    {
      schema: { summary: exportSummary('红黄绿灯项目预警'), tags, querystring: zExportQuery(ZWarningsQuery) },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const report = await warnings(request, query).compute();
      return sendTableExport(reply, request, deps, {
        kind: 'warnings',
        spec: WARNINGS_TABLE,
        lang,
        query: request.query,
        readPage: pagesOf(report.projects as unknown as Record<string, unknown>[]),
      });
    },
  );
}
