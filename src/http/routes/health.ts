import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';

export function healthRoutes(app: FastifyInstance, database: Database): void {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Liveness and database kind',
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string' }, database: { type: 'string' } },
          },
        },
      },
    },
    async () => ({ status: 'ok', database: database.kind }),
  );
}
