// `sibi stats` for the whole demo province and one period, against the bare SQL scan of the
// same rows (goal ≤ 1.5×). Usage: npx tsx bench/stats.ts [--runs 7] [--period 2020-09]
// PGlite in .bench-data/demo (loaded once), or PostgreSQL when DATABASE_URL is set.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client';
import { analyzeTables, queryRows } from '../src/db/query';
import { parsePeriod } from '../src/domain/period';
import { computeStats } from '../src/services/compute-stats';
import { loadDemo } from '../src/services/load-demo';
import { arg, fmt, medianOf } from './lib';

const runs = Number(arg('runs', '7'));
const period = parsePeriod(arg('period', '2020-09'));
const url = process.env.DATABASE_URL;
const database = await openDatabase(url ? { url } : { dataDir: '.bench-data/demo' });
await loadDemo(database, { skipIfLoaded: true });
await analyzeTables(database.db, [
  'projects',
  'project_years',
  'monthly_reports',
  'deals',
  'reserve_projects',
  'approval_items',
  'project_issues',
]);

/** The same rows read by the simplest statements that touch them: one sum per table. */
async function bareScan() {
  const p = '410000';
  await queryRows(
    database.db,
    sql`select count(*), sum(annual_target) from project_years where province_code = ${p} and year = ${period.year} and list in ('province_key', 'city_key')`,
  );
  await queryRows(
    database.db,
    sql`select count(*), sum(invest_ytd) from monthly_reports where province_code = ${p} and year = ${period.year} and month <= ${period.month}`,
  );
  await queryRows(
    database.db,
    sql`select count(*), sum(contract_amount) from deals where province_code = ${p} and signed_date between ${period.start}::date and ${period.end}::date`,
  );
  await queryRows(
    database.db,
    sql`select count(*), sum(total_investment) from reserve_projects where province_code = ${p} and target_year = ${period.year + 1}`,
  );
  await queryRows(
    database.db,
    sql`select count(*) from approval_items where province_code = ${p} and due_date between ${period.start}::date and ${period.end}::date`,
  );
  await queryRows(
    database.db,
    sql`select count(*) from project_issues where province_code = ${p} and raised_date between ${period.start}::date and ${period.end}::date`,
  );
}

const stats = () => computeStats(database, { region: '410000', period: period.id });
await bareScan();
await stats(); // warm caches for both
const bare = await medianOf(runs, bareScan);
const full = await medianOf(runs, stats);
await database.close();
console.log(`| database | bare SQL scan | sibi stats (province, ${period.id}) | ratio |`);
console.log('|---|---|---|---|');
console.log(
  `| ${database.kind} | ${fmt(bare.median)} | ${fmt(full.median)} | ${(full.median / bare.median).toFixed(2)}× |`,
);
