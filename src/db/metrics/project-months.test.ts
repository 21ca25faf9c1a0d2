// project_months (the carried-forward month-end figures the key-project metrics read) must equal the
// direct computation from monthly_reports after every kind of write: imports, the report workflow,
// raw SQL, deletes, truncation, concurrent writers and the migration's backfill.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, project, REGIONS, report } from '../../../test/helpers/factories';
import { DIRECT, STORED } from '../../../test/helpers/project-months';
import { approveReport, returnReport, submitReport } from '../../services/reports/report-transitions';
import { createReport, deleteReport, updateReport } from '../../services/reports/save-report';
import { loadSettings } from '../../services/settings';
import { type Database, MIGRATIONS_FOLDER } from '../client';
import { queryRows } from '../query';
import { getProject } from '../records/projects';
import { getReport } from '../records/reports';

const YI = 100_000_000n;
const ctx = { actor: 'filler', ip: null, now: new Date('2020-12-15T02:00:00Z') };

// On PostgreSQL also with the tables partitioned by province (`sibi db partition`): the triggers then
// sit on the partitioned parent, and a change of province code moves a report between partitions.
describe.each(testDatabases({ partitioned: true }))('project_months on $label', (target: TestDatabase) => {
  let database: Database;
  let ids: Map<string, number>;

  async function expectDirect(): Promise<number> {
    const direct = await queryRows<Record<string, unknown>>(database.db, DIRECT);
    const stored = await queryRows<Record<string, unknown>>(database.db, STORED);
    expect(stored).toEqual(direct);
    return stored.length;
  }
  const reportId = async (code: string, month: number, year = 2020) =>
    (
      await queryRows<{ id: number }>(
        database.db,
        sql`select id from monthly_reports where project_id = ${ids.get(code)!} and year = ${year} and month = ${month}`,
      )
    )[0]!.id;
  const reportRow = async (code: string, month: number) =>
    (await getReport(database.db, await reportId(code, month)))!;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [
        project('A', { regionCode: '410300' }),
        project('B', { regionCode: '410800' }),
        project('C', { regionCode: '410322' }),
        project('D', { regionCode: '410181' }),
      ],
      { year: 2020, list: 'province_key' },
    );
    const rows = await queryRows<{ code: string; id: number }>(
      database.db,
      sql`select code, id from projects`,
    );
    ids = new Map(rows.map((r) => [r.code, r.id]));
  });
  afterAll(() => database.close());

  it('follows imports: gaps carried forward, start and completion dates after the month, in another year', async () => {
    await load(database, 'reports', [
      report('A', 1, 1n * YI),
      report('A', 3, 3n * YI, { started: true, startDate: '2020-05-10' }),
      report('A', 6, 6n * YI, { started: true, startDate: '2020-05-10', completed: true }),
      report('B', 2, 2n * YI, { started: true }),
      report('B', 9, 9n * YI, { started: true, completed: true, completionDate: '2021-02-01' }),
      report('C', 4, 4n * YI, { started: true, startDate: '2019-12-01' }),
      report('C', 12, 12n * YI, { started: true, startDate: '2019-12-01' }),
      report('A', 1, 13n * YI, { year: 2021 }),
    ]);
    // A 2020 from January, B from February, C from April, A 2021 from January: every month to December
    expect(await expectDirect()).toBe(12 + 11 + 9 + 12);
    const a = await queryRows<{ month: number; invest: string; started: boolean }>(
      database.db,
      sql`select month, invest_ytd::text as invest, started from project_months
          where project_id = ${ids.get('A')!} and year = 2020 and month in (2, 4, 5) order by month`,
    );
    expect(a).toEqual([
      { month: 2, invest: String(1n * YI), started: false },
      { month: 4, invest: String(3n * YI), started: false },
      { month: 5, invest: String(3n * YI), started: true },
    ]);
    // Re-importing changes only what changed, and the carried figures follow.
    await load(database, 'reports', [report('A', 3, 4n * YI, { started: true, startDate: '2020-03-01' })]);
    await expectDirect();
  });

  it('follows the report workflow: drafts count for nothing, submitted for punctuality, approved for figures', async () => {
    const d = (await getProject(database.db, ids.get('D')!))!;
    const settings = await loadSettings(database.db);
    const values = {
      started: true,
      startDate: '2020-03-02',
      completed: false,
      completionDate: null,
      progressNote: null,
      problems: null,
    };
    for (const month of [3, 5, 7, 8]) {
      await createReport(database, ctx, d, { year: 2020, month, investYtd: BigInt(month) * YI, ...values });
    }
    await expectDirect();
    for (const month of [3, 7, 8]) {
      const row = await reportRow('D', month);
      await submitReport(database, ctx, row, row.version, settings);
    }
    await expectDirect();
    const three = await reportRow('D', 3);
    await approveReport(database, { ...ctx, actor: 'reviewer' }, three, three.version);
    const seven = await reportRow('D', 7);
    await returnReport(database, { ...ctx, actor: 'reviewer' }, seven, seven.version, '数据有误');
    expect(await expectDirect()).toBeGreaterThan(0);
    // A correction of an approved report sends it back for review: its figure no longer counts.
    const approved = await reportRow('D', 3);
    await updateReport(
      database,
      ctx,
      approved,
      approved.version,
      { investYtd: (35n * YI) / 10n },
      '更正',
      settings,
    );
    await expectDirect();
    const draft = await reportRow('D', 5);
    await deleteReport(database, ctx, draft, draft.version);
    await expectDirect();
  });

  it('follows raw SQL: state, punctuality, province code and deletes', async () => {
    const a = ids.get('A')!;
    await database.db.execute(
      sql`update monthly_reports set late = true where project_id = ${a} and month = 3`,
    );
    await database.db.execute(
      sql`update monthly_reports set state = 'submitted' where project_id = ${ids.get('B')!} and month = 9`,
    );
    await database.db.execute(
      sql`update monthly_reports set province_code = '420000' where project_id = ${a} and month = 6`,
    );
    await database.db.execute(sql`update monthly_reports set invest_month = 0, progress_note = '只改备注'`);
    await expectDirect();
    await database.db.execute(
      sql`delete from monthly_reports where project_id = ${ids.get('C')!} and month = 12`,
    );
    await expectDirect();
  });

  it('stays exact when two transactions write reports of one project at once', async () => {
    if (target.name !== 'postgres') return; // PGlite has one connection: nothing runs at once
    const a = ids.get('A')!;
    let updated!: () => void;
    const hasUpdated = new Promise<void>((resolve) => {
      updated = resolve;
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = database.db.transaction(async (tx) => {
      await tx.execute(
        sql`update monthly_reports set invest_ytd = invest_ytd + 1 where project_id = ${a} and month = 1`,
      );
      updated();
      await held;
    });
    await hasUpdated;
    // drizzle runs a query when it is awaited or then'd: start it now
    const second = database.db
      .execute(sql`delete from monthly_reports where project_id = ${a} and year = 2020 and month = 3`)
      .then(() => undefined);
    // the second waits for the first's lock before the first commits
    for (let waited = 0; ; waited += 50) {
      const [blocked] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (blocked!.n > 0) break;
      if (waited > 10_000) throw new Error('the second writer never waited for the first');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    release();
    await Promise.all([first, second]);
    await expectDirect();
  });

  it('drops inserts that do not come from its triggers', async () => {
    const before = await expectDirect();
    await database.db.execute(
      sql`insert into project_months (project_id, province_code, year, month, invest_ytd, started, completed, on_time)
          values (${ids.get('B')!}, '410000', 2019, 1, 1, true, true, 1)`,
    );
    expect(await expectDirect()).toBe(before);
  });

  it('is rebuilt exactly by the migration that created it', async () => {
    const before = await expectDirect();
    const migration = readFileSync(join(MIGRATIONS_FOLDER, '0004_project_months.sql'), 'utf8');
    const backfill = migration
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .find((s) => s.startsWith('SELECT project_months_refresh('));
    expect(backfill).toBeDefined();
    // In the migration the backfill runs before the trigger that drops direct inserts exists.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`delete from project_months`);
      await tx.execute(sql`alter table project_months disable trigger project_months_derived_only`);
      await tx.execute(sql.raw(backfill!));
      await tx.execute(sql`alter table project_months enable trigger project_months_derived_only`);
    });
    expect(await expectDirect()).toBe(before);
  });

  it('empties with its reports', async () => {
    await database.db.execute(sql`truncate monthly_reports`);
    expect(await expectDirect()).toBe(0);
  });
});
