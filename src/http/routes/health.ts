import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';

export function healthRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Liveness and database kind',
        tags: ['public'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: deps.database.kind }),
  );
}
