// Load on loopback: N concurrent users, each with its own session, mixing dashboard reads, report
// lists and report saves against one `sibi serve` process, or two processes on one PostgreSQL
// (users alternate between them, as behind a load balancer). Counts every non-2xx as an error.
// With --pages, each step is a whole page as the web loads it (issue 16 item 8: page loads under 2 s
// at the 95th percentile with 50 users): the session check, then the page's reads at once, as
// captured from the browser (dashboard, report list, project list, to-do list); the page's time is
// until its last read has answered.
// Usage: npx tsx bench/load.ts [--users 200] [--seconds 30] [--servers 1] [--think 0] [--pages]
//                              [--ramp 1] [--warmup 0]
//   PGlite in .bench-data/load, or PostgreSQL when DATABASE_URL is set (required for --servers 2).
//   --ramp: users start spread over this many seconds (1: nearly all at once, a thundering herd).
//   --warmup: what is asked in the first seconds is counted apart ("warm-up" line), not in the table
//   (the server's cached reads start empty: the table is then the steady state).
//   --writes: the share of report saves in % (default 5; issue 17's mix is 20), the rest reads: 10
//   points of report lists, the remainder dashboards.
// After the load: the server's event-loop delay (its /metrics), and one cached dashboard answer against
// a static file of the same size from the same server, 200 requests each in alternation (issue 17's
// limit: within 1.5×). The last line is one JSON object (`npm run bench:load`).
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { insertUser } from '../src/db/auth/users';
import { openDatabase } from '../src/db/client';
import { queryRows } from '../src/db/query';
import { hashPassword } from '../src/services/auth/password-hash';
import { createSession } from '../src/services/auth/sessions';
import { loadDemo } from '../src/services/load-demo';
import { loadSettings } from '../src/services/settings';
import { arg, pairedMedians } from './lib';

const USERS = Number(arg('users', '200'));
const SECONDS = Number(arg('seconds', '30'));
const SERVERS = Number(arg('servers', '1'));
/** Pause between one user's requests (ms): 0 is a stress test, a few seconds is people reading. */
const THINK = Number(arg('think', '0'));
const PAGES = process.argv.includes('--pages');
const RAMP_MS = Number(arg('ramp', '1')) * 1000;
const WARMUP_MS = Number(arg('warmup', '0')) * 1000;
const WRITES = Number(arg('writes', '5'));
const url = process.env.DATABASE_URL;
const dataDir = join(process.cwd(), '.bench-data', 'load');
if (SERVERS > 1 && !url) throw new Error('--servers 2 needs DATABASE_URL (PGlite is one process)');
const ROOT = join(import.meta.dirname, '..');
const PERIOD = '2020-09';
// The month the users are filling now (never locked: its deadline is next month).
const now = new Date();
const FILL_YEAR = Number(now.toISOString().slice(0, 4));
const FILL_MONTH = Number(now.toISOString().slice(5, 7));

interface User {
  cookie: string;
  csrf: string;
  county: string;
  projectId: number;
  base: string;
  reportId: number;
  version: number;
}

// ---- setup: demo data, accounts bound to counties, one project each, sessions ----------------
const database = await openDatabase(url ? { url } : { dataDir });
console.error(await loadDemo(database, { skipIfLoaded: true, onProgress: (m) => console.error(m) }));
const { db } = database;
const slots = await queryRows<{ county: string; project_id: number }>(
  db,
  sql`select county, project_id from (
        select p.region_code as county, p.id as project_id,
               row_number() over (partition by p.region_code order by p.id) as k
        from projects p join regions r on r.code = p.region_code where r.kind = 'county') x
      order by k, county limit ${USERS}`,
);
if (slots.length < USERS) throw new Error(`only ${slots.length} county projects for ${USERS} users`);
const passwordHash = await hashPassword('Load#Bench2020');
const settings = await loadSettings(db);
const users: Omit<User, 'base' | 'reportId' | 'version'>[] = [];
for (const [i, slot] of slots.entries()) {
  const username = `load_u${i}`;
  await insertUser(db, {
    username,
    displayName: `压测${i}`,
    role: 'county_officer',
    regionCode: slot.county,
    passwordHash,
    mustChangePassword: false,
  });
  const [row] = await queryRows<{ id: number }>(db, sql`select id from users where username = ${username}`);
  const session = await createSession(
    db,
    row!.id,
    { ip: '127.0.0.1', userAgent: 'bench/load' },
    new Date(),
    settings,
  );
  users.push({
    cookie: `sibi_session=${session.token}`,
    csrf: session.csrfToken,
    county: slot.county,
    projectId: slot.project_id,
  });
}
await database.close();

// ---- servers ---------------------------------------------------------------------------------
function startServer(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'sibi.mjs'), 'serve', '--port', String(port)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url ?? '', SIBI_DATA_DIR: url ? '' : dataDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
      if (err.includes('sibi 已启动')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err.slice(-500)}`)));
  });
}
const ports = Array.from({ length: SERVERS }, (_, i) => 3900 + i);
const servers = await Promise.all(ports.map(startServer));
const bases = ports.map((p) => `http://127.0.0.1:${p}`);

async function call(user: User, method: string, path: string, body?: unknown) {
  const response = await fetch(`${user.base}${path}`, {
    method,
    headers: {
      cookie: user.cookie,
      origin: user.base,
      ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf, 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

// Each user's draft of this month (created once; found again on a re-run).
const ready: User[] = [];
for (const [i, u] of users.entries()) {
  const user: User = { ...u, base: bases[i % bases.length]!, reportId: 0, version: 0 };
  let reply = await call(user, 'POST', '/api/reports', {
    projectId: user.projectId,
    year: FILL_YEAR,
    month: FILL_MONTH,
    investYtd: '0',
  });
  if (reply.status === 409) {
    const list = await call(
      user,
      'GET',
      `/api/reports?projectId=${user.projectId}&year=${FILL_YEAR}&month=${FILL_MONTH}`,
    );
    reply = { status: 200, body: list.body.items[0] };
  }
  if (reply.status >= 300)
    throw new Error(`draft for ${user.projectId}: ${reply.status} ${JSON.stringify(reply.body)}`);
  user.reportId = reply.body.id;
  user.version = reply.body.version;
  ready.push(user);
}

// ---- the load --------------------------------------------------------------------------------
type Kind = 'dashboard' | 'report list' | 'report save' | `page ${PageName}`;
const latencies: Partial<Record<Kind, number[]>> = {};
/** What was asked during the warm-up (any kind). */
const warmup: number[] = [];
let measureFrom = 0;
const record = (kind: Kind, ms: number, began: number) => {
  if (began < measureFrom) return void warmup.push(ms);
  latencies[kind] ??= [];
  latencies[kind].push(ms);
};

/** The reads each page of the web makes after the session check (GET /api/auth/me), from the browser. */
const PAGE_READS = {
  dashboard: (u: User) => [
    '/api/todos',
    '/api/regions',
    `/api/periods?region=${u.county}`,
    `/api/dashboard?region=${u.county}&period=${PERIOD}`,
    '/api/schemes',
  ],
  reports: (u: User) => {
    const q = `region=${u.county}&year=2020&month=9`;
    return [
      '/api/todos',
      '/api/regions',
      `/api/periods?region=${u.county}`,
      `/api/reports?${q}&page=1&pageSize=20`,
      ...['draft', 'submitted', 'returned', 'approved'].map((s) => `/api/reports?${q}&state=${s}&pageSize=1`),
      `/api/reports?${q}&late=true&pageSize=1`,
      `/api/reports/missing?${q}&pageSize=1`,
    ];
  },
  projects: (u: User) => [
    `/api/periods?region=${u.county}`,
    '/api/projects?page=1&pageSize=20',
    '/api/todos',
    '/api/regions',
    `/api/stats?region=${u.county}&period=2020`,
    `/api/warnings?region=${u.county}&period=${PERIOD}`,
  ],
  todos: () => ['/api/messages?unread=true&pageSize=20', '/api/todos', '/api/regions'],
};
type PageName = keyof typeof PAGE_READS;
const PAGE_ORDER: PageName[] = ['dashboard', 'reports', 'projects', 'todos'];

/** Loads one page as the web does; its time, or an error. */
async function loadPage(user: User, name: PageName): Promise<void> {
  const start = performance.now();
  try {
    const replies = [await call(user, 'GET', '/api/auth/me')];
    replies.push(...(await Promise.all(PAGE_READS[name](user).map((path) => call(user, 'GET', path)))));
    const bad = replies.find((r) => r.status >= 300);
    if (bad) errors.push(`page ${name}: ${bad.status} ${JSON.stringify(bad.body).slice(0, 200)}`);
  } catch (error) {
    errors.push(`page ${name}: ${(error as Error).message}`);
    return;
  }
  record(`page ${name}`, performance.now() - start, start);
}
const errors: string[] = [];
const deadline = Date.now() + WARMUP_MS + SECONDS * 1000;

async function act(user: User, n: number): Promise<void> {
  if (PAGES) return loadPage(user, PAGE_ORDER[n % PAGE_ORDER.length]!);
  // n × 37 mod 100 visits every share of 100 in each 100 steps, spread out.
  const roll = (n * 37) % 100;
  const kind: Kind = roll < WRITES ? 'report save' : roll < WRITES + 10 ? 'report list' : 'dashboard';
  const start = performance.now();
  let reply: { status: number; body: { version?: number } | null };
  try {
    if (kind === 'dashboard') {
      reply = await call(user, 'GET', `/api/dashboard?region=${user.county}&period=${PERIOD}`);
    } else if (kind === 'report list') {
      reply = await call(user, 'GET', `/api/reports?region=${user.county}&year=2020&month=9&pageSize=20`);
    } else {
      reply = await call(user, 'PATCH', `/api/reports/${user.reportId}`, {
        version: user.version,
        investYtd: String(1_000_000 * (n + 1)),
        progressNote: `压测第 ${n} 次保存`,
      });
      if (reply.status === 200) user.version = reply.body!.version!;
    }
  } catch (error) {
    errors.push(`${kind}: ${(error as Error).message}`);
    return;
  }
  record(kind, performance.now() - start, start);
  if (reply.status >= 300)
    errors.push(`${kind}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
}

async function userLoop(user: User, offset: number): Promise<void> {
  // Users start spread over the ramp (by default the first second), not all in the same instant.
  await new Promise((r) => setTimeout(r, offset));
  for (let n = offset % 20; Date.now() < deadline; n++) {
    await act(user, n);
    if (THINK > 0) await new Promise((r) => setTimeout(r, THINK * (0.5 + Math.random())));
  }
}

const started = performance.now();
measureFrom = started + WARMUP_MS;
await Promise.all(ready.map((u, i) => userLoop(u, Math.floor((i * RAMP_MS) / ready.length))));
const elapsed = (performance.now() - measureFrom) / 1000;
const eventLoop = await eventLoopDelay(bases[0]!);
const againstStatic = await cachedAgainstStatic(ready[0]!);
for (const s of servers) s.kill('SIGTERM');

/** The server's event-loop delay over the run (prom-client's default collector, read from /metrics). */
async function eventLoopDelay(base: string) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  const answers = (result: string) => value(`sibi_read_cache_answers_total\\{result="${result}"\\}`);
  return {
    p99Ms: Math.round(value('nodejs_eventloop_lag_p99_seconds') * 1000),
    maxMs: Math.round(value('nodejs_eventloop_lag_max_seconds') * 1000),
    cacheHits: answers('hit'),
    cacheMisses: answers('miss'),
  };
}

/**
 * One user's cached dashboard against a static file of the same size from the same server (written
 * into web/dist/assets for the measurement, removed after): 200 of each, in alternation.
 */
async function cachedAgainstStatic(user: User) {
  const path = `/api/dashboard?region=${user.county}&period=${PERIOD}`;
  const body = await (await fetch(`${user.base}${path}`, { headers: { cookie: user.cookie } })).text();
  const name = `bench-static-${process.pid}.json`;
  const file = join(ROOT, 'web', 'dist', 'assets', name);
  writeFileSync(file, body);
  try {
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const response = await fetch(url, { headers });
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      await response.arrayBuffer();
    };
    const dashboard = () => get(`${user.base}${path}`, { cookie: user.cookie });
    const staticFile = () => get(`${user.base}/assets/${name}`);
    await dashboard();
    await staticFile();
    const { a, b, ratio } = await pairedMedians(200, dashboard, staticFile);
    return { bytes: Buffer.byteLength(body), cachedMs: a, staticMs: b, ratio };
  } finally {
    rmSync(file, { force: true });
  }
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const total = Object.values(latencies).reduce((s, l) => s + l.length, 0);
const everyPage = Object.entries(latencies)
  .filter(([kind]) => kind.startsWith('page '))
  .flatMap(([, list]) => list);
if (everyPage.length > 0) latencies['page (all)' as Kind] = everyPage;
if (WARMUP_MS > 0) {
  const sorted = [...warmup].sort((a, b) => a - b);
  console.log(
    `warm-up (first ${WARMUP_MS / 1000} s, not in the table): ${warmup.length} answers, ` +
      `p50 ${pct(sorted, 50).toFixed(0)} ms, p95 ${pct(sorted, 95).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`,
  );
}
console.log(
  `${USERS} users, ${SECONDS} s, ramp ${RAMP_MS / 1000} s, think ${THINK} ms, ${SERVERS} server process(es) on ${url ? 'postgres' : 'pglite'}: ` +
    `${total} requests, ${(total / elapsed).toFixed(0)} req/s, ${errors.length} errors`,
);
console.log('| request | count | p50 | p90 | p95 | p99 | max |');
console.log('|---|---|---|---|---|---|---|');
for (const [kind, list] of Object.entries(latencies)) {
  const sorted = [...list].sort((a, b) => a - b);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(
    `| ${kind} | ${list.length} | ${ms(pct(sorted, 50))} | ${ms(pct(sorted, 90))} | ${ms(pct(sorted, 95))} | ${ms(pct(sorted, 99))} | ${ms(sorted.at(-1) ?? 0)} |`,
  );
}
console.log(
  `event-loop delay of the server over the run: p99 ${eventLoop.p99Ms} ms, max ${eventLoop.maxMs} ms; ` +
    `cached reads ${eventLoop.cacheHits} hits, ${eventLoop.cacheMisses} computed; ` +
    `a cached dashboard (${againstStatic.bytes} bytes) ${againstStatic.cachedMs.toFixed(2)} ms against the same ` +
    `bytes as a static file ${againstStatic.staticMs.toFixed(2)} ms (median of 200 each): ${againstStatic.ratio.toFixed(2)}×`,
);
if (errors.length > 0) {
  console.log(`first errors:\n${errors.slice(0, 5).join('\n')}`);
  process.exitCode = 1;
}
const measured = Object.values(latencies)
  .flat()
  .sort((x, y) => x - y);
const round1 = (x: number) => Math.round(x * 10) / 10;
console.log(
  JSON.stringify({
    bench: 'load',
    db: url ? 'postgres' : 'pglite',
    users: USERS,
    servers: SERVERS,
    seconds: SECONDS,
    warmupSeconds: WARMUP_MS / 1000,
    thinkMs: THINK,
    writesPercent: PAGES ? 0 : WRITES,
    pages: PAGES,
    requests: measured.length,
    errors: errors.length,
    rps: round1(measured.length / elapsed),
    p50Ms: Math.round(pct(measured, 50)),
    p95Ms: Math.round(pct(measured, 95)),
    p99Ms: Math.round(pct(measured, 99)),
    eventLoopP99Ms: eventLoop.p99Ms,
    eventLoopMaxMs: eventLoop.maxMs,
    cacheHits: eventLoop.cacheHits,
    cacheMisses: eventLoop.cacheMisses,
    cachedMs: round1(againstStatic.cachedMs),
    limitMs: round1(againstStatic.staticMs),
    ratio: Math.round(againstStatic.ratio * 100) / 100,
    goal: 1.5,
  }),
);
