// National scale: ~600 evaluation units in 31 provinces, 300k projects, 3.6M monthly reports
// (deals, approvals and issues in proportion), generated in SQL. Measures the evaluation of one
// province's quarter against the bare SQL scan of that province's rows (goal ≤ 1.5×).
// Usage: npx tsx bench/national.ts [--projects 300000] [--runs 5]   (PGlite in .bench-data/national,
// or PostgreSQL when DATABASE_URL is set — use an empty database).
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client';
import { analyzeTables, queryRows } from '../src/db/query';
import { runEvaluation } from '../src/services/evaluate-period';
import { arg, fmt, medianOf, timeIt } from './lib';

const projects = Number(arg('projects', '300000'));
const runs = Number(arg('runs', '5'));
const url = process.env.DATABASE_URL;
const database = await openDatabase(url ? { url } : { dataDir: '.bench-data/national' });
const { db } = database;

const PROVINCES = 31;
const UNITS_PER_PROVINCE = 19; // 31 × 19 = 589 units
const n =
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from monthly_reports`))[0]?.n ?? 0;
if (n < projects * 12) {
  const seconds = await timeIt(async () => {
    await db.execute(
      sql`truncate regions, projects, project_years, monthly_reports, deals, approval_items, project_issues, reserve_projects restart identity cascade`,
    );
    // Provinces 11..41 (codes P0000), each with 19 cities P01..P19 (P0100 …).
    await db.execute(sql`insert into regions (code, name, kind, province_code)
      select lpad((10 + p)::text, 2, '0') || '0000', '省' || p, 'province', lpad((10 + p)::text, 2, '0') || '0000'
      from generate_series(1, ${PROVINCES}) p`);
    await db.execute(sql`insert into regions (code, name, parent_code, kind, province_code)
      select lpad((10 + p)::text, 2, '0') || lpad(c::text, 2, '0') || '00', '市' || p || '-' || c,
             lpad((10 + p)::text, 2, '0') || '0000', case when c = 19 then 'direct_county' else 'city' end,
             lpad((10 + p)::text, 2, '0') || '0000'
      from generate_series(1, ${PROVINCES}) p, generate_series(1, ${UNITS_PER_PROVINCE}) c`);
    await db.execute(sql`insert into projects (code, name, region_code, province_code, total_investment)
      select 'N-' || g, '项目' || g, r.code, r.province_code, (100000000 + (g % 97) * 10000000)::bigint
      from generate_series(1, ${projects}) g
      join (select code, province_code, row_number() over (order by code) - 1 as i from regions where kind <> 'province') r
        on r.i = g % ${PROVINCES * UNITS_PER_PROVINCE}`);
    await db.execute(sql`insert into project_years (project_id, province_code, year, list, nature, annual_target, completion_planned)
      select id, province_code, 2020, case when id % 4 = 0 then 'province_key' else 'city_key' end,
             case when id % 3 = 0 then 'new' when id % 7 = 0 then 'completing' else 'continuing' end,
             (20000000 + (id % 89) * 1000000)::bigint, id % 7 = 0
      from projects`);
    await db.execute(sql`insert into monthly_reports (project_id, province_code, year, month, invest_ytd, started, completed, state, late, reported_at)
      select p.id, p.province_code, 2020, m, ((20000000::bigint + (p.id % 89) * 1000000) * m / 12 * (80 + p.id % 30) / 100)::bigint,
             m >= 1 + p.id % 6, p.id % 7 = 0 and m >= 10, 'approved', (p.id + m) % 13 = 0, make_date(2020, 1, 1)
      from projects p, generate_series(1, 12) m`);
    await db.execute(sql`insert into deals (name, region_code, province_code, origin, top500, signed_date, contract_amount, funds_in_place, start_date)
      select '签约' || g, r.code, r.province_code, (array['in_province','out_of_province','abroad'])[1 + g % 3],
             case when g % 11 = 0 then 'china500' end, make_date(2020, 1 + g % 12, 1 + g % 28),
             (50000000::bigint + (g % 53) * 100000000::bigint), (g % 17) * 10000000::bigint,
             case when g % 4 <> 0 then make_date(2020, 1 + g % 12, 1 + g % 28) + 30 end
      from generate_series(1, ${projects / 10}) g
      join (select code, province_code, row_number() over (order by code) - 1 as i from regions where kind <> 'province') r
        on r.i = g % ${PROVINCES * UNITS_PER_PROVINCE}`);
    await db.execute(sql`insert into approval_items (project_id, province_code, item_name, due_date, submitted_date, done_date)
      select id, province_code, '用地预审', make_date(2020, 1 + id % 12, 10), make_date(2020, 1 + id % 12, 1),
             case when id % 5 <> 0 then make_date(2020, 1 + id % 12, 1) + (id % 20) end
      from projects where id % 3 = 0`);
    await db.execute(sql`insert into project_issues (project_id, province_code, description, raised_date, resolved_date)
      select id, province_code, '协调事项' || id, make_date(2020, 1 + id % 12, 5),
             case when id % 4 <> 0 then make_date(2020, 1 + id % 12, 5) + (id % 40) end
      from projects where id % 10 = 0`);
    await db.execute(sql`insert into reserve_projects (name, region_code, province_code, target_year, total_investment, major)
      select '储备' || g, r.code, r.province_code, 2021, (g % 71) * 10000000::bigint, g % 9 = 0
      from generate_series(1, ${projects / 5}) g
      join (select code, province_code, row_number() over (order by code) - 1 as i from regions where kind <> 'province') r
        on r.i = g % ${PROVINCES * UNITS_PER_PROVINCE}`);
    await analyzeTables(db, [
      'regions',
      'projects',
      'project_years',
      'monthly_reports',
      'deals',
      'reserve_projects',
      'approval_items',
      'project_issues',
    ]);
  });
  console.error(`generated ${projects} projects in ${(seconds / 1000).toFixed(0)} s`);
}
const counts = await queryRows<Record<string, number>>(
  db,
  sql`select (select count(*) from regions where kind <> 'province')::int as units, (select count(*) from projects)::int as projects,
             (select count(*) from monthly_reports)::int as reports`,
);
const province = '410000';
async function bareScan() {
  await queryRows(
    db,
    sql`select count(*), sum(annual_target) from project_years where province_code = ${province} and year = 2020`,
  );
  await queryRows(
    db,
    sql`select count(*), sum(invest_ytd) from monthly_reports where province_code = ${province} and year = 2020 and month <= 9`,
  );
  await queryRows(
    db,
    sql`select count(*), sum(contract_amount) from deals where province_code = ${province} and signed_date between '2020-01-01' and '2020-09-30'`,
  );
  await queryRows(
    db,
    sql`select count(*) from reserve_projects where province_code = ${province} and target_year = 2021`,
  );
  await queryRows(
    db,
    sql`select count(*) from approval_items where province_code = ${province} and due_date between '2020-01-01' and '2020-09-30'`,
  );
  await queryRows(
    db,
    sql`select count(*) from project_issues where province_code = ${province} and raised_date between '2020-01-01' and '2020-09-30'`,
  );
}
const evaluateQuarter = () =>
  runEvaluation(database, { scheme: 'sibisikan-2020', period: '2020Q3', region: province, actor: 'bench' });
await bareScan();
await evaluateQuarter();
const bare = await medianOf(runs, bareScan);
const full = await medianOf(runs, evaluateQuarter);
await database.close();
console.log(`data: ${JSON.stringify(counts[0])}`);
console.log('| database | bare SQL scan (one province, Jan–Sep) | evaluation 2020Q3 (19 units) | ratio |');
console.log('|---|---|---|---|');
console.log(
  `| ${database.kind} | ${fmt(bare.median)} | ${fmt(full.median)} | ${(full.median / bare.median).toFixed(2)}× |`,
);
