// Prometheus metrics at /metrics (issue #14 item 10): requests and latency by route pattern (the
// route as registered, /api/projects/:code — never the raw URL, which would hold ids and make a
// series per project), the PostgreSQL pool, imports in progress, background jobs by kind and state, and the process's own figures
// (event-loop delay, memory, CPU) from prom-client's default collectors.
//
// Who may read it (docs/security.md, "Metrics"): the figures describe the deployment (routes in use,
// load, memory), so the internet must not read them. With SIBI_METRICS_TOKEN set, a scraper sends
// `Authorization: Bearer <token>` (compared in constant time), from anywhere. Without a token, only a
// client on this machine's loopback address, and only when no proxy is in front (behind a reverse
// proxy every visitor arrives from the proxy's loopback address, and X-Forwarded-For is the
// visitor's to write): so a request with X-Forwarded-For, or any request while SIBI_TRUST_PROXY=1,
// needs the token. Everyone else gets the same 404 as any unknown path.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { NOT_FOUND_MESSAGE } from '../policies/authorize';
import type { Database } from '../services/database';
import type { ReadCacheStats } from '../services/read-cache';

export interface MetricsOptions {
  database: Database;
  /** Imports (multipart uploads) being handled now. */
  importsInProgress: () => number;
  /** SIBI_METRICS_TOKEN: a scraper's bearer token; without it, loopback clients without a proxy only. */
  token?: string;
  trustProxy: boolean;
  /** The server's cached reads (src/services/read-cache.ts): answers from the cache and computed. */
  readCache?: { stats: ReadCacheStats };
}

interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function registerMetrics(app: FastifyInstance, options: MetricsOptions): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'sibi_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'sibi_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const pool = poolOf(options.database);
  new Gauge({
    name: 'sibi_db_pool_connections',
    help: 'PostgreSQL pool: connections open (total), idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      if (!pool) return;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new Gauge({
    name: 'sibi_imports_in_progress',
    help: 'File imports (uploads) being handled now',
    registers: [registry],
    collect() {
      this.set(options.importsInProgress());
    },
  });

  new Gauge({
    name: 'sibi_jobs',
    help: 'Background jobs by kind and state (queued, running; and those finished and still kept)',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    collect() {
      for (const { kind, state, count } of app.jobs?.counts() ?? []) this.set({ kind, state }, count);
    },
  });

  new Counter({
    name: 'sibi_read_cache_answers_total',
    help: 'Cached reads: answers handed out from the cache (hit), computed (miss), computed but not kept as a commit came in meanwhile (discarded)',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      const stats = options.readCache?.stats;
      if (!stats) return;
      this.reset();
      this.inc({ result: 'hit' }, stats.hits);
      this.inc({ result: 'miss' }, stats.misses);
      this.inc({ result: 'discarded' }, stats.discarded);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = routeLabel(request);
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get(
    '/metrics',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Prometheus 指标（本机回环地址且无反向代理，或携带 SIBI_METRICS_TOKEN 令牌；否则 404）',
        tags: ['public'],
      },
    },
    async (request, reply) => {
      if (!mayRead(request, options)) {
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: NOT_FOUND_MESSAGE, details: null } });
      }
      reply.header('cache-control', 'no-store').type(registry.contentType);
      return registry.metrics();
    },
  );
}

/** The registered pattern; requests no route matched (web pages, unknown paths) share one label. */
function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? '(none)';
}

function mayRead(request: FastifyRequest, options: MetricsOptions): boolean {
  if (options.token) {
    const given = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1] ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(options.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
  if (options.trustProxy || request.headers['x-forwarded-for'] !== undefined) return false;
  return LOOPBACK.has(request.socket.remoteAddress ?? '');
}

function poolOf(database: Database): PoolCounts | null {
  if (database.kind !== 'postgres') return null;
  const client = (database.db as unknown as { $client?: Partial<PoolCounts> }).$client;
  return typeof client?.totalCount === 'number' ? (client as PoolCounts) : null;
}
