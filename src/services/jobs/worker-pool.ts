// The worker thread pool for CPU-heavy analyses (issue #14 item 5, #17 item 3): sensitivity runs,
// what-it-takes searches and statistical audits run in worker threads (tinypool), so the server's
// event loop keeps answering meanwhile. Threads start on first use and stop when idle, so the CLI
// and an idle server hold none. SIBI_JOB_THREADS sets how many (default: the cores but one, at least
// one); more tasks than threads wait in the pool's queue.
//
// The worker entry: in the bundle (scripts/build-server.mjs) job-worker.js beside the chunk that holds
// this code; from the sources (tsx, vitest) worker-tsx.mjs beside this file, which registers tsx in
// the thread first. `import.meta.dirname` is the chunk's folder in the bundle and this file's in the
// sources (the build rewrites `import.meta.url` only).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import Tinypool from 'tinypool';
import type { WorkerProgress, WorkerTask } from './worker';

export const WORKER_THREADS = Math.max(
  1,
  Number(process.env.SIBI_JOB_THREADS ?? 0) || Math.min(4, availableParallelism() - 1),
);
/** A thread idle this long stops (it starts again on the next task). */
const IDLE_MS = 60_000;

/** The worker entry's URL: the bundle's job-worker.js, else the sources' bootstrap. */
export function workerEntry(): string {
  const here = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'job-worker.js');
  return pathToFileURL(existsSync(bundled) ? bundled : join(here, 'worker-tsx.mjs')).href;
}

let pool: Tinypool | null = null;

function poolOf(): Tinypool {
  pool ??= new Tinypool({
    filename: workerEntry(),
    minThreads: 0,
    maxThreads: WORKER_THREADS,
    idleTimeout: IDLE_MS,
  });
  return pool;
}

export interface WorkerOptions {
  /** Aborting stops the task: taken out of the queue, or its thread ended. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

let inFlight = 0;

/**
 * Tasks handed to the pool and not yet settled, queued or running. An aborted task leaves at once
 * (out of the queue, or its thread ended); one nobody aborts stays until its thread finishes it.
 */
export function workerTasksInFlight(): number {
  return inFlight;
}

/** Runs one task in a worker thread; the result arrives by structured clone. */
export async function runInWorker<T>(task: WorkerTask, options: WorkerOptions = {}): Promise<T> {
  const { port1, port2 } = new MessageChannel();
  port2.on('message', (progress: WorkerProgress) => options.onProgress?.(progress.done, progress.total));
  inFlight++;
  try {
    return (await poolOf().run(
      { task, port: port1 },
      { transferList: [port1], signal: options.signal },
    )) as T;
  } finally {
    inFlight--;
    port2.close();
  }
}

/** Ends the threads (server shutdown); the next task starts a new pool. */
export async function closeWorkerPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
