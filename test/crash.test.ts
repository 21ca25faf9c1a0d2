// Crash consistency: a real `sibi serve` process is killed with SIGKILL while it imports a batch of
// monthly reports, or publishes an evaluation; after each kill a fresh process starts on the same
// database and the batch is either all there or not there at all (with its audit row, or without),
// nothing is stuck, and running the same thing again is idempotent.
// Rounds: SIBI_CRASH_ROUNDS (default 10 kills per database: 7 imports, 3 publications). The kill
// moments are spread evenly over the window (round i of n falls at random inside the i-th n-th of
// it), so a few rounds reach every phase — the upload, the parse, the store's transaction, its commit
// and after — where twice as many purely random ones clustered. The server started after a killed
// publication retries it and then carries the next round's publication, one start per kill.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { queryRows } from '../src/db/query';
import { writeFile } from '../src/io/write-file';
import { createCliTarget, testDatabases } from './helpers/databases';
import { load, project, REGIONS, report } from './helpers/factories';
import { Client, createTestAccount, TEST_PASSWORD } from './helpers/http';
import { ROOT } from './helpers/run-sibi';
import { openCliDatabase } from './helpers/serve-once';

/**
 * The servers killed here live seconds: PGlite's WebAssembly compiled once by V8's baseline compiler
 * and never re-optimised (as the CLI test children, test/helpers/run-sibi.ts), which costs them less CPU
 * than optimising code they would not run long enough to use.
 */
const NODE_FLAGS = ['--liftoff-only'];
const ROUNDS = Number(process.env.SIBI_CRASH_ROUNDS ?? 10);
const PUBLISH_ROUNDS = Math.round(ROUNDS * 0.3);
const IMPORT_ROUNDS = ROUNDS - PUBLISH_ROUNDS;
const PROJECTS = 400;
const MONTHS = 6;
const BATCH = PROJECTS * MONTHS;

interface Target {
  name: string;
  env: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

/**
 * A migrated, empty database (a copy of the prepared PGlite folder, or a PostgreSQL database copied
 * from the migrated template): the servers start on a migrated database, as they do after the first.
 */
async function makeTarget(name: 'pglite' | 'postgres'): Promise<Target> {
  const cli = await createCliTarget(name);
  return {
    name,
    env: { DATABASE_URL: '', SIBI_DATA_DIR: '', ...cli.env },
    open: () => openCliDatabase(cli.env),
    cleanup: cli.cleanup,
  };
}

interface Served {
  child: ChildProcess;
  url: string;
  /** The end of what the server printed (its log: the cause of an unexpected 500). */
  log(): string;
}

/**
 * A `sibi serve` child on a free port; resolves once it listens. A start that fastify gives up on
 * ("Plugin did not start in time": its 10 s plugin timeout, reached when the 2 cores are shared by a
 * whole test run) is tried again, at most twice more, and said so; any other failure to start fails.
 */
async function serve(env: Record<string, string>): Promise<Served> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await serveOnce(env);
    } catch (error) {
      if (attempt === 3 || !String(error).includes('Plugin did not start in time')) throw error;
      console.warn(`crash: sibi serve did not start (attempt ${attempt}), again: ${error}`);
    }
  }
}

function serveOnce(env: Record<string, string>): Promise<Served> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...NODE_FLAGS, join(ROOT, 'bin', 'sibi.mjs'), 'serve', '--port', String(port)],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const log = () => output;
    const keep = (d: Buffer) => {
      output = (output + d).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', (d) => {
      keep(d);
      if (output.includes('sibi 已启动')) resolve({ child, url: `http://127.0.0.1:${port}`, log });
    });
    child.on('exit', (code, signal) =>
      reject(new Error(`server ended (${code ?? signal}) before listening: ${output.slice(-400)}`)),
    );
  });
}

/** A moment in round `round` of `rounds`: at random inside that round's share of [0, window). */
function spread(round: number, rounds: number, window: number): number {
  return ((round + Math.random()) / rounds) * window;
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.each(testDatabases().map((d) => d.name))('SIGKILL during writes on %s', (name) => {
  let target: Target;
  let dir = '';
  const batchFile = (year: number) => join(dir, `reports-${year}.csv`);

  beforeAll(async () => {
    target = await makeTarget(name);
    dir = mkdtempSync(join(tmpdir(), 'sibi-crash-files-'));
    const database = await target.open();
    await load(database, 'regions', REGIONS);
    const codes = Array.from({ length: PROJECTS }, (_, i) => `C${String(i).padStart(5, '0')}`);
    await load(
      database,
      'projects',
      codes.map((code) => project(code, { regionCode: '410322', annualTarget: 1_000_000_000n })),
      { year: 2020, list: 'province_key' },
    );
    await createTestAccount(database, {
      username: 'crash_prov',
      role: 'province_officer',
      regionCode: '410000',
    });
    await database.close();
    // One batch per round: reports of a year of its own, so each round's rows are told apart.
    for (let round = -1; round < IMPORT_ROUNDS; round++) {
      const year = 2001 + round;
      const rows = codes.flatMap((code) =>
        Array.from({ length: MONTHS }, (_, m) => ({
          ...report(code, m + 1, BigInt((m + 1) * 1_000_000)),
          year,
        })),
      );
      await writeFile('reports', rows, batchFile(year));
    }
  }, 300_000);
  afterAll(async () => {
    await target?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(url: string): Promise<Client> {
    const client = new Client(url);
    const reply = await client.login('crash_prov', TEST_PASSWORD);
    if (reply.status !== 200) throw new Error(`login: ${reply.status} ${JSON.stringify(reply.body)}`);
    return client;
  }

  function upload(client: Client, year: number) {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(batchFile(year))]), `reports-${year}.csv`);
    return client.request('POST', '/api/import/reports', form);
  }

  async function counts(year: number) {
    const database = await target.open();
    try {
      const [row] = await queryRows<{ reports: number; audits: number; stuck: number }>(
        database.db,
        sql`select (select count(*) from monthly_reports where year = ${year})::int as reports,
                     (select count(*) from audit_log where action = 'import.reports' and outcome = 'ok'
                        and target_id = ${`reports-${year}.csv`})::int as audits,
                     (select count(*) from pg_stat_activity where datname = current_database()
                        and state like 'idle in transaction%')::int as stuck`,
      );
      return row!;
    } finally {
      await database.close();
    }
  }

  it(`keeps each of ${IMPORT_ROUNDS} imports killed at random whole or absent; re-runs are idempotent`, async () => {
    // One batch left alone, twice: how long an import takes here, and that a re-run changes nothing.
    // The same server then carries the first killed round.
    let server: Served | null = await serve(target.env);
    let full = 0;
    try {
      const client = await signIn(server.url);
      const started = performance.now();
      const once = await upload(client, 2000);
      full = performance.now() - started;
      expect(once.status, `${JSON.stringify(once.body)}\n${server.log().slice(-3000)}`).toBe(200);
      expect(once.body.inserted).toBe(BATCH);
      const again = await upload(client, 2000);
      expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: BATCH });
    } catch (error) {
      await kill(server.child);
      throw error;
    }
    let whole = 0;
    let absent = 0;
    for (let round = 0; round < IMPORT_ROUNDS; round++) {
      const year = 2001 + round;
      const { child, url } = server ?? (await serve(target.env));
      server = null;
      const client = await signIn(url);
      const pending = upload(client, year).catch(() => null);
      // anywhere from the upload's first bytes to a little after a whole import takes
      await new Promise((r) => setTimeout(r, spread(round, IMPORT_ROUNDS, full * 1.3)));
      await kill(child);
      await pending;
      let after = await counts(year);
      // A killed client's backend ends once PostgreSQL sees its socket close: give it a moment.
      for (let wait = 0; after.stuck > 0 && wait < 10; wait++) {
        await new Promise((r) => setTimeout(r, 500));
        after = await counts(year);
      }
      // all or nothing, and the audit row goes with the data
      expect([0, BATCH]).toContain(after.reports);
      expect(after.audits).toBe(after.reports === BATCH ? 1 : 0);
      expect(after.stuck).toBe(0);
      if (after.reports === BATCH) whole++;
      else absent++;
    }
    // A killed batch imported again on a server left alone: complete.
    const year = 2001 + IMPORT_ROUNDS - 1;
    const last = await serve(target.env);
    try {
      const reply = await upload(await signIn(last.url), year);
      expect(reply.status, `${JSON.stringify(reply.body)}\n${last.log().slice(-3000)}`).toBe(200);
      expect(reply.body.inserted + reply.body.unchanged).toBe(BATCH);
    } finally {
      await kill(last.child);
    }
    expect((await counts(year)).reports).toBe(BATCH);
    console.info(
      `crash (${target.name}): import of ${BATCH} rows takes ${(full / 1000).toFixed(1)} s; ` +
        `${IMPORT_ROUNDS} imports killed at random — ${whole} whole, ${absent} absent, none partial`,
    );
  }, 1_800_000);

  it(`keeps each of ${PUBLISH_ROUNDS} publications killed at random published once or not at all`, async () => {
    const periods = ['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06', '2020-07', '2020-08'];
    const published = async (period: string) => {
      const database = await target.open();
      try {
        const [row] = await queryRows<{ stored: number; audits: number }>(
          database.db,
          sql`select (select count(*) from evaluations where period = ${period} and state = 'published')::int as stored,
                       (select count(*) from audit_log where action = 'evaluation.publish'
                          and after->>'period' = ${period})::int as audits`,
        );
        return row;
      } finally {
        await database.close();
      }
    };
    // The fixture covers too little for the publish gate: published past it with a reason.
    const body = (period: string) => ({ period, overrideReason: '进程中断测试' });
    let server = await serve(target.env);
    let killed: string | null = null;
    try {
      for (let round = 0; round <= PUBLISH_ROUNDS; round++) {
        const client = await signIn(server.url);
        // The round before was killed: publish it again, 201 if the killed one never committed,
        // else 409; never two.
        if (killed) {
          const retry = await client.post('/api/evaluations', body(killed));
          expect([201, 409], JSON.stringify(retry.body)).toContain(retry.status);
        }
        const period = round < PUBLISH_ROUNDS ? periods[round % periods.length]! : null;
        if (period) {
          const pending = client.post('/api/evaluations', body(period)).catch(() => null);
          await new Promise((r) => setTimeout(r, spread(round, PUBLISH_ROUNDS, 1500)));
          await kill(server.child);
          await pending;
        } else await kill(server.child);
        // The database is free now (PGlite allows one process): the retried period, published once.
        if (killed) expect(await published(killed), killed).toEqual({ stored: 1, audits: 1 });
        killed = period;
        if (period) server = await serve(target.env);
      }
    } finally {
      await kill(server.child);
    }
  }, 1_800_000);
});
