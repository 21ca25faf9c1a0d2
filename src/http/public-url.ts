// The absolute address a short link and its QR code carry. Behind a reverse proxy the Host header
// the server sees may be the proxy's upstream name, so the operator sets SIBI_PUBLIC_URL (e.g.
// https://sibi.example.gov.cn); without it the request's own origin is used (protocol and host as
// Fastify reads them, X-Forwarded-* only with trustProxy), and answers built from it are private.
import type { FastifyRequest } from 'fastify';

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

export interface PublicBase {
  origin: string;
  /** True when the origin came from SIBI_PUBLIC_URL, not from the request. */
  configured: boolean;
}

export function publicBase(request: FastifyRequest, env: NodeJS.ProcessEnv = process.env): PublicBase {
  const configured = env.SIBI_PUBLIC_URL?.trim();
  if (configured) {
    const url = new URL(configured);
    return { origin: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, configured: true };
  }
  const host = HOST.test(request.host) ? request.host : 'localhost';
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  return { origin: `${protocol}://${host}`, configured: false };
}

export const shortLinkUrl = (base: PublicBase, slug: string) => `${base.origin}/p/${slug}`;
