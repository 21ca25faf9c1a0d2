// Runs a `sibi` command line inside the test's own process (src/cli/program.ts), against the
// database its environment names, and answers as the child-process helper does (run-sibi.ts): exit
// code, stdout, stderr with the database line taken apart. For tests of what a command does; what
// only a process shows (the compiled bundle, exit on a signal, the data-folder lock between
// processes, start-up) stays in child processes (test/cli.test.ts, backup, version, cli-database,
// data-dir-lock, crash). A child costs 2.4–3.3 s of CPU starting Node, the bundle and PGlite's
// WebAssembly; in process a command opens the database only (docs/benchmarks.md → test suite).
import { Console } from 'node:console';
import { Readable, Writable } from 'node:stream';
import { runSibi } from '../../src/cli/program';
import { type CliResult, cliResult } from './run-sibi';

/** One command at a time: it borrows the process's environment, output streams and stdin. */
let queue: Promise<unknown> = Promise.resolve();

export function sibiInProcess(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<CliResult> {
  const run = queue.then(() => runInProcess(args, env, input));
  queue = run.catch(() => {});
  return run;
}

async function runInProcess(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  const vars = { DATABASE_URL: '', SIBI_DATA_DIR: '', ...env };
  const savedEnv = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  const savedExitCode = process.exitCode;
  const savedStdin = Object.getOwnPropertyDescriptor(process, 'stdin');
  const savedWrite = { out: process.stdout.write, err: process.stderr.write };
  const savedConsole = globalThis.console;
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  const toOut = sink((text) => (stdout += text));
  const toErr = sink((text) => (stderr += text));
  try {
    Object.assign(process.env, vars);
    process.exitCode = undefined;
    Object.defineProperty(process, 'stdin', {
      value: Readable.from(input === undefined ? [] : [Buffer.from(input)]),
      configurable: true,
    });
    process.stdout.write = toOut;
    process.stderr.write = toErr;
    globalThis.console = new Console({
      stdout: new Writable({ write: (chunk, _encoding, done) => void toOut(chunk, done) }),
      stderr: new Writable({ write: (chunk, _encoding, done) => void toErr(chunk, done) }),
    });
    await runSibi(args);
    return cliResult(Number(process.exitCode ?? 0), stdout, stderr);
  } finally {
    globalThis.console = savedConsole;
    process.stdout.write = savedWrite.out;
    process.stderr.write = savedWrite.err;
    if (savedStdin) Object.defineProperty(process, 'stdin', savedStdin);
    process.exitCode = savedExitCode;
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
