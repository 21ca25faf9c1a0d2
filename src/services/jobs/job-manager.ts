// Long work as a job (issue #14 item 5): sensitivity runs, what-it-takes searches, statistical
// audits and full exports start, answer at once with the job's id, and run in the background while
// the client polls for state and progress, fetches the result, or cancels.
//
// Decisions (docs/api.md → 后台任务, docs/operations.md → 后台任务):
// - In memory, per server process: a restart (or crash) loses every job and its result, and the
//   client starts it again. Behind a load balancer a job's requests must reach the server that runs
//   it (sticky sessions), or run one server for jobs.
// - A running job holds one of the heavy-work slots (per account and per server, shared with the
//   heavy requests that answer in place, http/heavy-requests.ts). A job that finds no slot waits in
//   a queue, first come first served; an account may have MAX_UNFINISHED_PER_USER jobs queued or
//   running, past that it is refused (429).
// - Results are files in a private temporary folder, kept for `resultTtlMs` after the job ends (then
//   the job and its file are gone: 404), and at most `maxResultBytes` together (the oldest finished
//   jobs go first).
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_KINDS = [
  'draft-sensitivity',
  'sensitivity',
  'draft-what-it-takes',
  'what-it-takes',
  'draft-audit',
  'audit',
  'export',
  'oc4ids',
  'audit-log',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** An account may have this many jobs queued or running at once. */
export const MAX_UNFINISHED_PER_USER = 5;

export interface JobProgress {
  /** 0 to 1. */
  fraction: number;
  /** What it is doing, in Chinese (读取数据, 计算中 300/1000 …). */
  phase: string;
}

export interface JobResult {
  path: string;
  contentType: string;
  fileName: string;
  bytes: number;
}

export interface JobError {
  code: string;
  message: string;
}

export interface Job {
  id: string;
  kind: JobKind;
  /** The account that started it: the only one who sees it. */
  ownerId: number;
  state: JobState;
  progress: JobProgress;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  result: JobResult | null;
  error: JobError | null;
}

/** What the work of a job is handed. */
export interface JobContext {
  signal: AbortSignal;
  progress(fraction: number, phase: string): void;
  /** Writes the result file (in the job's own folder) and returns it. */
  save(content: string | Buffer, file: { contentType: string; fileName: string }): Promise<JobResult>;
  /** A path in the job's own folder, for work that writes its file itself. */
  pathFor(name: string): string;
  /** The result, for a file written at `pathFor(name)`. */
  saved(name: string, file: { contentType: string; fileName: string }): Promise<JobResult>;
}

export type JobWork = (ctx: JobContext) => Promise<JobResult>;

/** The heavy-work slots a running job holds (http/heavy-requests.ts). */
export interface JobSlots {
  /** A release function, or null when the account or the server has no slot free. */
  tryAcquire(user: string): (() => void) | null;
  /** Called whenever a slot is released. */
  onRelease(listener: () => void): void;
}

export interface JobManagerOptions {
  slots: JobSlots;
  /** The error an account past MAX_UNFINISHED_PER_USER gets (429). */
  refuse: () => Error;
  resultTtlMs?: number;
  maxResultBytes?: number;
  now?: () => Date;
  /** Called when a job ends (done, failed or cancelled): the audit of a failure, metrics. */
  onFinish?: (job: Job) => void;
}

/** The errors of the caller's input or of the rules (the request would have answered 4xx): their message is shown. */
const TOLD: Record<string, string> = {
  UsageError: 'bad_request',
  InputRejectedError: 'rejected',
  RuleViolationError: 'rule_violation',
  NotFoundError: 'not_found',
  ConflictError: 'conflict',
};

/** What a failed job reports: the message of an error the caller can act on, else a general one. */
function jobErrorOf(error: unknown): JobError {
  const code = error instanceof Error ? TOLD[error.name] : undefined;
  if (code) return { code, message: (error as Error).message };
  return { code: 'job_failed', message: '任务失败，请稍后重试' };
}

interface Entry {
  job: Job;
  work: JobWork;
  controller: AbortController;
  dir: string;
}

export class JobManager {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  private readonly root: string;
  private readonly ttl: number;
  private readonly maxBytes: number;
  private readonly now: () => Date;
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: JobManagerOptions) {
    this.root = mkdtempSync(join(tmpdir(), 'sibi-jobs-'));
    this.ttl = options.resultTtlMs ?? 3600_000;
    this.maxBytes = options.maxResultBytes ?? 512 * 1024 * 1024;
    this.now = options.now ?? (() => new Date());
    options.slots.onRelease(() => this.pump());
    this.sweeper = setInterval(() => void this.sweep(), Math.min(60_000, this.ttl)).unref();
  }

  /** Queues the work; it starts as soon as the owner and the server have a heavy-work slot. */
  start(ownerId: number, kind: JobKind, work: JobWork): Job {
    if (this.closed) throw new Error('job manager closed');
    const unfinished = [...this.entries.values()].filter(
      (e) => e.job.ownerId === ownerId && (e.job.state === 'queued' || e.job.state === 'running'),
    ).length;
    if (unfinished >= MAX_UNFINISHED_PER_USER) throw this.options.refuse();
    const id = randomUUID();
    const job: Job = {
      id,
      kind,
      ownerId,
      state: 'queued',
      progress: { fraction: 0, phase: '排队等候' },
      createdAt: this.now(),
      startedAt: null,
      finishedAt: null,
      result: null,
      error: null,
    };
    const dir = join(this.root, id);
    mkdirSync(dir);
    const entry: Entry = { job, work, controller: new AbortController(), dir };
    this.entries.set(id, entry);
    this.queue.push(entry);
    this.pump();
    return job;
  }

  get(id: string): Job | undefined {
    return this.entries.get(id)?.job;
  }

  /** The owner's jobs, newest first. */
  listOf(ownerId: number): Job[] {
    return [...this.entries.values()]
      .map((e) => e.job)
      .filter((job) => job.ownerId === ownerId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** Cancels a queued or running job (a finished one stays as it is); false when there is none. */
  cancel(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    const { job } = entry;
    if (job.state !== 'queued' && job.state !== 'running') return true;
    const queued = this.queue.indexOf(entry);
    if (queued >= 0) this.queue.splice(queued, 1);
    this.finish(entry, 'cancelled');
    entry.controller.abort();
    return true;
  }

  /** Jobs by kind and state (metrics). */
  counts(): { kind: JobKind; state: JobState; count: number }[] {
    const counts = new Map<string, number>();
    for (const { job } of this.entries.values()) {
      const key = `${job.kind} ${job.state}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return JOB_KINDS.flatMap((kind) =>
      JOB_STATES.map((state) => ({ kind, state, count: counts.get(`${kind} ${state}`) ?? 0 })),
    );
  }

  /** Aborts every unfinished job and removes every result (server shutdown). */
  close(): void {
    this.closed = true;
    clearInterval(this.sweeper);
    this.queue.length = 0;
    for (const entry of this.entries.values()) {
      if (entry.job.state === 'queued' || entry.job.state === 'running') {
        this.finish(entry, 'cancelled');
        entry.controller.abort();
      }
    }
    this.entries.clear();
    rmSync(this.root, { recursive: true, force: true });
  }

  /** Starts queued jobs, in order, while their owners and the server have slots. */
  private pump(): void {
    for (let i = 0; i < this.queue.length && !this.closed; ) {
      const entry = this.queue[i]!;
      const release = this.options.slots.tryAcquire(`user:${entry.job.ownerId}`);
      if (!release) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      void this.run(entry, release);
    }
  }

  private async run(entry: Entry, release: () => void): Promise<void> {
    const { job, controller, dir } = entry;
    job.state = 'running';
    job.startedAt = this.now();
    job.progress = { fraction: 0, phase: '开始' };
    const file = (name: string) => join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_'));
    const saved = async (name: string, meta: { contentType: string; fileName: string }) => ({
      path: file(name),
      bytes: (await stat(file(name))).size,
      ...meta,
    });
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (fraction, phase) => {
        if (job.state === 'running') job.progress = { fraction: Math.max(0, Math.min(1, fraction)), phase };
      },
      pathFor: file,
      saved,
      save: async (content, meta) => {
        await writeFile(file('result'), content);
        return saved('result', meta);
      },
    };
    try {
      const result = await entry.work(ctx);
      if (job.state !== 'running') return;
      job.result = result;
      job.progress = { fraction: 1, phase: '完成' };
      this.finish(entry, 'done');
      await this.trim();
    } catch (error) {
      if (job.state !== 'running') return;
      job.error = jobErrorOf(error);
      this.finish(entry, 'failed');
    } finally {
      release();
      if ((job.state as JobState) !== 'done') await rm(dir, { recursive: true, force: true });
    }
  }

  private finish(entry: Entry, state: 'done' | 'failed' | 'cancelled'): void {
    entry.job.state = state;
    entry.job.finishedAt = this.now();
    if (state === 'cancelled') entry.job.progress = { ...entry.job.progress, phase: '已取消' };
    this.options.onFinish?.(entry.job);
  }

  private async remove(entry: Entry): Promise<void> {
    this.entries.delete(entry.job.id);
    await rm(entry.dir, { recursive: true, force: true });
  }

  /** Past the size bound, the oldest finished jobs go, with their results. */
  private async trim(): Promise<void> {
    const done = [...this.entries.values()]
      .filter((e) => e.job.result)
      .sort((a, b) => a.job.finishedAt!.getTime() - b.job.finishedAt!.getTime());
    let total = done.reduce((sum, e) => sum + e.job.result!.bytes, 0);
    for (const entry of done) {
      if (total <= this.maxBytes) break;
      total -= entry.job.result!.bytes;
      await this.remove(entry);
    }
  }

  /** Jobs that ended more than the kept time ago go, with their results. */
  async sweep(): Promise<void> {
    const cutoff = this.now().getTime() - this.ttl;
    for (const entry of [...this.entries.values()]) {
      if (entry.job.finishedAt && entry.job.finishedAt.getTime() <= cutoff) await this.remove(entry);
    }
  }
}
