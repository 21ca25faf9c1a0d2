// The address a short link and its QR code carry: SIBI_PUBLIC_URL when set (behind a proxy the Host
// header is not to be trusted), else the request's own origin, with a malformed Host never echoed.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { publicBase, shortLinkUrl } from './public-url';

const request = (host: string, protocol = 'http') => ({ host, protocol }) as unknown as FastifyRequest;

describe('publicBase', () => {
  it('takes SIBI_PUBLIC_URL when set, whatever the request says', () => {
    const base = publicBase(request('10.0.0.5:3000'), { SIBI_PUBLIC_URL: 'https://sibi.example.gov.cn/' });
    expect(base).toEqual({ origin: 'https://sibi.example.gov.cn', configured: true });
    expect(shortLinkUrl(base, 'k7m3x9qa2b')).toBe('https://sibi.example.gov.cn/p/k7m3x9qa2b');
    expect(publicBase(request('x'), { SIBI_PUBLIC_URL: 'https://gov.cn/sibi/' }).origin).toBe(
      'https://gov.cn/sibi',
    );
  });

  it('falls back to the request origin, and never to a malformed host', () => {
    expect(publicBase(request('127.0.0.1:3000'), {})).toEqual({
      origin: 'http://127.0.0.1:3000',
      configured: false,
    });
    expect(publicBase(request('sibi.local', 'https'), {}).origin).toBe('https://sibi.local');
    expect(publicBase(request('evil.com/"><script>', 'http'), {}).origin).toBe('http://localhost');
    expect(publicBase(request('a.b', 'javascript'), {}).origin).toBe('http://a.b');
  });
});
