// Heavy requests (issue #14 item 5): sensitivity runs, what-it-takes searches and statistical
// audits (thousands of re-rankings, correlation matrices), exports (every row of a kind), and the
// audit log (its list and export). One read-only account sending them in parallel held the CPU and the connection pool for everyone, so
// each account may run HEAVY_CONCURRENCY.perUser of them at once and the server perServer
// (SIBI_MAX_HEAVY); past that the request is answered 429 with Retry-After at once, before any work.
// Lists and ordinary reads are never counted. Replications and page depth are capped as well
// (evaluations.types.ts, db/paging.ts), so each single request is bounded too.
//
// Jobs (routes/jobs*.ts, services/jobs/job-manager.ts) are the same work run in the background: a
// running job holds one of the same slots, so an account's running jobs and heavy requests together
// stay within perUser, and the server's within perServer. A job that finds no free slot waits in the
// job queue (it is not refused); an account may have MAX_UNFINISHED_PER_USER jobs queued or running.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { JobManager, MAX_UNFINISHED_PER_USER } from '../services/jobs/job-manager';
import { closeWorkerPool } from '../services/jobs/worker-pool';
import { BusyError, type ConcurrencyLimits, ConcurrencySlots, limitConcurrentRequests } from './upload-limit';

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

/** An account with MAX_UNFINISHED_PER_USER jobs queued or running starts no other. HTTP 429. */
export class JobsBusyError extends BusyError {
  override name = 'JobsBusyError';
  constructor() {
    super(
      'too_many_jobs',
      HEAVY_RETRY_AFTER_SECONDS,
      `您已有 ${MAX_UNFINISHED_PER_USER} 个后台任务在排队或运行，请等它们完成（或取消）后再试`,
    );
  }
}

export const isHeavy = (request: FastifyRequest) =>
  HEAVY_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`);

/** The heavy-work slots, shared by heavy requests (refused when full) and jobs (queued when full). */
export class HeavySlots extends ConcurrencySlots {
  private readonly listeners: (() => void)[] = [];
  constructor(limits: ConcurrencyLimits = HEAVY_CONCURRENCY) {
    super(limits, (scope) => new HeavyBusyError(scope));
  }

  override acquire(user: string): () => void {
    const release = super.acquire(user);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
      for (const listener of this.listeners) listener();
    };
  }

  tryAcquire(user: string): (() => void) | null {
    try {
      return this.acquire(user);
    } catch (error) {
      if (error instanceof HeavyBusyError) return null;
      throw error;
    }
  }

  onRelease(listener: () => void): void {
    this.listeners.push(listener);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The background jobs of this server (routes/jobs*.ts). */
    jobs: JobManager;
  }
}

/** Minutes a finished job and its result are kept (SIBI_JOB_TTL_MINUTES, default 60). */
const JOB_TTL_MS = Math.max(1, Number(process.env.SIBI_JOB_TTL_MINUTES ?? 60) || 60) * 60_000;
/** Megabytes the results of finished jobs may take together (SIBI_JOB_RESULTS_MB, default 512). */
const JOB_RESULTS_BYTES = Math.max(1, Number(process.env.SIBI_JOB_RESULTS_MB ?? 512) || 512) * 1024 * 1024;

/** Heavy requests counted and refused past the limits; jobs queued on the same slots (`app.jobs`). */
export function limitHeavyRequests(app: FastifyInstance, limits = HEAVY_CONCURRENCY): void {
  const slots = new HeavySlots(limits);
  limitConcurrentRequests(app, slots, isHeavy);
  const jobs = new JobManager({
    slots,
    refuse: () => new JobsBusyError(),
    resultTtlMs: JOB_TTL_MS,
    maxResultBytes: JOB_RESULTS_BYTES,
  });
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => {
    jobs.close();
    await closeWorkerPool();
  });
}
