// OC4IDS export: the project package (JSON) of a region's projects on a list for a year or period,
// as a download. Who sees what is the project list's rule: the role must read projects, a region
// outside the caller's scope is 404, and only the projects the caller may read are in the package.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { packageText } from '../../io/oc4ids/package';
import { authorizeRole } from '../../policies/authorize';
import { projectVisibility } from '../../policies/visibility';
import { exportOc4ids } from '../../services/export-oc4ids';
import { regionSubtree } from '../guard';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZOc4idsQuery } from './oc4ids.types';

type Oc4idsQuery = z.output<typeof ZOc4idsQuery>;

export function oc4idsRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/export/oc4ids',
    {
      schema: {
        summary:
          '导出 OC4IDS 0.9 项目包（JSON 下载）：地区（含下级）某名单某年度的项目，截至某期的已审核月报',
        tags: ['data files'],
        querystring: ZOc4idsQuery,
      },
    },
    async (request, reply) => {
      const { text, fileName } = await (await oc4idsExport(deps, request, request.query))();
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(text);
    },
  );
}

/**
 * An OC4IDS export the caller may make (403/404 otherwise, checked now), as the function that builds
 * the package (recording the export in the audit log). The download and the export job share it.
 */
export async function oc4idsExport(deps: AppDeps, request: FastifyRequest, query: Oc4idsQuery) {
  const actor = actorOfRequest(request);
  authorizeRole(actor, 'project.read');
  const { year, period, list } = query;
  const region = query.region ?? actor.regionCode ?? undefined;
  // a region outside a region-bound caller's scope: 404, as for the project list
  if (region !== undefined) await regionSubtree(deps, actor, region);
  const ctx = auditContext(request, deps);
  return async () => {
    const { pkg, fileName } = await exportOc4ids(deps.database, {
      region,
      year,
      period,
      list,
      visibility: projectVisibility(actor),
      actor: ctx.actor,
      ip: ctx.ip,
    });
    return { text: packageText(pkg), fileName };
  };
}
