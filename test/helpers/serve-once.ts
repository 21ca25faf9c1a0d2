// Starts the real `sibi serve` in a child process, waits until it listens, stops it (by its own
// pid) and returns what it printed: first-start behaviour without a browser.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { type Database, openDatabase } from '../../src/db/client';
import type { CliResult } from './run-sibi';
import { ROOT } from './run-sibi';

export function serveOnce(env: Record<string, string>, args: string[] = []): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // --liftoff-only: a server stopped as soon as it listens never runs long enough for optimised
    // WebAssembly to pay back (as the CLI test children, run-sibi.ts).
    const child = spawn(
      process.execPath,
      ['--liftoff-only', join(ROOT, 'bin', 'sibi.mjs'), 'serve', '--port', '0', ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', SIBI_DATA_DIR: '', ...env } },
    );
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes('sibi 已启动')) child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** Opens, in this process, the database a CLI target's environment points at (close it before the next command). */
export function openCliDatabase(env: Record<string, string>): Promise<Database> {
  return env.DATABASE_URL
    ? openDatabase({ url: env.DATABASE_URL })
    : openDatabase({ dataDir: env.SIBI_DATA_DIR });
}
