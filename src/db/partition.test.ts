// `sibi db partition` on PostgreSQL: two databases get the same two provinces of data; one is then
// partitioned by province code. Everything after — imports, the report workflow, statistics, the
// dashboard, an evaluation, a third province split out of the DEFAULT partition later — must give
// exactly what the plain copy gives; a province's metric queries must read only its partitions;
// project_months must stay in step; and a backup of the partitioned database must restore.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliTarget, openTestPglite, openTestPostgres } from '../../test/helpers/databases';
import { deal, load, project, REGIONS, report } from '../../test/helpers/factories';
import { fingerprint } from '../../test/helpers/fingerprint';
import { DIRECT, STORED } from '../../test/helpers/project-months';
import { sibi } from '../../test/helpers/run-sibi';
import type { DealRecord, ProjectRecord, RegionRecord, ReportRecord } from '../domain/records';
import { createBackup } from '../services/backup';
import { composeDashboard } from '../services/compose-dashboard';
import { computeAlerts } from '../services/compute-alerts';
import { computeStats } from '../services/compute-stats';
import { RuleViolationError } from '../services/errors';
import { runEvaluation } from '../services/evaluate-period';
import { partitionByProvince } from '../services/partition-tables';
import { approveReport, returnReport, submitReport } from '../services/reports/report-transitions';
import { createReport, deleteReport, updateReport } from '../services/reports/save-report';
import { restoreBackup } from '../services/restore-backup';
import { loadSettings } from '../services/settings';
import { type Database, openDatabase } from './client';
import { queryRows } from './query';
import { getProject } from './records/projects';
import { findReport, getReport } from './records/reports';

const YI = 100_000_000n;
const ctx = { actor: 'filler', ip: null, now: new Date('2020-12-15T02:00:00Z') };
const reviewer = { ...ctx, actor: 'reviewer' };

const HUBEI: RegionRecord[] = [
  { code: '420000', name: '湖北省', parentCode: null, kind: 'province' },
  { code: '420100', name: '武汉市', parentCode: '420000', kind: 'city' },
  { code: '420102', name: '江岸区', parentCode: '420100', kind: 'county' },
  { code: '420500', name: '宜昌市', parentCode: '420000', kind: 'city' },
];
const HUNAN: RegionRecord[] = [
  { code: '430000', name: '湖南省', parentCode: null, kind: 'province' },
  { code: '430100', name: '长沙市', parentCode: '430000', kind: 'city' },
  { code: '430200', name: '株洲市', parentCode: '430000', kind: 'city' },
];
const PROVINCES: Record<string, { prefix: string; regions: string[] }> = {
  '410000': { prefix: 'H', regions: ['410300', '410322', '410311', '410800', '410181'] },
  '420000': { prefix: 'E', regions: ['420100', '420102', '420500'] },
  '430000': { prefix: 'X', regions: ['430100', '430200'] },
};
const PER_PROVINCE = 24;

function projectsOf(province: string): ProjectRecord[] {
  const { prefix, regions } = PROVINCES[province]!;
  return Array.from({ length: PER_PROVINCE }, (_, i) =>
    project(`${prefix}${i}`, {
      regionCode: regions[i % regions.length]!,
      nature: (['new', 'continuing', 'completing'] as const)[i % 3]!,
      annualTarget: BigInt(5 + (i % 7)) * YI,
      plannedStart: i % 3 === 0 ? `2020-0${1 + (i % 6)}-15` : null,
      plannedCompletion: i % 3 === 2 ? '2020-11-30' : null,
      plannedProduction: i % 4 === 0 ? '2020-10-01' : null,
      productionStart: i % 8 === 0 ? '2020-08-20' : null,
      outputValue: i % 8 === 0 ? BigInt(i + 1) * YI : null,
    }),
  );
}

function reportsOf(province: string, months: readonly number[]): ReportRecord[] {
  const { prefix } = PROVINCES[province]!;
  return Array.from({ length: PER_PROVINCE }, (_, i) => i).flatMap((i) =>
    months
      .filter((m) => (i + m) % 5 !== 0)
      .map((m) => {
        const started = m >= 1 + (i % 4);
        const completed = i % 3 === 2 && m >= 6 + (i % 3);
        return report(`${prefix}${i}`, m, (BigInt(m * (i + 3)) * YI) / 10n, {
          started,
          startDate: started && i % 2 === 0 ? `2020-0${1 + (i % 4)}-10` : null,
          completed,
          completionDate: completed && i % 4 === 1 ? `2020-${String(7 + (i % 3)).padStart(2, '0')}-05` : null,
          reportedAt: `2020-${String(m + 1).padStart(2, '0')}-${String(1 + ((i + m) % 9)).padStart(2, '0')}`,
        });
      }),
  );
}

function dealsOf(province: string): DealRecord[] {
  const { prefix, regions } = PROVINCES[province]!;
  return Array.from({ length: 6 }, (_, i) =>
    deal(`${prefix}签约${i}`, {
      regionCode: regions[i % regions.length]!,
      contractAmount: BigInt(3 + i) * YI,
      origin: (['in_province', 'out_of_province', 'abroad'] as const)[i % 3]!,
      fundsInPlace: BigInt(i) * YI,
      signedDate: `2020-0${1 + i}-12`,
      startDate: i % 2 === 0 ? `2020-0${2 + i}-01` : null,
    }),
  );
}

async function loadProvince(database: Database, province: string, regions: RegionRecord[]) {
  await load(database, 'regions', regions);
  const projects = projectsOf(province);
  await load(database, 'projects', projects, { year: 2020, list: 'province_key' });
  await load(
    database,
    'projects',
    projects.filter((_, i) => i % 3 === 0),
    { year: 2020, list: 'city_key' },
  );
  await load(database, 'reports', reportsOf(province, [1, 2, 3, 4, 5, 6, 7, 8]));
  await load(database, 'deals', dealsOf(province));
}

/** The same online work on either database: drafts, submissions, approvals, a return, a correction, a delete. */
async function workflow(database: Database): Promise<void> {
  const settings = await loadSettings(database.db);
  const byCode = async (code: string) => {
    const [row] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from projects where code = ${code}`,
    );
    return (await getProject(database.db, row!.id))!;
  };
  const values = {
    started: true,
    startDate: null,
    completed: false,
    completionDate: null,
    progressNote: '按计划推进',
    problems: null,
  };
  const reportOf = async (code: string, month: number) => {
    const p = await byCode(code);
    return (await getReport(database.db, (await findReport(database.db, p.id, 2020, month))!.id))!;
  };
  for (const [code, month] of [
    ['H1', 11],
    ['H2', 11],
    ['E1', 11],
    ['E4', 11],
    ['E7', 12],
  ] as const) {
    await createReport(database, ctx, await byCode(code), {
      year: 2020,
      month,
      investYtd: BigInt(month) * 2n * YI,
      ...values,
    });
  }
  for (const [code, month] of [
    ['H1', 11],
    ['H2', 11],
    ['E1', 11],
  ] as const) {
    const row = await reportOf(code, month);
    await submitReport(database, ctx, row, row.version, settings);
  }
  const h1 = await reportOf('H1', 11);
  await approveReport(database, reviewer, h1, h1.version);
  const e1 = await reportOf('E1', 11);
  await approveReport(database, reviewer, e1, e1.version);
  const h2 = await reportOf('H2', 11);
  await returnReport(database, reviewer, h2, h2.version, '数据有误');
  // a correction of an approved report sends it back for review
  const approved = await reportOf('E1', 11);
  await updateReport(database, ctx, approved, approved.version, { investYtd: 23n * YI }, '更正', settings);
  const draft = await reportOf('E4', 11);
  await deleteReport(database, ctx, draft, draft.version);
}

/** Every deterministic column of the two tables (not the clock's), in key order. */
const REPORTS = sql`
  select id, project_id, province_code, year, month, invest_ytd::text, invest_month::text, started, start_date::text,
         completed, completion_date::text, progress_note, problems, reported_at::text, state, late,
         submitted_by, approved_by, returned_reason, version
  from monthly_reports order by id`;

const rowsOf = (database: Database, query: ReturnType<typeof sql>) =>
  queryRows<Record<string, unknown>>(database.db, query);

/** The partitions of each table named in a plan. */
const partitionsIn = (plan: string) =>
  new Set([...plan.matchAll(/\b(?:monthly_reports|project_months)_(?:p\d{6}|default)\b/g)].map((m) => m[0]));

type QueryArgs = unknown[];
interface DriverClient {
  query(...args: QueryArgs): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Every statement `work` sends to the driver (text, parameters and options), in order. */
async function captureStatements(database: Database, work: () => Promise<unknown>): Promise<QueryArgs[]> {
  const client = (database.db as unknown as { $client: DriverClient }).$client;
  const statements: QueryArgs[] = [];
  const query = client.query;
  client.query = function (this: DriverClient, ...args: QueryArgs) {
    statements.push(args);
    return query.apply(this, args);
  };
  try {
    await work();
  } finally {
    client.query = query;
  }
  return statements;
}

async function explain(database: Database, args: QueryArgs): Promise<string> {
  const client = (database.db as unknown as { $client: DriverClient }).$client;
  const [first, ...rest] = args;
  const text = typeof first === 'string' ? first : (first as { text: string }).text;
  const explained = `explain ${text}`;
  const result = await client.query(
    ...(typeof first === 'string'
      ? [explained, ...rest]
      : [{ ...(first as object), text: explained, rowMode: undefined }, ...rest]),
  );
  return result.rows.map((r) => Object.values(r)[0]).join('\n');
}

describe.skipIf(process.env.SIBI_TEST_PG_AVAILABLE !== '1')('sibi db partition on PostgreSQL', () => {
  let plain: Database;
  let parted: Database;
  let cli: Awaited<ReturnType<typeof createCliTarget>>;
  let dir: string;

  beforeAll(async () => {
    cli = await createCliTarget('postgres');
    [plain, parted] = await Promise.all([openTestPostgres(), openDatabase({ url: cli.env.DATABASE_URL })]);
    for (const database of [plain, parted]) {
      await loadProvince(database, '410000', REGIONS);
      await loadProvince(database, '420000', HUBEI);
    }
    dir = mkdtempSync(join(tmpdir(), 'sibi-partition-'));
  }, 180_000);

  afterAll(async () => {
    await plain?.close();
    await parted?.close();
    await cli?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses PGlite, as a service and as a command (exit 1, no data folder made)', async () => {
    const pglite = { kind: 'pglite', location: 'memory' } as Database;
    await expect(partitionByProvince(pglite, ctx)).rejects.toThrow(RuleViolationError);
    const folder = join(dir, 'pglite-data');
    const run = await sibi(['db', 'partition'], { SIBI_DATA_DIR: folder });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('只用于 PostgreSQL');
    expect(() => rmSync(folder)).toThrow(/ENOENT/);
  });

  it('partitions both tables by province, moving every row, with the same keys, indexes, triggers and privileges', async () => {
    const definitions = (database: Database) =>
      rowsOf(
        database,
        // a partitioned table's index reads "ON ONLY table": the same index, made on each partition
        sql`select 'index' as kind, replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ') as def from pg_index i
              where i.indrelid in ('monthly_reports'::regclass, 'project_months'::regclass)
            union all
            select 'constraint', conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              from pg_constraint where conrelid in ('monthly_reports'::regclass, 'project_months'::regclass)
            union all
            select 'trigger', pg_get_triggerdef(oid) || ' ' || tgenabled::text from pg_trigger
              where tgrelid in ('monthly_reports'::regclass, 'project_months'::regclass) and not tgisinternal
            union all
            select 'owner', relname || ' ' || pg_get_userbyid(relowner) || ' ' || coalesce(relacl::text, '')
              from pg_class where oid in ('monthly_reports'::regclass, 'project_months'::regclass,
                                          'monthly_reports_id_seq'::regclass)
            union all
            select 'sequence', pg_get_serial_sequence('monthly_reports', 'id')
            order by 1, 2`,
      );
    // a privilege that must survive the rebuild
    for (const database of [plain, parted]) {
      await database.db.execute(sql`grant select on monthly_reports, project_months to public`);
    }
    const before = await definitions(plain);
    expect(JSON.stringify(before)).toContain('=r/');
    const rows = {
      reports: await rowsOf(parted, REPORTS),
      months: await rowsOf(parted, STORED),
    };
    expect(rows.reports.length).toBeGreaterThan(300);

    const tables = await partitionByProvince(parted, { ...ctx, actor: 'cli:test' });
    expect(tables.map((t) => [t.table, t.action, t.added])).toEqual([
      ['monthly_reports', 'partitioned', ['410000', '420000']],
      ['project_months', 'partitioned', ['410000', '420000']],
    ]);
    expect(tables[0]!.movedRows).toBe(rows.reports.length);
    expect(tables[1]!.movedRows).toBe(rows.months.length);
    for (const t of tables) {
      expect(t.partitions.map((p) => [p.name, p.province])).toEqual([
        [`${t.table}_p410000`, '410000'],
        [`${t.table}_p420000`, '420000'],
        [`${t.table}_default`, null],
      ]);
      expect(t.partitions[0]!.rows).toBeGreaterThan(0);
      expect(t.partitions[1]!.rows).toBeGreaterThan(0);
      expect(t.partitions[2]!.rows).toBe(0);
    }
    const kinds = await rowsOf(
      parted,
      sql`select relname, relkind::text from pg_class where relname in ('monthly_reports', 'project_months') order by 1`,
    );
    expect(kinds).toEqual([
      { relname: 'monthly_reports', relkind: 'p' },
      { relname: 'project_months', relkind: 'p' },
    ]);
    expect(await definitions(parted)).toEqual(before);
    expect(await rowsOf(parted, REPORTS)).toEqual(rows.reports);
    expect(await rowsOf(parted, STORED)).toEqual(rows.months);
    const [audit] = await rowsOf(
      parted,
      sql`select actor, outcome from audit_log where action = 'db.partition' order by id desc limit 1`,
    );
    expect(audit).toEqual({ actor: 'cli:test', outcome: 'ok' });
  });

  it('says so when run again (the command, exit 0) and changes nothing', async () => {
    const run = await sibi(['db', 'partition'], cli.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'monthly_reports：已按省分区（2 个省分区加默认分区），每个省都有自己的分区，未做改动',
    );
    expect(run.stdout).toContain('project_months：已按省分区');
    expect(run.stdout).toMatch(/monthly_reports_p420000 +420000 +\d+ 行/);
  });

  it('gives the same results as the plain copy after imports and the report workflow', async () => {
    for (const database of [plain, parted]) {
      await load(database, 'reports', [
        ...reportsOf('410000', [9, 10]),
        ...reportsOf('420000', [9, 10]),
        // a re-import of a month with changed figures updates in place
        ...reportsOf('420000', [3]).map((r) => ({ ...r, investYtd: r.investYtd + 1n })),
      ]);
      await workflow(database);
    }
    expect(await rowsOf(parted, REPORTS)).toEqual(await rowsOf(plain, REPORTS));
    expect(await rowsOf(parted, STORED)).toEqual(await rowsOf(plain, STORED));
    for (const region of ['410000', '410300', '420000', '420100']) {
      for (const period of ['2020-06', '2020-11', '2020Q3', '2020']) {
        expect(await computeStats(parted, { region, period })).toEqual(
          await computeStats(plain, { region, period }),
        );
      }
    }
    for (const region of ['410000', '420000']) {
      const request = { region, period: '2020-11' };
      expect(await composeDashboard(parted, request)).toEqual(await composeDashboard(plain, request));
      expect(await computeAlerts(parted, request)).toEqual(await computeAlerts(plain, request));
      const evaluation = { scheme: 'sibisikan-2020', period: '2020Q3', region, actor: 'test' };
      const [a, b] = [await runEvaluation(plain, evaluation), await runEvaluation(parted, evaluation)];
      expect(b.result).toEqual(a.result);
      expect(b.hash).toBe(a.hash);
    }
  });

  it('keeps project_months in step with writes on the partitioned tables', async () => {
    expect(await rowsOf(parted, STORED)).toEqual(await rowsOf(parted, DIRECT));
    // raw SQL: a change of state, a delete, and a report moved to the other province's partition
    await parted.db.execute(
      sql`update monthly_reports set state = 'submitted' where month = 4 and project_id % 3 = 0`,
    );
    await parted.db.execute(sql`delete from monthly_reports where month = 2 and project_id % 4 = 1`);
    await parted.db.execute(
      sql`update monthly_reports set province_code = '420000'
          where month = 5 and project_id = (select id from projects where code = 'H6')`,
    );
    expect(await rowsOf(parted, STORED)).toEqual(await rowsOf(parted, DIRECT));
    const [moved] = await rowsOf(
      parted,
      sql`select tableoid::regclass::text as partition from monthly_reports
          where month = 5 and project_id = (select id from projects where code = 'H6')`,
    );
    expect(moved).toEqual({ partition: 'monthly_reports_p420000' });
    await parted.db.execute(
      sql`update monthly_reports set province_code = '410000'
          where month = 5 and project_id = (select id from projects where code = 'H6')`,
    );
    await parted.db.execute(
      sql`update monthly_reports set state = 'approved' where month = 4 and project_id % 3 = 0`,
    );
    await plain.db.execute(sql`delete from monthly_reports where month = 2 and project_id % 4 = 1`);
    expect(await rowsOf(parted, STORED)).toEqual(await rowsOf(plain, STORED));
  });

  it("reads only the province's partitions in the statistics, dashboard and warnings queries", async () => {
    await parted.db.execute(sql`analyze`);
    const statements: QueryArgs[] = [];
    // the province, and a city (whose queries start from its own projects)
    for (const region of ['420000', '420100']) {
      const request = { region, period: '2020-09' };
      statements.push(...(await captureStatements(parted, () => computeStats(parted, request))));
      statements.push(...(await captureStatements(parted, () => composeDashboard(parted, request))));
      statements.push(...(await captureStatements(parted, () => computeAlerts(parted, request))));
    }
    const seen = new Set<string>();
    let reading = 0;
    for (const args of statements) {
      const plan = await explain(parted, args);
      const partitions = partitionsIn(plan);
      if (/\b(monthly_reports|project_months)\b/.test(plan) || partitions.size > 0) reading++;
      for (const p of partitions) seen.add(p);
    }
    expect(reading).toBeGreaterThan(0);
    expect([...seen].sort()).toEqual(['monthly_reports_p420000', 'project_months_p420000']);
    // and the period scan of monthly_reports, by its period index, in one partition
    const plan = await explain(parted, [
      `select count(*), sum(invest_ytd) from monthly_reports where province_code = $1 and year = 2020 and month <= 9`,
      ['410000'],
    ]);
    expect([...partitionsIn(plan)]).toEqual(['monthly_reports_p410000']);
  });

  it('splits a province added later out of the DEFAULT partition when run again', async () => {
    for (const database of [plain, parted]) await loadProvince(database, '430000', HUNAN);
    const waiting = await rowsOf(
      parted,
      sql`select count(*)::int as n from monthly_reports_default where province_code = '430000'`,
    );
    expect(waiting[0]!.n).toBeGreaterThan(0);
    const tables = await partitionByProvince(parted, ctx);
    expect(tables.map((t) => [t.table, t.action, t.added])).toEqual([
      ['monthly_reports', 'split', ['430000']],
      ['project_months', 'split', ['430000']],
    ]);
    expect(tables[0]!.movedRows).toBe(waiting[0]!.n);
    for (const t of tables) {
      expect(t.partitions.map((p) => p.province)).toEqual(['410000', '420000', '430000', null]);
      expect(t.partitions[3]!.rows).toBe(0);
      expect(t.partitions[2]!.rows).toBeGreaterThan(0);
    }
    // the attached partition has the parent's indexes and row triggers
    const [indexes] = await rowsOf(
      parted,
      sql`select count(*)::int as n from pg_index where indrelid = 'monthly_reports_p430000'::regclass`,
    );
    expect(indexes!.n).toBe(3);
    // writes after the split land in the new partition and keep project_months in step
    for (const database of [plain, parted]) await load(database, 'reports', reportsOf('430000', [9, 10]));
    expect(await rowsOf(parted, STORED)).toEqual(await rowsOf(parted, DIRECT));
    expect(await rowsOf(parted, REPORTS)).toEqual(await rowsOf(plain, REPORTS));
    for (const period of ['2020-10', '2020Q3']) {
      const request = { region: '430000', period };
      expect(await computeStats(parted, request)).toEqual(await computeStats(plain, request));
    }
    expect((await partitionByProvince(parted, ctx)).map((t) => t.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('backs up to a file that restores into PGlite, and into PostgreSQL over the partitioned tables', async () => {
    const file = join(dir, 'partitioned.sibi.gz');
    await createBackup(parted, file, ctx, { unsigned: true }); // signing: src/services/backup.test.ts
    const expected = await fingerprint(parted);
    const pglite = await openTestPglite();
    try {
      await restoreBackup(pglite, file, ctx, { unsigned: true });
      expect(await fingerprint(pglite)).toEqual(expected);
    } finally {
      await pglite.close();
    }
    // On PostgreSQL a restore rebuilds the tables plain, and says so; partitioning again keeps every row.
    const summary = await restoreBackup(parted, file, ctx, { force: true, unsigned: true });
    expect(summary.unpartitioned).toEqual(['monthly_reports', 'project_months']);
    expect(await fingerprint(parted)).toEqual(expected);
    const tables = await partitionByProvince(parted, ctx);
    expect(tables.map((t) => t.action)).toEqual(['partitioned', 'partitioned']);
    expect(tables[0]!.partitions.map((p) => p.province)).toEqual(['410000', '420000', '430000', null]);
    const again = await fingerprint(parted);
    // Partitioning writes audit rows of its own (and so extends their hash chain).
    for (const print of [again, expected]) {
      delete print.audit_log;
      delete print['audit_log hash chain'];
    }
    expect(again).toEqual(expected);
  }, 300_000); // a restore reads the file twice: once to verify, once to load
});
