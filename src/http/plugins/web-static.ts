// The web app (web/dist, built by `npm run build:web`) from the same server as the API: a file
// when one matches, otherwise index.html, so /projects/123 opens the app at that page. The bundle
// holds no data, so it is public; it is served before the session check and outside the route
// table (the authorization matrix covers the API). Hashed assets are cached for a year,
// index.html is revalidated every time so a new version is picked up at once.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const WEB_DIST = resolve(import.meta.dirname, '..', '..', '..', 'web', 'dist');

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>四比：网页界面尚未构建</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.7">
<h1>网页界面尚未构建</h1>
<p>请在项目目录运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建），然后刷新本页。</p>
<p>API 不受影响，仍在 <code>/api</code> 下提供。</p>
<p lang="en">The web app is not built yet: run <code>npm run build:web</code> and reload.</p>
</body></html>
`;

const ASSET_CACHE = 'public, max-age=31536000, immutable';

export async function webStatic(app: FastifyInstance, root = process.env.SIBI_WEB_DIR || WEB_DIST) {
  const webRoot = resolve(root);
  // @fastify/static for sendFile (ETag, Last-Modified, ranges, content types); routes are ours.
  // Each sendFile names webRoot, so a build made after the start is served too.
  await app.register(fastifyStatic, {
    root: existsSync(webRoot) ? webRoot : dirname(webRoot),
    serve: false,
    decorateReply: true,
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return;
    // Short links (/p/<slug>) are a server route (routes/public-results.ts), not a page.
    if (path.startsWith('/p/')) return;
    if (path === '/metrics') return; // Prometheus, a server route (http/metrics.ts)
    if (!existsSync(join(webRoot, 'index.html'))) {
      reply.status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT);
      return finished(reply);
    }
    const file = fileFor(webRoot, path);
    if (file) {
      const hashed = file.startsWith(`assets${sep}`) || file.startsWith('assets/');
      reply.header('cache-control', hashed ? ASSET_CACHE : 'no-cache');
      reply.sendFile(file, webRoot, { cacheControl: false });
      return finished(reply);
    }
    // A missing hashed asset is an old version's file: 404, not the app's HTML under a .js name.
    if (path.startsWith('/assets/')) {
      reply.status(404).type('text/plain; charset=utf-8').send('Not Found');
      return finished(reply);
    }
    reply.header('cache-control', 'no-cache');
    reply.sendFile('index.html', webRoot, { cacheControl: false });
    return finished(reply);
  });
}

/** The file under root that a URL path names, relative to root; null if none (or outside root). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  if (relative === '' || relative === 'index.html') return null;
  const full = resolve(root, relative);
  if (!full.startsWith(root + sep)) return null;
  try {
    return statSync(full).isFile() ? relative : null;
  } catch {
    return null;
  }
}

/**
 * Resolves once the response has gone out: the request then skips the session check and the
 * router (Fastify stops at a hook once the reply is sent).
 */
function finished(reply: FastifyReply): Promise<FastifyReply> {
  return new Promise((done) => {
    if (reply.raw.writableEnded) return done(reply);
    const end = () => done(reply);
    reply.raw.once('finish', end);
    reply.raw.once('close', end);
  });
}
