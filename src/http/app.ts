// The Fastify application: plugins, error shape, one route file per resource.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../db/client';
import { registerErrorHandler } from './errors';
import { healthRoutes } from './routes/health';
import { statsRoutes } from './routes/stats';

export interface AppOptions {
  database: Database;
  logger?: boolean;
}

export async function buildApp({ database, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: 1_048_576, trustProxy: false });
  registerErrorHandler(app);
  await app.register(swagger, {
    openapi: { info: { title: 'sibi 四比 API', version: '0.1.0' } },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  healthRoutes(app, database);
  statsRoutes(app, database);
  return app;
}
