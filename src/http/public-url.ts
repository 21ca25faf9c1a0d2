// The absolute address a short link and its QR code carry. The operator sets SIBI_PUBLIC_URL (e.g.
// https://sibi.example.gov.cn): the address the public reaches the server at, which only the
// operator knows. Without it, the address this server itself listens on (the connection's local
// address and port), so a link is never built from what a client wrote: a forged Host or
// X-Forwarded-Host header used to make the office print a QR code pointing at another site
// (issue #14). That fallback suits a server reached directly; behind a proxy, set SIBI_PUBLIC_URL.
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';

export interface PublicBase {
  origin: string;
  /** True when the origin came from SIBI_PUBLIC_URL, not from the server's own address. */
  configured: boolean;
}

export function publicBase(request: FastifyRequest, env: NodeJS.ProcessEnv = process.env): PublicBase {
  const configured = env.SIBI_PUBLIC_URL?.trim();
  if (configured) {
    const url = new URL(configured);
    return { origin: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, configured: true };
  }
  const socket = request.socket as Partial<TLSSocket> | undefined;
  const protocol = socket?.encrypted ? 'https' : 'http';
  const address = (socket?.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.)/, '');
  const host = address.includes(':') ? `[${address}]` : address;
  const port = socket?.localPort;
  const defaultPort = protocol === 'https' ? 443 : 80;
  return {
    origin: `${protocol}://${host}${port && port !== defaultPort ? `:${port}` : ''}`,
    configured: false,
  };
}

export const shortLinkUrl = (base: PublicBase, slug: string) => `${base.origin}/p/${slug}`;
