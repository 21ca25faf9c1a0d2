// The server side of the browser tests, without Vitest or Playwright (so a script can use it too):
// the web app built when stale, a demo database prepared once and copied per server, and a real
// `sibi serve --demo` child process on a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-sibi';

export const DEMO_PASSWORD = 'Sibi#Demo2020';
// Versioned: a harness of another layout (an older checkout, a test still running) keeps to its own folder.
const PREPARED = join(ROOT, 'tmp', 'browser-data', 'v3');

/** Builds web/dist when it is missing or older than web/ (scripts/build-web.mjs; one build at a time). */
export async function buildWebOnce(): Promise<void> {
  const { buildWeb } = (await import(join(ROOT, 'scripts', 'build-web.mjs'))) as {
    buildWeb(options: { quiet: boolean }): Promise<boolean>;
  };
  await buildWeb({ quiet: true });
}

/**
 * A data directory with the demo province loaded, made once and kept in tmp/browser-data/ under a
 * fingerprint of the demo generator; a change to it prepares a new one. Each server gets a copy,
 * so tests never share a database.
 *
 * The load (a minute on an idle machine, far longer on a busy one) runs in a detached
 * `sibi serve --demo` that outlives the test process which started it: a test that times out
 * does not throw the work away, and whichever test process next finds the server listening
 * stops it and moves the directory into place. `env` is added to the loader's environment (if this
 * call starts it).
 */
export async function preparedDemoData(env: Record<string, string> = {}): Promise<string> {
  const dir = join(PREPARED, `demo-${demoFingerprint()}`);
  const lock = join(PREPARED, 'prepare.lock');
  mkdirSync(PREPARED, { recursive: true });
  for (;;) {
    if (existsSync(join(dir, 'PG_VERSION'))) return dir;
    const owner = Number(readFileSafe(join(lock, 'pid')));
    // Each loader has a folder of its own (named in the lock), so a stray loader never shares one.
    const building = readFileSafe(join(lock, 'dir'));
    const log = join(lock, 'log');
    if (existsSync(lock)) {
      if (owner && alive(owner)) {
        if (building && isLoader(owner) && readFileSafe(log).includes('sibi 已启动'))
          await finishPreparation(owner, building, dir, lock);
        else await sleep(2000);
      } else if (owner || Date.now() - mtime(lock) > 60_000) {
        // Its loader died before finishing (or a lock from an older harness): start again.
        if (building.startsWith(PREPARED)) rmSync(building, { recursive: true, force: true });
        rmSync(lock, { recursive: true, force: true });
      } else await sleep(1000);
      continue;
    }
    try {
      mkdirSync(lock);
    } catch {
      continue;
    }
    const mine = `${dir}.building-${process.pid}-${Date.now()}`;
    writeFileSync(join(lock, 'dir'), mine);
    const out = openSync(log, 'w');
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'sibi.mjs'), 'serve', '--demo', '--port', String(await freePort())],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, DATABASE_URL: '', SIBI_DATA_DIR: mine },
        detached: true,
        stdio: ['ignore', out, out],
      },
    );
    closeSync(out);
    child.unref();
    writeFileSync(join(lock, 'pid'), String(child.pid));
  }
}

/** Whether a pid is a `sibi serve` (not, say, the test process of an older harness holding the lock). */
function isLoader(pid: number): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  return existsSync('/proc/self') ? readFileSafe(cmdline).includes('serve') : true;
}

/** Stops the loader that has finished (it listens once the demo is in) and moves its data into place. */
async function finishPreparation(pid: number, building: string, dir: string, lock: string): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // Another test process stopped it first.
  }
  while (alive(pid)) await sleep(200);
  try {
    renameSync(building, dir);
  } catch {
    // Moved already by another test process.
  }
  rmSync(lock, { recursive: true, force: true });
  // Earlier fingerprints' databases are of no more use.
  for (const old of readdirSync(PREPARED)) {
    if (/^demo-[0-9a-f]+$/.test(old) && join(PREPARED, old) !== dir)
      rmSync(join(PREPARED, old), { recursive: true, force: true });
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The demo generator and the demo accounts. Not the migrations: a copy made before a new
 * migration is upgraded by the server when it opens it, as a real installation would be.
 */
function demoFingerprint(): string {
  // What the prepared database is made of: the generator, the services that load it (and the
  // events, adjustments, self-scores and honours they add), the schemes it is evaluated by, the
  // migrations it was made under, and the demo accounts.
  const hash = createHash('sha256');
  const parts: [string, (file: string) => boolean][] = [
    ['src/demo', (f) => f.endsWith('.ts') && !f.endsWith('.test.ts')],
    ['src/services', (f) => /demo.*\.ts$/.test(f) && !f.endsWith('.test.ts')],
    ['src/schemes', (f) => f.endsWith('.yaml')],
    ['src/db/migrations', (f) => f.endsWith('.sql')],
  ];
  for (const [dir, wanted] of parts) {
    for (const file of readdirSync(join(ROOT, dir)).sort()) {
      if (wanted(file)) hash.update(`${dir}/${file}`).update(readFileSync(join(ROOT, dir, file)));
    }
  }
  hash.update(readFileSync(join(ROOT, 'src/services/auth/demo-accounts.ts')));
  return hash.digest('hex').slice(0, 12);
}

export interface SibiServer {
  url: string;
  dataDir: string;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** `sibi serve --demo` on a free port with its data in `dataDir`; resolves once it listens. */
export async function startSibi(
  dataDir: string,
  timeoutMs = 120_000,
  env: Record<string, string> = {},
  port?: number,
): Promise<SibiServer> {
  port ??= await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'sibi.mjs'), 'serve', '--demo', '--port', String(port)],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', SIBI_DATA_DIR: dataDir, ...env } },
  );
  // The last 200,000 characters: the run's shared server logs for the whole run.
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // If this test process ends first (a timeout, Ctrl-C), the server must not outlive it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', orphanGuard);
      resolve();
    }),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const started = Date.now();
  while (!output.includes('sibi 已启动')) {
    if (child.exitCode !== null) throw new Error(`sibi serve exited (${child.exitCode}):\n${output}`);
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`sibi serve did not start within ${timeoutMs} ms:\n${output}`);
    }
    await sleep(200);
  }
  return { url: `http://127.0.0.1:${port}`, dataDir, output: () => output, stop };
}

/**
 * A server on a private copy of the prepared demo database (removed when it stops); `env` is added
 * to the server's environment, `port` is where it listens (default: a free one).
 */
export async function startDemoServer(env: Record<string, string> = {}, port?: number): Promise<SibiServer> {
  const [prepared] = await Promise.all([preparedDemoData(), buildWebOnce()]);
  const copy = mkdtempSync(join(tmpdir(), 'sibi-browser-'));
  cpSync(prepared, copy, { recursive: true });
  const web = await snapshotWeb(join(copy, 'web'));
  const server = await startSibi(copy, 120_000, { ...env, SIBI_WEB_DIR: web }, port);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/**
 * A private copy of web/dist for one server, so a rebuild during the tests (another run, an
 * edit in web/) cannot take the chunks a page is about to load away. Retried until the copy is
 * whole: every file index.html names is there.
 */
export async function snapshotWeb(target: string): Promise<string> {
  const dist = join(ROOT, 'web', 'dist');
  for (let attempt = 1; ; attempt++) {
    rmSync(target, { recursive: true, force: true });
    try {
      cpSync(dist, target, { recursive: true });
      const html = readFileSync(join(target, 'index.html'), 'utf8');
      const named = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]!);
      if (named.every((file) => existsSync(join(target, file)))) return target;
    } catch {
      // Caught in the middle of a build: wait for it.
    }
    if (attempt >= 60) throw new Error('web/dist stayed incomplete (a build kept running?)');
    await buildWebOnce();
    await sleep(1000);
  }
}

export function freePort(): Promise<number> {
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

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
