// The 通报 as a download (docx, md) or a page (html), and its spreadsheet 附件 of red and yellow projects
// (xlsx). Readers get only a published evaluation's bulletin; the province officer may also fetch a
// draft, marked 草稿.
import type { FastifyInstance } from 'fastify';
import { provinceOf } from '../../domain/regions';
import { renderAnnexXlsx } from '../../io/bulletin/annex-xlsx';
import { renderBulletin } from '../../io/bulletin/render';
import { authorize, authorizeRole, can } from '../../policies/authorize';
import { composeAnnexDownload, composeBulletinDownload } from '../../services/download-bulletin';
import { UsageError } from '../../services/errors';
import { attachment } from '../attachment';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { CONTENT_TYPES } from '../send-file';
import { ZBulletinQuery } from './bulletins.types';

export function bulletinRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/bulletins',
    {
      schema: {
        summary:
          '综合考评通报（docx / html / md）；省级通报，或 region 指定单位的考评情况稿；xlsx：通报附件红黄灯预警名单（全省，或 region 指定单位的项目）',
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
      const wanted = {
        period,
        scheme,
        region,
        publishedOnly: !can(actor, 'evaluation.run', { regionCode: province }),
      };
      if (format === 'xlsx') {
        const annex = await composeAnnexDownload(deps.database, auditContext(request, deps), wanted);
        const bytes = await renderAnnexXlsx(annex);
        const name = `${annex.title}${annex.evaluationId === null ? '（草稿）' : ''}.xlsx`;
        return reply
          .header('content-type', CONTENT_TYPES.xlsx)
          .header('content-disposition', attachment(name))
          .header('x-sibi-evaluation', annex.evaluationId === null ? 'draft' : String(annex.evaluationId))
          .send(bytes);
      }
      const outcome = await composeBulletinDownload(
        deps.database,
        auditContext(request, deps),
        wanted,
        format,
      );
      const bytes = await renderBulletin(outcome.document, format);
      const name = `${outcome.document.title}${outcome.evaluationId === null ? '（草稿）' : ''}.${format}`;
      const disposition = inline === 'true' && format === 'html' ? 'inline' : 'attachment';
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', attachment(name, disposition))
        .header('x-sibi-evaluation', outcome.evaluationId === null ? 'draft' : String(outcome.evaluationId))
        .send(bytes);
    },
  );
}
