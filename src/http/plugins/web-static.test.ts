import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webStatic } from './web-static';

/** A server with the web app in `root` and, after it, a stand-in for the session check. */
async function serverWith(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  await webStatic(app, root);
  app.addHook('onRequest', async (_request, reply) => {
    reply.status(401).send({ error: { code: 'unauthenticated', message: '请先登录', details: null } });
    return reply;
  });
  app.get('/api/thing', async () => ({ ok: true }));
  return app;
}

describe('the web app from the server', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>四比</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await serverWith(dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers index.html for the root and for any page address, revalidated every time', async () => {
    for (const url of ['/', '/admin/users', '/projects/123?tab=reports']) {
      const reply = await app.inject({ url });
      expect(reply.statusCode, url).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expect(reply.headers['cache-control']).toBe('no-cache');
      expect(reply.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a year of caching, other files with revalidation', async () => {
    const asset = await app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('no-cache');
    expect(icon.headers['content-type']).toMatch(/svg/);
  });

  it('answers 404 for a missing asset instead of the app under a script name', async () => {
    expect((await app.inject({ url: '/assets/index-old999.js' })).statusCode).toBe(404);
  });

  it('leaves /api and every write to the session check', async () => {
    expect((await app.inject({ url: '/api/thing' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/nothing' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/admin/users', method: 'POST' })).statusCode).toBe(401);
  });

  it('never serves a file outside the build folder', async () => {
    for (const url of [
      '/../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fx',
    ]) {
      const reply = await app.inject({ url });
      expect([200, 404], url).toContain(reply.statusCode);
      if (reply.statusCode === 200) expect(reply.body, url).toContain('<div id="root">');
    }
  });

  it('says in Chinese how to build the app when it is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sibi-web-empty-'));
    const bare = await serverWith(join(empty, 'dist'));
    try {
      const reply = await bare.inject({ url: '/' });
      expect(reply.statusCode).toBe(503);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expect(reply.body).toContain('网页界面尚未构建');
      expect(reply.body).toContain('npm run build:web');
      expect((await bare.inject({ url: '/api/thing' })).statusCode).toBe(401);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
