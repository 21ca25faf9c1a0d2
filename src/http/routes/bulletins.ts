// The 通报 as a download (docx, md) or a page (html). Readers get only a published evaluation's
// bulletin; the province officer may also fetch a draft, marked 草稿.
import type { FastifyInstance } from 'fastify';
import { provinceOf } from '../../domain/regions';
import { renderBulletin } from '../../io/bulletin/render';
import { authorize, authorizeRole, can } from '../../policies/authorize';
import { composeBulletinDownload } from '../../services/download-bulletin';
import { UsageError } from '../../services/errors';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZBulletinQuery } from './bulletins.types';

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export function bulletinRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/bulletins',
    {
      schema: {
        summary: '综合考评通报（docx / html / md）；省级通报，或 region 指定单位的考评情况稿',
        tags: ['evaluations'],
        querystring: ZBulletinQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'evaluation.read');
      const { period, scheme, region, format, inline } = request.query;
      if (!actor.regionCode && !region) throw new UsageError('请指定地区（region）');
      const province = provinceOf(region ?? actor.regionCode ?? '');
      authorize(actor, 'evaluation.read', { regionCode: region ?? province });
      const outcome = await composeBulletinDownload(
        deps.database,
        auditContext(request, deps),
        {
          period,
          scheme,
          region,
          publishedOnly: !can(actor, 'evaluation.run', { regionCode: province }),
        },
        format,
      );
      const bytes = await renderBulletin(outcome.document, format);
      const name = `${outcome.document.title}${outcome.evaluationId === null ? '（草稿）' : ''}.${format}`;
      const disposition = inline === 'true' && format === 'html' ? 'inline' : 'attachment';
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header(
          'content-disposition',
          `${disposition}; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('x-sibi-evaluation', outcome.evaluationId === null ? 'draft' : String(outcome.evaluationId))
        .send(bytes);
    },
  );
}
