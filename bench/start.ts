// A first start on a fresh clone: `npm start` (build the web and the server bundle, then `sibi serve
// --demo`, which loads the demo province into an empty database) until the server answers, and the
// demo load within it (from the server's first demo line to its "ready" line), on PGlite — or on
// PostgreSQL when DATABASE_URL is set (a fresh database is made beside the one it names and dropped
// after). --demo-alone also times `sibi demo` by itself into another empty database (wall and CPU).
//   npm run bench:start [-- --runs 1 --ref HEAD --install --demo-alone]
// The clone is of the committed tree at --ref. Dependencies: hard links to this checkout's node_modules
// (npm ci's time is the network's and npm's, not sibi's), or `npm ci` with --install (its time is
// printed, not counted). Then a second `npm start` in the same clone: what a restart costs (the web and
// the bundle reused, the demo found loaded). Last line: one JSON object; readySeconds against the
// 60 s goal (issue 17).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { arg, median } from './lib';

const ROOT = join(import.meta.dirname, '..');
const LIMIT_SECONDS = 60;
const runs = Number(arg('runs', '1'));
const ref = arg('ref', 'HEAD');
const install = process.argv.includes('--install');
const baseUrl = process.env.DATABASE_URL?.trim() || null;
const demoAlone = process.argv.includes('--demo-alone');
const READY_TIMEOUT_MS = 12 * 60_000;
// printed just before the load begins (the first start's administrator line; older builds print no
// generation line)
const DEMO_FIRST = /首次启动：已创建系统管理员|生成演示数据/;
const DEMO_READY = '演示数据（模拟数据）已就绪';

interface Timed {
  seconds: number;
  cpuSeconds: number;
}

function log(message: string) {
  process.stderr.write(`[bench:start] ${message}\n`);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Timed {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', 'CPU_SECONDS=%U+%S', command, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  const cpu = /CPU_SECONDS=([\d.]+)\+([\d.]+)/.exec(result.stderr);
  return { seconds, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `npm start` until GET / answers 200; the server is stopped after. */
async function npmStart(
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ seconds: number; output: string; demoSeconds: number | null }> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn('npm', ['start', '--', '--port', String(port)], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // the demo load as the server reports it: from the line before it to the line that says it is ready
  let demoFrom: number | null = null;
  let demoTo: number | null = null;
  const heard = (d: Buffer) => {
    output += d;
    if (demoFrom === null && DEMO_FIRST.test(output)) demoFrom = Date.now();
    if (demoTo === null && output.includes(DEMO_READY)) demoTo = Date.now();
  };
  child.stdout?.on('data', heard);
  child.stderr?.on('data', heard);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
      if (Date.now() - started > READY_TIMEOUT_MS)
        throw new Error(`not ready after ${READY_TIMEOUT_MS} ms:\n${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
        if (response.status === 200) {
          const demoSeconds = demoFrom !== null && demoTo !== null ? (demoTo - demoFrom) / 1000 : null;
          return { seconds: (Date.now() - started) / 1000, output, demoSeconds };
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await stop(child);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {}
  }, 20_000);
  await exited;
  clearTimeout(timer);
}

/** A fresh PostgreSQL database beside DATABASE_URL's, for one run; dropped by the returned function. */
async function freshPostgres(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl! });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function oneRun(index: number) {
  const dir = mkdtempSync(join(tmpdir(), 'sibi-bench-start-'));
  const drops: (() => Promise<void>)[] = [];
  try {
    log(`run ${index + 1}: clone of ${ref} in ${dir}`);
    run('git', ['clone', '--quiet', '--no-checkout', ROOT, dir], ROOT);
    run(
      'git',
      [
        'checkout',
        '--quiet',
        spawnSync('git', ['rev-parse', ref], { cwd: ROOT, encoding: 'utf8' }).stdout.trim(),
      ],
      dir,
    );
    let installSeconds: number | null = null;
    if (install) {
      installSeconds = run('npm', ['ci', '--no-audit', '--no-fund'], dir).seconds;
      log(`npm ci: ${installSeconds.toFixed(1)} s (not counted)`);
    } else {
      run('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')], dir);
    }
    const env = (database: string): NodeJS.ProcessEnv => {
      const e: NodeJS.ProcessEnv = { ...process.env, SIBI_TSX: '0' };
      delete e.DATABASE_URL;
      delete e.SIBI_DATA_DIR;
      if (baseUrl) e.DATABASE_URL = database;
      else e.SIBI_DATA_DIR = database;
      return e;
    };
    let demoTarget = join(dir, 'demo-data');
    let startTarget = join(dir, 'data');
    if (baseUrl) {
      const a = await freshPostgres(`sibi_bench_demo_${process.pid}_${index}`);
      const b = await freshPostgres(`sibi_bench_start_${process.pid}_${index}`);
      drops.push(a.drop, b.drop);
      demoTarget = a.url;
      startTarget = b.url;
    }
    // with --demo-alone, also `sibi demo` by itself (wall and CPU time), on a bundle built first
    let alone: Timed | null = null;
    if (demoAlone) {
      run('node', ['scripts/build-server.mjs'], dir);
      alone = run('node', ['bin/sibi.mjs', 'demo'], dir, env(demoTarget));
      log(`sibi demo: ${alone.seconds.toFixed(1)} s (CPU ${alone.cpuSeconds.toFixed(1)} s)`);
    }
    // a fresh clone's first start: a new bundle too
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    const first = await npmStart(dir, env(startTarget));
    log(
      `npm start (fresh clone) ready: ${first.seconds.toFixed(1)} s, the demo load in it ${first.demoSeconds} s`,
    );
    const again = await npmStart(dir, env(startTarget));
    log(`npm start again (built, loaded) ready: ${again.seconds.toFixed(1)} s`);
    if (first.demoSeconds === null)
      throw new Error(`npm start did not report the demo load:\n${first.output}`);
    return { demo: first.demoSeconds, alone, ready: first.seconds, restart: again.seconds, installSeconds };
  } finally {
    for (const drop of drops) await drop().catch(() => {});
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (let i = 0; i < runs; i++) results.push(await oneRun(i));
const demoSeconds = median(results.map((r) => r.demo));
const readySeconds = median(results.map((r) => r.ready));
const round = (n: number) => Math.round(n * 100) / 100;
const list = (values: number[]) => values.map((v) => v.toFixed(1)).join('/');
const alone = results.flatMap((r) => (r.alone ? [r.alone] : []));
console.log(
  `runs ${runs}; demo load in npm start ${list(results.map((r) => r.demo))} s; ` +
    `npm start ${list(results.map((r) => r.ready))} s; again ${list(results.map((r) => r.restart))} s` +
    (alone.length
      ? `; sibi demo alone ${list(alone.map((a) => a.seconds))} s (CPU ${list(alone.map((a) => a.cpuSeconds))} s)`
      : ''),
);
console.log(
  JSON.stringify({
    bench: 'start',
    db: baseUrl ? 'postgres' : 'pglite',
    demoSeconds: round(demoSeconds),
    readySeconds: round(readySeconds),
    limitSeconds: LIMIT_SECONDS,
    ratio: round(readySeconds / LIMIT_SECONDS),
    goal: 1,
    restartSeconds: round(median(results.map((r) => r.restart))),
    ...(alone.length
      ? {
          demoAloneSeconds: round(median(alone.map((a) => a.seconds))),
          demoAloneCpuSeconds: round(median(alone.map((a) => a.cpuSeconds))),
        }
      : {}),
    runs,
    install,
  }),
);
