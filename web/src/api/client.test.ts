// The web's requests and the server's entity tags: a GET sends back the tag of the answer it keeps,
// a 304 gives the kept answer, an answer without a tag forgets the old one, writes never send a tag,
// and a new session starts with none.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, setCsrfToken } from './client';

interface Sent {
  url: string;
  method: string;
  ifNoneMatch: string | undefined;
}

describe('entity tags in the web client', () => {
  let sent: Sent[];
  let replies: Response[];

  beforeEach(() => {
    sent = [];
    replies = [];
    setCsrfToken('session-a');
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      sent.push({ url, method: init.method ?? 'GET', ifNoneMatch: headers['if-none-match'] });
      const reply = replies.shift();
      if (!reply) throw new Error(`no reply prepared for ${url}`);
      return reply;
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken('');
  });

  const json = (body: unknown, etag?: string) =>
    new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json', ...(etag ? { etag } : {}) },
    });
  const notModified = (etag: string) => new Response(null, { status: 304, headers: { etag } });

  it('sends the kept tag back and answers a 304 with the kept answer', async () => {
    replies.push(json({ total: 1 }, '"1-abc"'), notModified('"1-abc"'), json({ total: 2 }, '"2-abc"'));
    expect(await api.get('/api/dashboard', { region: '410300' })).toEqual({ total: 1 });
    expect(await api.get('/api/dashboard', { region: '410300' })).toEqual({ total: 1 });
    expect(await api.get('/api/dashboard', { region: '410300' })).toEqual({ total: 2 });
    expect(sent.map((s) => s.ifNoneMatch)).toEqual([undefined, '"1-abc"', '"1-abc"']);
    expect(sent[0]!.url).toBe('/api/dashboard?region=410300');
  });

  it('keeps tags per address, never sends one with a write, and forgets an answer that has none', async () => {
    replies.push(
      json({ a: 1 }, '"1-a"'),
      json({ b: 1 }, '"1-b"'),
      json({ ok: true }),
      json({ a: 2 }),
      json({ a: 3 }, '"3-a"'),
    );
    await api.get('/api/stats');
    await api.get('/api/warnings');
    await api.post('/api/reports', {});
    await api.get('/api/stats'); // untagged now: the kept answer goes
    await api.get('/api/stats');
    expect(sent.map((s) => [s.method, s.url, s.ifNoneMatch])).toEqual([
      ['GET', '/api/stats', undefined],
      ['GET', '/api/warnings', undefined],
      ['POST', '/api/reports', undefined],
      ['GET', '/api/stats', '"1-a"'],
      ['GET', '/api/stats', undefined],
    ]);
  });

  it('starts a new session without the last one’s answers', async () => {
    replies.push(json({ who: 'a' }, '"1-x"'), json({ who: 'b' }, '"1-y"'), json({ who: 'b' }, '"1-y"'));
    await api.get('/api/todos');
    setCsrfToken('session-b');
    await api.get('/api/todos');
    setCsrfToken('session-b'); // the same session read again (/api/auth/me): kept
    await api.get('/api/todos');
    expect(sent.map((s) => s.ifNoneMatch)).toEqual([undefined, undefined, '"1-y"']);
  });
});
