// Heavy requests (issue #14 item 5): sensitivity runs, what-it-takes searches and statistical
// audits (thousands of re-rankings, correlation matrices), exports (every row of a kind), and the
// audit log (its list and export). One read-only account sending them in parallel held the CPU and the connection pool for everyone, so
// each account may run HEAVY_CONCURRENCY.perUser of them at once and the server perServer
// (SIBI_MAX_HEAVY); past that the request is answered 429 with Retry-After at once, before any work.
// Lists and ordinary reads are never counted. Replications and page depth are capped as well
// (evaluations.types.ts, db/paging.ts), so each single request is bounded too.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BusyError, ConcurrencySlots, limitConcurrentRequests } from './upload-limit';

/** The heavy routes, as registered (method and pattern). */
export const HEAVY_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/evaluations/draft/sensitivity',
  'GET /api/evaluations/:id/sensitivity',
  'POST /api/evaluations/draft/what-it-takes',
  'GET /api/evaluations/:id/what-it-takes',
  'POST /api/evaluations/draft/audit',
  'GET /api/evaluations/:id/audit',
  'GET /api/export/:kind',
  'GET /api/export/oc4ids',
  'GET /api/audit',
  'GET /api/audit/export',
]);

export const HEAVY_CONCURRENCY = {
  perUser: 2,
  perServer: Math.max(1, Number(process.env.SIBI_MAX_HEAVY ?? 4) || 4),
};
/** Seconds a refused heavy request is told to wait. */
export const HEAVY_RETRY_AFTER_SECONDS = 5;

export class HeavyBusyError extends BusyError {
  override name = 'HeavyBusyError';
  constructor(readonly scope: 'user' | 'server') {
    super(
      'too_many_heavy_requests',
      HEAVY_RETRY_AFTER_SECONDS,
      scope === 'user'
        ? `您已有 ${HEAVY_CONCURRENCY.perUser} 个耗时的请求（稳健性分析、导出或审计日志）正在处理，请等它们完成后再试`
        : '服务器正在处理其他耗时的请求（稳健性分析、导出或审计日志），请稍后再试',
    );
  }
}

export const isHeavy = (request: FastifyRequest) =>
  HEAVY_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`);

export function limitHeavyRequests(app: FastifyInstance, limits = HEAVY_CONCURRENCY): void {
  limitConcurrentRequests(app, new ConcurrencySlots(limits, (scope) => new HeavyBusyError(scope)), isHeavy);
}
