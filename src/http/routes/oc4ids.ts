// OC4IDS export: the project package (JSON) of a region's projects on a list for a year or period,
// as a download. Who sees what is the project list's rule: the role must read projects, a region
// outside the caller's scope is 404, and only the projects the caller may read are in the package.
import type { FastifyInstance } from 'fastify';
import { Oc4idsAmountError } from '../../io/oc4ids/map-project';
import { buildPackage, packageFileName, packageText } from '../../io/oc4ids/package';
import { authorizeRole } from '../../policies/authorize';
import { projectVisibility } from '../../policies/visibility';
import { RuleViolationError } from '../../services/errors';
import { loadOc4idsExport } from '../../services/export-oc4ids';
import { regionSubtree } from '../guard';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZOc4idsQuery } from './oc4ids.types';

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
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'project.read');
      const { year, period, list } = request.query;
      const region = request.query.region ?? actor.regionCode ?? undefined;
      // a region outside a region-bound caller's scope: 404, as for the project list
      if (region !== undefined) await regionSubtree(deps, actor, region);
      const ctx = auditContext(request, deps);
      const loaded = await loadOc4idsExport(deps.database, {
        region,
        year,
        period,
        list,
        visibility: projectVisibility(actor),
        actor: ctx.actor,
        ip: ctx.ip,
      });
      let text: string;
      try {
        text = packageText(buildPackage(loaded));
      } catch (error) {
        if (error instanceof Oc4idsAmountError) throw new RuleViolationError(error.message);
        throw error;
      }
      const name = packageFileName(loaded.region.code, loaded.period);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(text);
    },
  );
}
