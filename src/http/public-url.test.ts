// The address a short link and its QR code carry: SIBI_PUBLIC_URL when set, else the address the
// server listens on — never the Host or X-Forwarded-Host header a client wrote (issue #14).
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { publicBase, shortLinkUrl } from './public-url';

const request = (host: string, socket: Record<string, unknown>, protocol = 'http') =>
  ({ host, protocol, socket, headers: { host, 'x-forwarded-host': host } }) as unknown as FastifyRequest;
const plain = { localAddress: '10.0.0.5', localPort: 3000 };

describe('publicBase', () => {
  it('takes SIBI_PUBLIC_URL when set, whatever the request says', () => {
    const base = publicBase(request('10.0.0.5:3000', plain), {
      SIBI_PUBLIC_URL: 'https://sibi.example.gov.cn/',
    });
    expect(base).toEqual({ origin: 'https://sibi.example.gov.cn', configured: true });
    expect(shortLinkUrl(base, 'k7m3x9qa2b')).toBe('https://sibi.example.gov.cn/p/k7m3x9qa2b');
    expect(publicBase(request('x', plain), { SIBI_PUBLIC_URL: 'https://gov.cn/sibi/' }).origin).toBe(
      'https://gov.cn/sibi',
    );
  });

  it('falls back to the address the server listens on, never to the Host header', () => {
    expect(publicBase(request('phish.example', plain), {})).toEqual({
      origin: 'http://10.0.0.5:3000',
      configured: false,
    });
    expect(publicBase(request('evil.com/"><script>', plain, 'https'), {}).origin).toBe(
      'http://10.0.0.5:3000',
    );
    const tls = { localAddress: '::ffff:192.168.1.9', localPort: 443, encrypted: true };
    expect(publicBase(request('phish.example', tls), {}).origin).toBe('https://192.168.1.9');
    const v6 = { localAddress: '::1', localPort: 8080 };
    expect(publicBase(request('phish.example', v6), {}).origin).toBe('http://[::1]:8080');
  });
});
