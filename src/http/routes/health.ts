// Health probes (issue #14 item 10). /api/health/live: the process answers (restart it when this
// fails); it never touches the database, so a database outage does not get the server restarted in
// a loop. /api/health/ready: the database answers a query too (send no traffic when this fails): 503
// with Retry-After while it is away, as any request would get (src/services/database.ts).
// /api/health is the older combined form (process and database kind), kept for existing probes.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { probeDatabase } from '../../services/database';
import type { AppDeps } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';

/** A readiness probe that waits longer than this for the database counts it as away. */
export const READY_TIMEOUT_MS = 3_000;

const ZDatabaseKind = z.enum(['pglite', 'postgres']);

export function healthRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Liveness and database kind',
        tags,
        response: { 200: z.object({ status: z.literal('ok'), database: ZDatabaseKind }) },
      },
    },
    async () => ({ status: 'ok' as const, database: deps.database.kind }),
  );
  app.get(
    '/api/health/live',
    {
      config: { access: 'public' },
      schema: {
        summary: '存活探针：进程在响应（不访问数据库）',
        tags,
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/health/ready',
    {
      config: { access: 'public' },
      schema: {
        summary: '就绪探针：数据库可查询（不可用时 503）',
        tags,
        response: { 200: z.object({ status: z.literal('ok'), database: ZDatabaseKind }) },
      },
    },
    async () => {
      await probeDatabase(deps.database, READY_TIMEOUT_MS);
      return { status: 'ok' as const, database: deps.database.kind };
    },
  );
}
