// PostgreSQL goes away under a running server: every backend of its database is terminated while
// requests are in flight, and (on a throw-away cluster of its own) PostgreSQL is stopped, started
// and restarted. The real `sibi serve` child must stay up, answer 503 with Retry-After and a
// Chinese message while the database is away (never 500, never exit), and serve again within seconds.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { type CliTarget, createCliTarget, PG_ADMIN_URL } from './helpers/databases';
import { load, REGIONS } from './helpers/factories';
import { Client, createTestAccount, TEST_PASSWORD } from './helpers/http';
import { freePort, type ServerChild, startServeChild, waitFor } from './helpers/serve-child';

const pgAvailable = process.env.SIBI_TEST_PG_AVAILABLE === '1';
const USER = 'outage_prov';

async function prepare(url: string): Promise<void> {
  const database = await openDatabase({ url });
  try {
    await load(database, 'regions', REGIONS);
    await createTestAccount(database, { username: USER, role: 'province_officer', regionCode: '410000' });
  } finally {
    await database.close();
  }
}

interface Outcome {
  status: number;
  retryAfter: string | null;
  message: string;
}

/** GETs that each read the database (the session check, then the route). */
async function probe(client: Client): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const path of ['/api/auth/me', '/api/projects']) {
    try {
      const reply = await client.get(path);
      out.push({
        status: reply.status,
        retryAfter: reply.headers.get('retry-after'),
        message: typeof reply.body === 'object' ? (reply.body?.error?.message ?? '') : String(reply.body),
      });
    } catch (error) {
      // A refused or reset HTTP connection means the server is gone: recorded as status 0.
      out.push({ status: 0, retryAfter: null, message: String(error) });
    }
  }
  return out;
}

/** `workers` loops of probes until `stop()`; returns every outcome. */
function keepAsking(client: Client, workers: number) {
  let running = true;
  const outcomes: Outcome[] = [];
  const loops = Array.from({ length: workers }, async () => {
    while (running) outcomes.push(...(await probe(client)));
  });
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

function expectOnly200Or503(outcomes: Outcome[]): void {
  const statuses = new Set(outcomes.map((o) => o.status));
  expect(
    [...statuses].filter((s) => s !== 200 && s !== 503),
    JSON.stringify(outcomes.slice(0, 5)),
  ).toEqual([]);
  for (const o of outcomes.filter((x) => x.status === 503)) {
    expect(o.retryAfter).toMatch(/^\d+$/);
    expect(o.message).toMatch(/数据库暂时不可用/);
  }
}

const serving = (client: Client) =>
  waitFor('the server to answer 200 again', async () => {
    const [me] = await probe(client);
    return me?.status === 200 ? true : undefined;
  });

describe.skipIf(!pgAvailable)('PostgreSQL backends terminated under a running server', () => {
  let target: CliTarget;
  let server: ServerChild;
  let dbName = '';

  beforeAll(async () => {
    target = await createCliTarget('postgres');
    dbName = new URL(target.env.DATABASE_URL!).pathname.slice(1);
    await prepare(target.env.DATABASE_URL!);
    server = await startServeChild({ ...target.env, SIBI_PG_POOL: '6' });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await target?.cleanup();
  });

  /** pg_terminate_backend on every connection to the server's database (same role: no superuser). */
  async function terminateAll(): Promise<number> {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    try {
      const result = await admin.query(
        "select pg_terminate_backend(pid) as done from pg_stat_activity where datname = $1 and usename = current_user and backend_type = 'client backend' and pid <> pg_backend_pid()",
        [dbName],
      );
      return result.rows.filter((r) => r.done).length;
    } finally {
      await admin.end();
    }
  }

  it('stays up, answers 503 with Retry-After while connections die, and serves again', async () => {
    const client = new Client(server.url);
    expect((await client.login(USER, TEST_PASSWORD)).status).toBe(200);

    // Idle connections only: this alone killed the process before (no 'error' listener on the pool).
    await Promise.all(Array.from({ length: 6 }, () => probe(client)));
    expect(await terminateAll()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.alive(), server.stderr().slice(-800)).toBe(true);
    await serving(client);

    // With requests in flight: six loops asking while every backend is terminated three times.
    const load = keepAsking(client, 6);
    let killed = 0;
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve, 700));
      killed += await terminateAll();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const outcomes = await load.stop();
    expect(killed).toBeGreaterThan(0);
    const count = (status: number) => outcomes.filter((o) => o.status === status).length;
    console.log(
      `terminate x3: ${killed} backends ended, ${count(200)} answers 200, ${count(503)} answers 503`,
    );
    expect(server.alive(), server.stderr().slice(-800)).toBe(true);
    expectOnly200Or503(outcomes);
    expect(outcomes.length).toBeGreaterThan(10);

    const started = Date.now();
    await serving(client);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(server.stderr()).not.toMatch(/Unhandled|uncaught/i);
  }, 120_000);
});

// --- a PostgreSQL of our own, to stop and restart without disturbing anyone else's tests ---

function postgresBin(): string | null {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {}
  candidates.push('/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin');
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

const isRoot = process.getuid?.() === 0;
/** initdb refuses to run as root: as root, run the cluster as the postgres user. */
function postgresUid(): number | null {
  if (!isRoot) return process.getuid?.() ?? null;
  try {
    return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

const bin = postgresBin();
const uid = postgresUid();
const canRunCluster = bin !== null && uid !== null;
// CI has PostgreSQL installed (.ci/run): there the restart test must run.
if (!canRunCluster && process.env.CI)
  throw new Error('CI must be able to run a throw-away PostgreSQL cluster');
if (!canRunCluster) {
  console.warn(
    'db-outage: PostgreSQL restart test skipped: initdb/pg_ctl not found (or, as root, no postgres user to run them as)',
  );
}

describe.skipIf(!canRunCluster)('PostgreSQL stopped, started and restarted under a running server', () => {
  let dir = '';
  let port = 0;
  let server: ServerChild | undefined;

  const pgTool = (tool: string, args: string[]) => {
    const command = join(bin!, tool);
    const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    // Asynchronous, so the requests in flight keep going while PostgreSQL stops and starts.
    return promisify(execFile)(file, argv as string[], { encoding: 'utf8', timeout: 60_000 });
  };
  const pgCtl = (action: string, extra: string[] = []) =>
    pgTool('pg_ctl', [
      action,
      '-D',
      join(dir, 'data'),
      '-w',
      '-t',
      '60',
      '-l',
      join(dir, 'log'),
      ...extra,
      ...(action === 'start' || action === 'restart'
        ? ['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`]
        : []),
    ]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-pg-cluster-'));
    if (isRoot) chownSync(dir, uid!, uid!);
    await pgTool('initdb', [
      '-D',
      join(dir, 'data'),
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    port = await freePort();
    await pgCtl('start');
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE sibi_restart');
    await admin.end();
    const url = `postgres://postgres@127.0.0.1:${port}/sibi_restart`;
    await prepare(url);
    server = await startServeChild({ DATABASE_URL: url, SIBI_PG_POOL: '6' });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    try {
      await pgCtl('stop', ['-m', 'immediate']);
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while PostgreSQL is stopped, serves once it is back, and survives a restart', async () => {
    const client = new Client(server!.url);
    expect((await client.login(USER, TEST_PASSWORD)).status).toBe(200);
    await Promise.all(Array.from({ length: 6 }, () => probe(client))); // idle connections in the pool

    await pgCtl('stop', ['-m', 'fast']);
    const down = (await Promise.all(Array.from({ length: 3 }, () => probe(client)))).flat();
    expect(server!.alive(), server!.stderr().slice(-800)).toBe(true);
    expect(down.map((o) => o.status)).toEqual(down.map(() => 503));
    expectOnly200Or503(down);

    await pgCtl('start');
    let started = Date.now();
    await serving(client);
    expect(Date.now() - started).toBeLessThan(15_000);

    // A restart with idle connections in the pool, and requests in flight across it.
    await Promise.all(Array.from({ length: 6 }, () => probe(client)));
    const load = keepAsking(client, 4);
    await pgCtl('restart', ['-m', 'fast']);
    started = Date.now();
    await serving(client);
    expect(Date.now() - started).toBeLessThan(15_000);
    const outcomes = await load.stop();
    const count = (status: number) => outcomes.filter((o) => o.status === status).length;
    console.log(
      `restart: served again after ${Date.now() - started} ms; ${count(200)} x 200, ${count(503)} x 503`,
    );
    expect(server!.alive(), server!.stderr().slice(-800)).toBe(true);
    expectOnly200Or503(outcomes);
  }, 120_000);
});
