// The job manager's bounds, without a server: jobs wait for a heavy-work slot in order, an account
// has at most MAX_UNFINISHED_PER_USER unfinished, a cancelled job in the queue never starts, results
// go after their kept time and past the size bound (oldest first), close removes everything.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Job, type JobContext, JobManager, type JobSlots, MAX_UNFINISHED_PER_USER } from './job-manager';

/** Slots like the heavy ones: `perUser` per account, `perServer` in all. */
function slots(perUser: number, perServer: number): JobSlots & { held: () => number } {
  const byUser = new Map<string, number>();
  const listeners: (() => void)[] = [];
  let total = 0;
  return {
    held: () => total,
    tryAcquire(user) {
      if (total >= perServer || (byUser.get(user) ?? 0) >= perUser) return null;
      total++;
      byUser.set(user, (byUser.get(user) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total--;
        byUser.set(user, byUser.get(user)! - 1);
        for (const listener of listeners) listener();
      };
    },
    onRelease: (listener) => listeners.push(listener),
  };
}

/** Work that waits until `finish` is called, then saves `content`. */
function gated(content = 'result') {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const work = async (ctx: JobContext) => {
    await Promise.race([
      gate,
      new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted')))),
    ]);
    return ctx.save(content, { contentType: 'text/plain', fileName: 'r.txt' });
  };
  return { work, finish: () => open() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const until = async (test: () => boolean) => {
  while (!test()) await settle();
};

describe('job manager', () => {
  let manager: JobManager | undefined;
  afterEach(() => manager?.close());

  it('runs jobs as slots free up, first come first served, and refuses an account past its unfinished limit', async () => {
    const s = slots(1, 2);
    manager = new JobManager({ slots: s, refuse: () => new Error('too many') });
    const works = Array.from({ length: MAX_UNFINISHED_PER_USER }, () => gated());
    const jobs = works.map((w) => manager!.start(1, 'export', w.work));
    expect(jobs.map((j) => j.state)).toEqual([
      'running',
      ...Array(MAX_UNFINISHED_PER_USER - 1).fill('queued'),
    ]);
    expect(() => manager!.start(1, 'export', gated().work)).toThrow('too many');
    // another account is not held up by the first one's queue
    const other = gated();
    expect(manager.start(2, 'audit', other.work).state).toBe('running');
    expect(s.held()).toBe(2);
    // a cancelled job in the queue never starts; the next one does when the slot frees
    manager.cancel(jobs[1]!.id);
    works[0]!.finish();
    await until(() => jobs[0]!.state === 'done');
    await until(() => jobs[2]!.state === 'running');
    expect(jobs[1]!.state).toBe('cancelled');
    expect(jobs[1]!.startedAt).toBeNull();
    expect(jobs[3]!.state).toBe('queued');
    // a running job cancelled: its slot is released and its folder removed
    manager.cancel(jobs[2]!.id);
    await until(() => jobs[3]!.state === 'running');
    expect(manager.get(jobs[2]!.id)).toMatchObject({ state: 'cancelled', result: null });
    // finished jobs no longer count toward the limit
    expect(manager.start(1, 'export', gated().work).state).toBe('queued');
    expect(manager.counts()).toContainEqual({ kind: 'export', state: 'queued', count: 2 });
  });

  it('tells a failure the caller can act on, and hides any other', async () => {
    manager = new JobManager({ slots: slots(2, 2), refuse: () => new Error('too many') });
    const usage = Object.assign(new Error('420100 不是考评单位'), { name: 'UsageError' });
    const told = manager.start(1, 'audit', async () => Promise.reject(usage));
    const hidden = manager.start(1, 'audit', async () => Promise.reject(new Error('connection refused')));
    await until(() => told.state === 'failed' && hidden.state === 'failed');
    expect(told.error).toEqual({ code: 'bad_request', message: '420100 不是考评单位' });
    expect(hidden.error).toEqual({ code: 'job_failed', message: '任务失败，请稍后重试' });
  });

  it('removes results after their kept time, and the oldest past the size bound', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    manager = new JobManager({
      slots: slots(5, 5),
      refuse: () => new Error('too many'),
      resultTtlMs: 60_000,
      maxResultBytes: 25,
      now: () => new Date(clock),
    });
    const done = async (content: string): Promise<Job> => {
      const job = manager!.start(1, 'export', (ctx) =>
        ctx.save(content, { contentType: 'text/plain', fileName: 'r.txt' }),
      );
      await until(() => job.state === 'done');
      await settle(); // the size bound is applied once the job is done
      clock += 1000;
      return job;
    };
    const first = await done('x'.repeat(10));
    const firstFile = first.result!.path;
    expect(existsSync(firstFile)).toBe(true);
    const second = await done('y'.repeat(10));
    expect(manager.get(first.id)).toBeDefined();
    // 30 bytes together: the oldest goes, with its file
    const third = await done('z'.repeat(10));
    expect(manager.get(first.id)).toBeUndefined();
    expect(existsSync(firstFile)).toBe(false);
    expect(manager.listOf(1).map((j) => j.id)).toEqual([third.id, second.id]);
    // past the kept time after it ended, a job is gone
    clock = second.finishedAt!.getTime() + 60_000;
    await manager.sweep();
    expect(manager.get(second.id)).toBeUndefined();
    expect(manager.get(third.id)).toBeDefined();
    expect(existsSync(third.result!.path)).toBe(true);
    // close: every job and file gone, unfinished ones aborted
    const running = gated();
    const last = manager.start(1, 'export', running.work);
    manager.close();
    expect(last.state).toBe('cancelled');
    expect(existsSync(third.result!.path)).toBe(false);
    expect(manager.listOf(1)).toEqual([]);
    manager = undefined;
  });
});
