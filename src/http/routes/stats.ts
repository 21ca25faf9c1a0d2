// Statistics of a region and its descendants (domain.md → Metrics): only for a region in scope; the
// 驾驶舱, and its units table as Excel (computed the same way, in the screen's sort).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { metricsToJson } from '../../domain/metrics';
import { sortUnitRows, UNITS_TABLE, unitRows } from '../../domain/tables/dashboard-units';
import { authorize, authorizeRole } from '../../policies/authorize';
import { composeDashboard } from '../../services/compose-dashboard';
import { computeStats } from '../../services/compute-stats';
import { pagesOf } from '../../services/table-export';
import { cachedReply } from '../cached-reply';
import { type AppDeps, actorOfRequest } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { exportSummary, sendTableExport } from '../table-export';
import { ZDashboard, ZDashboardUnitsExportQuery, ZStats, ZStatsQuery } from './stats.types';

const regionOut = (r: { code: string; name: string; kind: string }) => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
});
const metricsOut = (m: Parameters<typeof metricsToJson>[0]) =>
  metricsToJson(m) as Record<string, number | string | null>;

export function statsRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  /** The region and lists asked for, once the caller may read the region (checked here), and the cache key. */
  function statsQuery(
    request: FastifyRequest,
    kind: string,
    { region, period, list }: z.output<typeof ZStatsQuery>,
  ) {
    const actor = actorOfRequest(request);
    authorizeRole(actor, 'stats.read');
    authorize(actor, 'stats.read', { regionCode: region });
    const lists = list === undefined ? undefined : Array.isArray(list) ? list : [list];
    return { region, period, lists, key: JSON.stringify([kind, region, period, lists ?? null]) };
  }

  /** The 驾驶舱 of a region, as GET /api/dashboard answers it. */
  async function dashboard(query: { region: string; period: string; lists: string[] | undefined }) {
    const d = await composeDashboard(deps.database, query);
    return {
      region: regionOut(d.region),
      period: d.period.id,
      lists: d.lists,
      metrics: metricsOut(d.metrics),
      monthly: d.monthly.map((m) => ({
        month: m.month,
        investYtd: m.investYtd.toString(),
        planToDate: m.planToDate.toString(),
      })),
      children: d.children.map((c) => ({
        region: regionOut(c.unit),
        metrics: metricsOut(c.metrics),
        gap: c.gap,
      })),
      lagging: d.lagging.map((c) => c.unit.code),
      rankHistory: d.rankHistory,
    };
  }

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
    async (request, reply) => {
      const { key, ...query } = statsQuery(request, 'stats', request.query);
      return cachedReply(request, reply, deps, key, async () => {
        const stats = await computeStats(deps.database, query);
        return {
          region: stats.region,
          period: stats.period.id,
          lists: stats.lists,
          metrics: metricsOut(stats.metrics),
        };
      });
    },
  );

  app.get(
    '/api/dashboard',
    {
      schema: {
        summary: '驾驶舱：地区指标、下级单位对比与落后单位、逐月投资与时间进度、历次考评名次',
        tags: ['stats'],
        querystring: ZStatsQuery,
        response: { 200: ZDashboard },
      },
    },
    async (request, reply) => {
      const { key, ...query } = statsQuery(request, 'dashboard', request.query);
      return cachedReply(request, reply, deps, key, () => dashboard(query));
    },
  );

  app.get(
    '/api/dashboard/units/export',
    {
      schema: {
        summary: exportSummary('驾驶舱的下级单位对比'),
        tags: ['stats'],
        querystring: ZDashboardUnitsExportQuery,
      },
    },
    async (request, reply) => {
      const { lang, sort, ...query } = request.query;
      const { key, ...units } = statsQuery(request, 'dashboard', query);
      const rows = sortUnitRows(unitRows(await deps.readCache.readNow(key, () => dashboard(units))), sort);
      return sendTableExport(reply, request, deps, {
        kind: 'dashboard-units',
        spec: UNITS_TABLE,
        lang,
        query: request.query,
        readPage: pagesOf(rows),
      });
    },
  );
}
