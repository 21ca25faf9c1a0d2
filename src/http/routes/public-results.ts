// Public results (#7), no session: a published evaluation or honours list by the slug of an open
// public link, the QR code of its short link (SVG, PNG) and the short link itself (/p/<slug> → the
// web page /public/<slug>). A malformed, unknown or revoked slug answers 404 (the short link too) with the standard
// error body; nothing but the published snapshot ever leaves (presenters/public-results.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { NotFoundError } from '../../services/errors';
import { loadPublishedHonourList } from '../../services/honours';
import { resolvePublicLink } from '../../services/public-links';
import { loadPublishedEvaluation } from '../../services/published-evaluations';
import { regionTree } from '../../services/region-tree';
import type { PublicLinkKind } from '../../services/row-types';
import { presentPublicEvaluation, presentPublicHonours } from '../presenters/public-results';
import { publicBase, shortLinkUrl } from '../public-url';
import type { AppDeps } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZPublicEvaluation, ZPublicHonours, ZSlugParams } from './public-results.types';

/**
 * What a person who follows a revoked or unknown short link (or scans its QR code) sees: a page
 * saying so, with the 404 status, instead of a JSON error body.
 */
export const LINK_GONE_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>链接无效或已撤销 — 四比</title></head>
<body style="font-family: sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; color: #1f1f1f">
<main data-testid="public-missing"><h1>链接无效或已撤销</h1>
<p>请核对链接或二维码；如链接已被发布单位撤销，本页不再显示任何内容。</p>
<p lang="en">This link is invalid or has been revoked by the office that published it.</p></main>
</body></html>
`;

/** Per address and route: generous for readers, a wall for anyone enumerating slugs. */
const RATE_LIMIT = { max: 120, timeWindow: 60_000 };
const PATHS: Record<PublicLinkKind, string> = { evaluation: 'results', honours: 'honours' };

export function publicResultRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['public'];
  const config = { access: 'public' as const, rateLimit: RATE_LIMIT };

  /** Unlisted pages: no search engine indexes them (and, as every /api answer, no cache keeps them). */
  const privateHeaders = (reply: FastifyReply) => reply.header('x-robots-tag', 'noindex, nofollow');

  const linkOf = (request: FastifyRequest, slug: string) => ({
    slug,
    shortUrl: shortLinkUrl(publicBase(request), slug),
  });

  app.get(
    '/api/public/results/:slug',
    {
      config,
      schema: {
        summary: '公开的考评结果（只含发布时保存的结果；链接撤销后 404）',
        tags,
        params: ZSlugParams,
        response: { 200: ZPublicEvaluation },
      },
    },
    async (request, reply) => {
      const link = await resolvePublicLink(database, request.params.slug, 'evaluation');
      const stored = await loadPublishedEvaluation(database, link.targetId);
      privateHeaders(reply);
      return presentPublicEvaluation(stored, await regionTree(database), linkOf(request, link.slug));
    },
  );

  app.get(
    '/api/public/honours/:slug',
    {
      config,
      schema: {
        summary: '公开的荣誉名单（已发布的名单；链接撤销后 404）',
        tags,
        params: ZSlugParams,
        response: { 200: ZPublicHonours },
      },
    },
    async (request, reply) => {
      const link = await resolvePublicLink(database, request.params.slug, 'honours');
      const list = await loadPublishedHonourList(database, link.targetId);
      privateHeaders(reply);
      return presentPublicHonours(list, linkOf(request, link.slug));
    },
  );

  for (const kind of ['evaluation', 'honours'] as const) {
    for (const format of ['svg', 'png'] as const) {
      app.get(
        `/api/public/${PATHS[kind]}/:slug/qr.${format}`,
        {
          config,
          schema: {
            summary: `短链接的二维码（${format.toUpperCase()}，供印刷）`,
            tags,
            params: ZSlugParams,
          },
        },
        async (request, reply) => {
          const link = await resolvePublicLink(database, request.params.slug, kind);
          const url = shortLinkUrl(publicBase(request), link.slug);
          // Cache-Control is no-store like every /api answer (plugins/security-headers.ts): a QR code
          // is never kept by a cache past its link's revocation.
          reply
            .header('x-robots-tag', 'noindex, nofollow')
            .header('content-disposition', `inline; filename="sibi-${link.slug}.${format}"`);
          if (format === 'svg') {
            const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
            return reply.type('image/svg+xml; charset=utf-8').send(svg);
          }
          const png = await QRCode.toBuffer(url, {
            type: 'png',
            errorCorrectionLevel: 'M',
            margin: 4,
            scale: 8,
          });
          return reply.type('image/png').send(png);
        },
      );
    }
  }

  app.get(
    '/p/:slug',
    {
      config,
      schema: {
        summary: '短链接：302 跳转到公开页面 /public/<slug>；链接撤销或不存在时 404',
        tags,
        params: ZSlugParams,
        response: { 302: z.null().describe('Location: /public/<slug>') },
      },
    },
    async (request, reply) => {
      // Only an open link redirects: a revoked or unknown slug is 404 here too (issue #14), not a
      // redirect to a page that then says it is gone.
      reply.header('cache-control', 'no-store');
      try {
        const link = await resolvePublicLink(database, request.params.slug);
        return reply.redirect(`/public/${link.slug}`, 302);
      } catch (error) {
        if (!(error instanceof NotFoundError) || !request.headers.accept?.includes('text/html')) throw error;
        privateHeaders(reply);
        // A page, not an API answer: outside the route's response schema (which lists the redirect).
        const page = reply as unknown as FastifyReply;
        return page.code(404).type('text/html; charset=utf-8').send(LINK_GONE_HTML);
      }
    },
  );
}
