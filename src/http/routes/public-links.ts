// The public link of a published evaluation (#7): the province office creates it (one open link at
// a time; asking again returns the open one), reads it, and revokes it. What the link opens is in
// routes/public-results.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { provinceOf } from '../../domain/regions';
import type { Actor } from '../../policies/actor';
import { authorize, authorizeRole } from '../../policies/authorize';
import {
  currentPublicLink,
  ensurePublicLink,
  type LinkTarget,
  revokePublicLinks,
} from '../../services/public-links';
import { loadPublishedEvaluation } from '../../services/published-evaluations';
import type { PublicLink } from '../../services/row-types';
import { publicBase, shortLinkUrl } from '../public-url';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZEvaluationParams } from './evaluations.types';
import { ZPublicLinkOut, ZRevokedOut } from './public-results.types';

/** A link as the office sees it: the short URL to print and the page it opens. */
export function presentLink(request: FastifyRequest, link: PublicLink | null) {
  if (!link) return { link: null };
  return {
    link: {
      slug: link.slug,
      shortUrl: shortLinkUrl(publicBase(request), link.slug),
      pagePath: `/public/${link.slug}`,
      createdAt: link.createdAt.toISOString(),
      createdBy: link.createdBy,
    },
  };
}

export function publicLinkRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['evaluations'];

  /** The published evaluation as a link target, once the caller may manage its link (404/403 otherwise). */
  async function target(actor: Actor, id: number): Promise<LinkTarget> {
    authorizeRole(actor, 'publicLink.manage');
    const stored = await loadPublishedEvaluation(database, id);
    authorize(actor, 'publicLink.manage', { regionCode: stored.parentCode });
    return { kind: 'evaluation', id: stored.id, provinceCode: provinceOf(stored.parentCode) };
  }

  app.get(
    '/api/evaluations/:id/public-link',
    {
      schema: {
        summary: '已发布考评结果当前的公开链接（无则 null）',
        tags,
        params: ZEvaluationParams,
        response: { 200: ZPublicLinkOut },
      },
    },
    async (request) => {
      const linkTarget = await target(actorOfRequest(request), request.params.id);
      return presentLink(request, await currentPublicLink(database, linkTarget));
    },
  );

  app.post(
    '/api/evaluations/:id/public-link',
    {
      schema: {
        summary: '为已发布的考评结果创建公开链接（短链接与二维码）；已有则返回现有链接',
        tags,
        params: ZEvaluationParams,
        response: { 200: ZPublicLinkOut, 201: ZPublicLinkOut },
      },
    },
    async (request, reply) => {
      const linkTarget = await target(actorOfRequest(request), request.params.id);
      const { link, created } = await ensurePublicLink(database, linkTarget, auditContext(request, deps));
      reply.status(created ? 201 : 200);
      return presentLink(request, link);
    },
  );

  app.delete(
    '/api/evaluations/:id/public-link',
    {
      schema: {
        summary: '撤销已发布考评结果的公开链接（撤销后短链接、二维码与公开页面均 404）',
        tags,
        params: ZEvaluationParams,
        response: { 200: ZRevokedOut },
      },
    },
    async (request) => {
      const linkTarget = await target(actorOfRequest(request), request.params.id);
      return { revoked: await revokePublicLinks(database, linkTarget, auditContext(request, deps)) };
    },
  );
}
