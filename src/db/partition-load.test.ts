// `sibi db partition` while the database serves traffic (issue #14 item 6). On PostgreSQL, other
// connections keep reading and writing projects and reports, in transactions shaped like the
// server's (a project row touched, then its report, then the audit log), for the whole run. The
// command must finish, no writer may be chosen as a deadlock victim or stall for long, no write may
// be lost, and the data after must be what the writers' own tally says. A run refused, interrupted
// or abandoned leaves the tables as they were, and the next run finishes it. On PGlite (one process)
// the command is refused, and the data stay as they were.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite, openTestPostgres, PG_ADMIN_URL } from '../../test/helpers/databases';
import { load, project, REGIONS } from '../../test/helpers/factories';
import { fingerprint } from '../../test/helpers/fingerprint';
import { DIRECT, STORED } from '../../test/helpers/project-months';
import { sibi } from '../../test/helpers/run-sibi';
import type { RegionRecord } from '../domain/records';
import { verifyAuditLog } from '../services/audit-log';
import { RuleViolationError } from '../services/errors';
import { type OnlineRun, partitionByProvince, partitionOnline } from '../services/partition-tables';
import type { Database } from './client';
import { PartitionLockError } from './partition-online';
import { queryRows } from './query';

const HUBEI: RegionRecord[] = [
  { code: '420000', name: '湖北省', parentCode: null, kind: 'province' },
  { code: '420100', name: '武汉市', parentCode: '420000', kind: 'city' },
];
const ctx = { actor: 'cli:test', ip: null, now: new Date('2020-12-15T02:00:00Z') };
/** Reports per project: enough rows that copying them takes seconds, as it does at a province's scale. */
const YEARS = { from: 1981, to: 2020 };
const PROJECTS = 120;
/** Codes that mean "try again" (deadlock victim, lock not granted, serialization), never a lost write. */
const RETRYABLE = new Set(['40P01', '55P03', '40001']);
/** The longest a single request may wait while the command runs (the command's own lock waits are 0.5 s). */
const MAX_STALL_MS = 2_500;

interface Tally {
  increments: number;
  inserts: number;
  reads: number;
  retried: Record<string, number>;
  failed: string[];
  slowest: number;
  stalls: number[];
}

/** Totals the writers' work is checked against. */
async function totals(database: Database) {
  const [row] = await queryRows<{ rows: number; invest: string; months: number }>(
    database.db,
    sql`select (select count(*)::int from monthly_reports) as rows,
               (select coalesce(sum(invest_ytd), 0)::text from monthly_reports) as invest,
               (select count(*)::int from project_months) as months`,
  );
  return { rows: row!.rows, invest: BigInt(row!.invest), months: row!.months };
}

/**
 * Traffic on its own connections until `stop` says so: each worker runs one kind of transaction
 * over and over, timing each one, retrying (and counting) what PostgreSQL says may be retried.
 */
function traffic(url: string, stop: { done: boolean }, projectIds: number[], reportIds: number[]) {
  const pool = new pg.Pool({ connectionString: url, max: 6, application_name: 'load-test' });
  const tally: Tally = {
    increments: 0,
    inserts: 0,
    reads: 0,
    retried: {},
    failed: [],
    slowest: 0,
    stalls: [],
  };
  let next = 0;
  const pick = <T>(list: T[]) => list[next++ % list.length]!;
  let insertYear = 2030;
  let insertMonth = 0;

  async function run(work: (client: pg.PoolClient) => Promise<void>, count: () => void) {
    for (;;) {
      const client = await pool.connect();
      const started = performance.now();
      try {
        await client.query('begin');
        await work(client);
        await client.query('commit');
        const took = performance.now() - started;
        tally.slowest = Math.max(tally.slowest, took);
        if (took > 1000) tally.stalls.push(Math.round(took));
        count();
        return;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        const code = (error as { code?: string }).code ?? '';
        if (!RETRYABLE.has(code)) {
          tally.failed.push(`${code} ${(error as Error).message}`);
          return;
        }
        tally.retried[code] = (tally.retried[code] ?? 0) + 1;
      } finally {
        client.release();
      }
    }
  }

  // A report corrected: its project touched first (as a save that updates the project does), then
  // the report, then an audit row.
  const increment = async () => {
    const id = pick(reportIds);
    await run(
      async (client) => {
        const { rows } = await client.query('select project_id from monthly_reports where id = $1', [id]);
        await client.query('update projects set version = version + 1 where id = $1', [rows[0].project_id]);
        await client.query(
          'update monthly_reports set invest_ytd = invest_ytd + 1, version = version + 1 where id = $1',
          [id],
        );
        await client.query(
          `insert into audit_log (actor, action, target_type, target_id, outcome) values ('load', 'report.update', 'report', $1, 'ok')`,
          [String(id)],
        );
      },
      () => tally.increments++,
    );
  };
  // A new report: the project read, the report inserted (project_months derived by the triggers).
  const insert = async () => {
    const projectId = pick(projectIds);
    if (++insertMonth > 12) {
      insertMonth = 1;
      insertYear++;
    }
    const [year, month] = [insertYear, insertMonth];
    await run(
      async (client) => {
        const { rows } = await client.query('select province_code from projects where id = $1', [projectId]);
        await client.query(
          `insert into monthly_reports (project_id, province_code, year, month, invest_ytd, state)
           values ($1, $2, $3, $4, 1000, 'approved')`,
          [projectId, rows[0].province_code, year, month],
        );
      },
      () => tally.inserts++,
    );
  };
  // A statistics read of one province.
  const read = async () => {
    const province = next % 2 === 0 ? '410000' : '420000';
    await run(
      async (client) => {
        await client.query(
          `select count(*), sum(r.invest_ytd) from monthly_reports r join projects p on p.id = r.project_id
           where r.province_code = $1 and r.year = 2020`,
          [province],
        );
        await client.query('select count(*) from project_months where province_code = $1 and year = 2020', [
          province,
        ]);
      },
      () => tally.reads++,
    );
  };
  const loop = async (step: () => Promise<void>) => {
    while (!stop.done) await step();
  };
  const workers = Promise.all([loop(increment), loop(increment), loop(insert), loop(read), loop(read)]);
  return {
    tally,
    finish: async () => {
      stop.done = true;
      await workers;
      await pool.end();
    },
  };
}

/** Regions, `projects` projects, and a report for every month of `years` each (project_months derived). */
async function loadReports(database: Database, projects: number, years: { from: number; to: number }) {
  await load(database, 'regions', [...REGIONS, ...HUBEI]);
  const regions = ['410300', '410322', '410800', '420100'];
  await load(
    database,
    'projects',
    Array.from({ length: projects }, (_, i) =>
      project(`L${i}`, { regionCode: regions[i % regions.length]! }),
    ),
    { year: 2020, list: 'province_key' },
  );
  await database.db.execute(sql`
    insert into monthly_reports (project_id, province_code, year, month, invest_ytd, state, started, late)
    select p.id, p.province_code, y, m, (p.id * 1000 + y * 12 + m)::bigint * 10000,
           case when (p.id + m) % 4 = 0 then 'submitted' else 'approved' end, m > 3, (p.id + y + m) % 9 = 0
    from projects p, generate_series(${years.from}::int, ${years.to}::int) y, generate_series(1, 12) m`);
  await database.db.execute(sql`analyze`);
}

async function urlOf(database: Database): Promise<string> {
  const [name] = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name!.name}`;
  return url.toString();
}

/** What the rebuild must keep: every report and derived month, row by row. */
const EVERY_REPORT = sql`select id, project_id, province_code, year, month, invest_ytd::text, state, version
                         from monthly_reports order by id`;

/** Relations an online run leaves while unfinished: shadows, replaced tables, mirror functions. */
async function leftovers(database: Database): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    database.db,
    sql`select relname as name from pg_class
        where relname like '%\\_\\_%' and relnamespace = 'public'::regnamespace
        union all
        select proname from pg_proc where proname like '%\\_\\_mirror' order by 1`,
  );
  return rows.map((r) => r.name);
}

describe.skipIf(process.env.SIBI_TEST_PG_AVAILABLE !== '1')(
  'sibi db partition under traffic (PostgreSQL)',
  () => {
    let database: Database;
    let url: string;

    beforeAll(async () => {
      database = await openTestPostgres();
      await loadReports(database, PROJECTS, YEARS);
      url = await urlOf(database);
    }, 300_000);

    afterAll(async () => {
      await database?.close();
    });

    it('partitions while other connections read and write: no deadlock, no long stall, no lost write', async () => {
      const before = await totals(database);
      expect(before.rows).toBe(PROJECTS * (YEARS.to - YEARS.from + 1) * 12);
      const projectIds = (
        await queryRows<{ id: number }>(database.db, sql`select id from projects order by id`)
      ).map((r) => r.id);
      const reportIds = (
        await queryRows<{ id: number }>(
          database.db,
          sql`select id from monthly_reports where year = 2020 order by id limit 200`,
        )
      ).map((r) => r.id);

      const stop = { done: false };
      const load = traffic(url, stop, projectIds, reportIds);
      // Traffic first, then the command in the middle of it.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const started = performance.now();
      let outcome: unknown;
      let run: OnlineRun | undefined;
      try {
        run = await partitionOnline(database, ctx, {
          progress: (line) => console.info(`${Math.round(performance.now() - started)} ms ${line}`),
        });
        outcome = run.tables;
      } catch (error) {
        outcome = error;
      }
      const took = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await load.finish();
      const { tally } = load;
      console.info(
        `partition under traffic: ${Math.round(took)} ms; ${tally.increments} updates, ${tally.inserts} inserts, ` +
          `${tally.reads} reads; retried ${JSON.stringify(tally.retried)}; slowest ${Math.round(tally.slowest)} ms; ` +
          `stalls over 1 s ${JSON.stringify(tally.stalls)}; ${run?.batches} batches, ${run?.retries} lock retries, ` +
          `longest exclusive hold ${Math.round(run?.exclusiveMs ?? 0)} ms`,
      );
      if (outcome instanceof Error) console.info(outcome.message);

      expect(outcome).toBeInstanceOf(Array);
      expect((outcome as { action: string }[]).map((t) => t.action)).toEqual(['partitioned', 'partitioned']);
      // Traffic kept flowing: nothing failed, no writer was a deadlock victim, none waited long.
      expect(tally.failed).toEqual([]);
      expect(tally.retried['40P01'] ?? 0).toBe(0);
      expect(tally.increments).toBeGreaterThan(20);
      expect(tally.inserts).toBeGreaterThan(20);
      expect(tally.reads).toBeGreaterThan(20);
      expect(tally.slowest).toBeLessThan(MAX_STALL_MS);

      // Every write is there: the writers' tally is the database's.
      const after = await totals(database);
      expect(after.rows).toBe(before.rows + tally.inserts);
      expect(after.invest).toBe(before.invest + BigInt(tally.increments) + BigInt(tally.inserts) * 1000n);
      const kinds = await queryRows<{ relname: string; relkind: string }>(
        database.db,
        sql`select relname, relkind::text from pg_class where relname in ('monthly_reports', 'project_months') order by 1`,
      );
      expect(kinds.map((k) => k.relkind)).toEqual(['p', 'p']);
      // project_months still what the reports say; the audit chain still whole; nothing left behind.
      expect(await queryRows(database.db, STORED)).toEqual(await queryRows(database.db, DIRECT));
      expect(after.months).toBeGreaterThan(0);
      const chain = await verifyAuditLog(database, ctx);
      expect(chain.ok).toBe(true);
      expect(await leftovers(database)).toEqual([]);
    }, 300_000);
  },
);

describe.skipIf(process.env.SIBI_TEST_PG_AVAILABLE !== '1')(
  'sibi db partition stopped half way: refused, interrupted, resumed, abandoned (PostgreSQL)',
  () => {
    let database: Database;
    let url: string;
    let reports: Record<string, unknown>[];

    beforeAll(async () => {
      database = await openTestPostgres();
      await loadReports(database, 24, { from: 2016, to: 2020 });
      url = await urlOf(database);
      reports = await queryRows(database.db, EVERY_REPORT);
    }, 300_000);

    afterAll(async () => {
      await database?.close();
    });

    const relkinds = async () =>
      (
        await queryRows<{ kind: string }>(
          database.db,
          sql`select relkind::text as kind from pg_class where relname in ('monthly_reports', 'project_months') order by relname`,
        )
      ).map((r) => r.kind);

    it('refuses, naming the session that holds the reports, when it cannot get its lock; the tables stay as they were', async () => {
      const holder = new pg.Client({ connectionString: url, application_name: 'sibi:serve:4242@app1' });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query('select count(*) from monthly_reports');
        const started = performance.now();
        const refusal = await partitionOnline(database, ctx, { lockTimeoutMs: 100, giveUpMs: 2_000 }).catch(
          (error: unknown) => error,
        );
        expect(refusal).toBeInstanceOf(PartitionLockError);
        const message = (refusal as Error).message;
        expect(message).toContain('装同步触发器');
        expect(message).toContain('sibi:serve:4242@app1');
        expect(message).toContain('monthly_reports AccessShareLock');
        expect(message).toContain('idle in transaction');
        expect(message).toContain('sibi db partition --abandon');
        expect(performance.now() - started).toBeLessThan(15_000);
        // The holder was never made to wait, nor broken: it goes on, and writes.
        await holder.query(`update monthly_reports set version = version where id = $1`, [reports[0]!.id]);
        await holder.query('commit');
      } finally {
        await holder.end();
      }
      expect(await relkinds()).toEqual(['r', 'r']);
      expect(await queryRows(database.db, EVERY_REPORT)).toEqual(reports);
      // The shadows made before the refused step are all that is left; no trigger on the tables.
      expect(await leftovers(database)).toEqual(
        expect.arrayContaining(['monthly_reports__partitioned', 'project_months__partitioned']),
      );
      const [mirrors] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from pg_trigger where tgname like '%mirror%'`,
      );
      expect(mirrors!.n).toBe(0);
    });

    it('stopped after the copy, keeps the shadow in step with writes, and finishes when run again', async () => {
      const stop = new Error('stopped by the test');
      const interrupted = await partitionOnline(database, ctx, {
        progress: (line) => {
          if (line.startsWith('project_months：已复制')) throw stop;
        },
      }).catch((error: unknown) => error);
      expect(interrupted).toBe(stop);
      expect(await relkinds()).toEqual(['r', 'r']);
      // Writes meanwhile (a change, a new report, a delete, a truncate of nothing) reach the shadow.
      const [first, second] = reports as { id: number }[];
      await database.db.execute(
        sql`update monthly_reports set invest_ytd = invest_ytd + 7 where id = ${first!.id}`,
      );
      await database.db.execute(sql`delete from monthly_reports where id = ${second!.id}`);
      await database.db.execute(
        sql`insert into monthly_reports (project_id, province_code, year, month, invest_ytd, state)
            select id, province_code, 2021, 1, 5, 'approved' from projects order by id limit 3`,
      );
      const expected = await queryRows(database.db, EVERY_REPORT);
      const months = await queryRows(database.db, STORED);

      const run = await partitionOnline(database, ctx);
      expect(run.resumed).toEqual(['monthly_reports', 'project_months']);
      expect(run.tables.map((t) => [t.table, t.action])).toEqual([
        ['monthly_reports', 'partitioned'],
        ['project_months', 'partitioned'],
      ]);
      expect(await relkinds()).toEqual(['p', 'p']);
      expect(await queryRows(database.db, EVERY_REPORT)).toEqual(expected);
      expect(await queryRows(database.db, STORED)).toEqual(months);
      expect(await queryRows(database.db, STORED)).toEqual(await queryRows(database.db, DIRECT));
      expect(await leftovers(database)).toEqual([]);
      expect((await verifyAuditLog(database, ctx)).ok).toBe(true);
    }, 120_000);

    it('--abandon removes what an interrupted run left, and nothing else', async () => {
      // A province added since makes the next run split it out; stop it before that, in the copy of
      // a fresh database's tables instead: the one above is partitioned now, so use a new one.
      const fresh = await openTestPostgres();
      try {
        await loadReports(fresh, 6, { from: 2020, to: 2020 });
        const before = await queryRows(fresh.db, EVERY_REPORT);
        const stop = new Error('stopped');
        await partitionOnline(fresh, ctx, {
          progress: (line) => {
            if (line.startsWith('已建影子表')) throw stop;
          },
        }).catch(() => {});
        expect(await leftovers(fresh)).not.toEqual([]);
        const run = await sibi(['db', 'partition', '--abandon'], { DATABASE_URL: await urlOf(fresh) });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('已撤销 monthly_reports、project_months 的影子表与同步触发器');
        expect(await leftovers(fresh)).toEqual([]);
        expect(await queryRows(fresh.db, EVERY_REPORT)).toEqual(before);
        const [mirrors] = await queryRows<{ n: number }>(
          fresh.db,
          sql`select count(*)::int as n from pg_trigger where tgname like '%mirror%'`,
        );
        expect(mirrors!.n).toBe(0);
      } finally {
        await fresh.close();
      }
    }, 120_000);
  },
);

describe('sibi db partition on PGlite (one process)', () => {
  it('is refused in the process that has the database open, and the data stay as they were', async () => {
    const database = await openTestPglite();
    try {
      await load(database, 'regions', REGIONS);
      await load(database, 'projects', [project('P1'), project('P2')], { year: 2020, list: 'province_key' });
      const before = await fingerprint(database);
      await expect(partitionByProvince(database, ctx)).rejects.toThrow(RuleViolationError);
      expect(await fingerprint(database)).toEqual(before);
    } finally {
      await database.close();
    }
  }, 120_000);
});
