// A real `sibi serve` child process on a free port, kept running until the test stops it: for the
// fault tests (database outages, a second process on the data folder, memory under hostile uploads).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './run-sibi';

export interface ServerChild {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Stops it (SIGTERM, then SIGKILL after `graceMs`) and waits for the exit. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL, and waits for the exit. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `sibi serve` with `env` (DATABASE_URL / SIBI_DATA_DIR) and resolves once it listens. */
export async function startServeChild(
  env: Record<string, string>,
  options: { args?: string[]; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<ServerChild> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      join(ROOT, 'bin', 'sibi.mjs'),
      'serve',
      '--port',
      String(port),
      ...(options.args ?? []),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', SIBI_DATA_DIR: '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const handle: ServerChild = {
    child,
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    stderr: () => err,
    alive,
    stop: async (graceMs = 10_000) => {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    kill: async () => {
      if (!alive()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (!err.includes('sibi 已启动')) {
    if (!alive())
      throw new Error(
        `server ended (${child.exitCode ?? child.signalCode}) before listening: ${err.slice(-600)}`,
      );
    if (Date.now() > deadline) {
      await handle.kill();
      throw new Error(`server did not start in time: ${err.slice(-600)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return handle;
}

/** Peak resident memory of a live process in MiB (VmHWM), from /proc. */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
  if (!match) throw new Error(`no VmHWM for ${pid}`);
  return Number(match[1]) / 1024;
}

/** Polls `check` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
