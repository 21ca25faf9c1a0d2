// Runs the real `sibi` command in a child process, as a user would.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number;
  stdout: string;
  /** stderr without its first line when that line names the database (`数据库：…`, every command that opens it). */
  stderr: string;
  /** What that line said (after `数据库：`), or null when the command opened no database. */
  database?: string | null;
}

/** The line every command that opens the database starts stderr with (src/cli/run.ts DATABASE_LINE). */
const DATABASE_LINE = /^数据库：(.*)\n/;

/** A command's answer: its exit code and output, the database line taken off stderr. */
export function cliResult(code: number, stdout: string, stderr: string): CliResult {
  const line = DATABASE_LINE.exec(stderr);
  return {
    code,
    stdout,
    stderr: line ? stderr.slice(line[0].length) : stderr,
    database: line ? line[1]! : null,
  };
}

export function sibi(
  args: string[],
  env: Record<string, string>,
  input?: string,
  options: { cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // --liftoff-only: V8 compiles PGlite's WebAssembly once with its baseline compiler and never
    // re-optimises it — a CLI command in a test is over before optimised code pays back, and the
    // optimising compiler costs ~1 s of CPU and ~170 MB per process (docs/benchmarks.md → test suite).
    // What the command does is the same.
    const child = spawn(process.execPath, ['--liftoff-only', join(ROOT, 'bin', 'sibi.mjs'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, DATABASE_URL: '', SIBI_DATA_DIR: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve(cliResult(code ?? -1, stdout, stderr)));
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}
