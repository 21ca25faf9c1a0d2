// The Fastify application: security plugins first, then one route file per resource.

import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { APP_VERSION } from '../app-version';
import type { Database } from '../services/database';
import { ReadCache } from '../services/read-cache';
import { registerErrorHandler } from './errors';
import { limitHeavyRequests } from './heavy-requests';
import { serializeErrorForLog } from './log-safety';
import { registerMetrics } from './metrics';
import { refuseNulCharacters } from './nul-guard';
import { securityHeaders } from './plugins/security-headers';
import { sessionHook } from './plugins/session';
import { webStatic } from './plugins/web-static';
import type { AppDeps } from './request-auth';
import { echoRequestId, requestIdOf } from './request-id';
import { registerRoutes } from './routes';
import type { LoginRateLimit } from './routes/auth';
import { installZodSchemas, openApiTransform } from './schema/zod-provider';

export { UPLOAD_LIMIT_BYTES } from './upload-limit';

import { limitConcurrentRequests, UPLOAD_LIMIT_BYTES, UploadSlots } from './upload-limit';

export interface AppOptions {
  database: Database;
  logger?: boolean;
  /** The time the server believes it is (tests move it to check timeouts and deadlines). */
  clock?: () => Date;
  /** Started with --demo: demo accounts are published at /api/public/demo-accounts. */
  demo?: boolean;
  /** Login attempts per IP address and time window (ms). */
  loginRateLimit?: LoginRateLimit;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
  /** Bearer token for /metrics (default SIBI_METRICS_TOKEN); without one, loopback without a proxy only. */
  metricsToken?: string;
  /** Where log lines go when `logger` is on (default stdout; tests read them). */
  logStream?: { write(line: string): void };
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, in order: what the authorization matrix test walks. */
    registeredRoutes: RegisteredRoute[];
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Errors are logged without SQL parameters or quoted values (log-safety.ts).
    logger: options.logger
      ? {
          serializers: { err: serializeErrorForLog },
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    requestIdHeader: false,
    genReqId: requestIdOf,
    bodyLimit: 1_048_576,
    trustProxy: options.trustProxy ?? false,
    exposeHeadRoutes: false,
    // fastify gives a plugin 10 s to load by default; on a busy 2-core host (a backup, an import and
    // the OpenAPI build at once) the start took longer and the server gave up ("Plugin did not start
    // in time"). A slow start is better than none.
    pluginTimeout: 120_000,
  });
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, access: route.config?.access ?? 'session' });
    }
  });
  const deps: AppDeps = {
    database: options.database,
    clock: options.clock ?? (() => new Date()),
    demo: options.demo ?? false,
    readCache: new ReadCache(options.database),
  };
  installZodSchemas(app);
  echoRequestId(app);
  refuseNulCharacters(app);
  registerErrorHandler(app, deps);
  securityHeaders(app);
  await webStatic(app); // the web app, before the session check: the bundle is public
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 10, parts: 11 },
  });
  sessionHook(app, deps);
  const uploads = new UploadSlots();
  // Multipart uploads: one per account, a few per server (429 with Retry-After past that).
  limitConcurrentRequests(app, uploads, (request) => request.isMultipart());
  limitHeavyRequests(app);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'sibi 四比 API',
        version: APP_VERSION,
        description: '会话 Cookie 认证；写操作须带 x-csrf-token 请求头。',
      },
    },
    transform: openApiTransform as never,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // After swagger: /metrics is documented like every route (openapi.test.ts).
  registerMetrics(app, {
    database: options.database,
    importsInProgress: () => uploads.inUse,
    token: options.metricsToken ?? (process.env.SIBI_METRICS_TOKEN?.trim() || undefined),
    trustProxy: options.trustProxy ?? false,
    readCache: deps.readCache,
  });
  registerRoutes(app, deps, options.loginRateLimit ?? { max: 20, timeWindow: 60_000 });
  return app;
}
