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

/** Too many uploads at once. HTTP 429 with Retry-After. */
export class UploadBusyError extends Error {
  override name = 'UploadBusyError';
  readonly statusCode = 429;
  constructor(readonly scope: 'user' | 'server') {
    super(
      scope === 'user'
        ? '您已有一个文件正在导入，请等它完成后再上传'
        : '服务器正在处理其他导入，请稍后再上传',
    );
  }
}

/** Counts uploads in progress; `acquire` returns the release function or throws UploadBusyError. */
export class UploadSlots {
  private total = 0;
  private readonly byUser = new Map<string, number>();
  constructor(private readonly limits = UPLOAD_CONCURRENCY) {}

  /** Uploads being handled now (the imports-in-progress metric). */
  get inUse(): number {
    return this.total;
  }

  acquire(user: string): () => void {
    const mine = this.byUser.get(user) ?? 0;
    if (mine >= this.limits.perUser) throw new UploadBusyError('user');
    if (this.total >= this.limits.perServer) throw new UploadBusyError('server');
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
