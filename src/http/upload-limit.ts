import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The largest upload accepted (security.md: input; the spreadsheet reader checks the rest). */
export const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

/** An upload cut off at the limit. HTTP 413. */
export class UploadTooLargeError extends Error {
  override name = 'UploadTooLargeError';
  readonly statusCode = 413;
  constructor() {
    super(`上传文件超过 ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB`);
  }
}

/**
 * Uploads handled at once, per account and for the whole server (SIBI_MAX_UPLOADS): each one may
 * hold a file's records in memory until they are stored, so they are counted, not left to pile up.
 */
export const UPLOAD_CONCURRENCY = {
  perUser: 1,
  perServer: Math.max(1, Number(process.env.SIBI_MAX_UPLOADS ?? 2) || 2),
};
/** Seconds a refused upload is told to wait. */
export const UPLOAD_RETRY_AFTER_SECONDS = 10;

/**
 * Too many requests of one kind at once, for one account or the whole server. HTTP 429 with
 * Retry-After (errors.ts answers every kind the same way).
 */
export class BusyError extends Error {
  readonly statusCode = 429;
  constructor(
    readonly code: string,
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}

/** Too many uploads at once. HTTP 429 with Retry-After. */
export class UploadBusyError extends BusyError {
  override name = 'UploadBusyError';
  constructor(readonly scope: 'user' | 'server') {
    super(
      'too_many_uploads',
      UPLOAD_RETRY_AFTER_SECONDS,
      scope === 'user'
        ? '您已有一个文件正在导入，请等它完成后再上传'
        : '服务器正在处理其他导入，请稍后再上传',
    );
  }
}

export interface ConcurrencyLimits {
  perUser: number;
  perServer: number;
}

/**
 * Counts requests of one kind in progress; `acquire` returns the release function or throws the
 * kind's BusyError.
 */
export class ConcurrencySlots {
  private total = 0;
  private readonly byUser = new Map<string, number>();
  constructor(
    private readonly limits: ConcurrencyLimits,
    private readonly refuse: (scope: 'user' | 'server') => BusyError,
  ) {}

  /** Requests being handled now (the imports-in-progress metric counts uploads). */
  get inUse(): number {
    return this.total;
  }

  acquire(user: string): () => void {
    const mine = this.byUser.get(user) ?? 0;
    if (mine >= this.limits.perUser) throw this.refuse('user');
    if (this.total >= this.limits.perServer) throw this.refuse('server');
    this.total++;
    this.byUser.set(user, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.byUser.get(user) ?? 1) - 1;
      if (left > 0) this.byUser.set(user, left);
      else this.byUser.delete(user);
    };
  }
}

/** Uploads in progress (imports, honours lists). */
export class UploadSlots extends ConcurrencySlots {
  constructor(limits: ConcurrencyLimits = UPLOAD_CONCURRENCY) {
    super(limits, (scope) => new UploadBusyError(scope));
  }
}

/**
 * Holds a slot of `slots` for each request `applies` to, per account (per address before sign-in),
 * from the session check to the end of the response or its abort. The response's 'close' releases it
 * too: a POST aborted after its body was read gets neither onResponse nor onRequestAbort (fastify
 * runs that one only when `req.aborted`, which a read request no longer becomes), so its slot would
 * otherwise be held until the server restarts.
 */
export function limitConcurrentRequests(
  app: FastifyInstance,
  slots: ConcurrencySlots,
  applies: (request: FastifyRequest) => boolean,
): void {
  const release = Symbol('release');
  type Tracked = { [release]?: () => void };
  app.addHook('preHandler', async (request, reply) => {
    if (!applies(request)) return;
    const user = request.auth ? `user:${request.auth.user.id}` : `ip:${request.ip}`;
    const held = slots.acquire(user);
    (request as Tracked)[release] = held;
    reply.raw.once('close', held);
  });
  const done = async (request: FastifyRequest) => {
    (request as Tracked)[release]?.();
  };
  app.addHook('onResponse', done);
  app.addHook('onRequestAbort', done);
}
