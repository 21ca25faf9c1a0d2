// National scale: ~600 evaluation units in 31 provinces, 300k projects, 3.6M monthly reports
// (deals, approvals and issues in proportion), generated in SQL. Measures, for one province:
// the evaluation of its quarter against the bare SQL scan of its rows (goal ≤ 1.5×), and the
// evaluation, `computeStats` and the dashboard (as a service and over real HTTP) each against
// executing the very SQL statements it runs, captured at the driver (goal ≤ 1.3×).
// Usage: npx tsx bench/national.ts [--projects 300000] [--runs 5] [--warmup 5] [--explain]
// (PGlite in .bench-data/national, or PostgreSQL when DATABASE_URL is set — use an empty database).
// --explain prints EXPLAIN (ANALYZE, BUFFERS) of every statement of the evaluation and the dashboard.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client';
import { analyzeTables, queryRows } from '../src/db/query';
import { buildApp } from '../src/http/app';
import { createAccount } from '../src/services/auth/accounts';
import { composeDashboard } from '../src/services/compose-dashboard';
import { computeStats } from '../src/services/compute-stats';
import { ConflictError } from '../src/services/errors';
import { runEvaluation } from '../src/services/evaluate-period';
import { arg, fmt, medianOf, pairedMedians, timeIt } from './lib';

const projects = Number(arg('projects', '300000'));
const runs = Number(arg('runs', '5'));
const warmup = Number(arg('warmup', '5'));
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
             (select count(*) from monthly_reports)::int as reports, (select count(*) from deals)::int as deals,
             (select count(*) from approval_items)::int as approvals, (select count(*) from project_issues)::int as issues,
             (select count(*) from reserve_projects)::int as reserve`,
);
const sizes = await queryRows<{ relation: string; size: string }>(
  db,
  sql`select c.relname as relation, pg_size_pretty(pg_relation_size(c.oid)) as size
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'i')
        and (c.relname like 'monthly\_reports%' or c.relname like 'project\_months%')
      order by c.relname`,
);
const province = '410000';
const period = { month: '2020-09', quarter: '2020Q3' };

// --- Capturing and replaying the SQL a service runs, at the driver ------------------------
type QueryArgs = unknown[];
interface DriverClient {
  query(...args: QueryArgs): Promise<unknown>;
}
const client = (db as unknown as { $client: DriverClient }).$client;

/** Every statement `work` sends to the driver (text, parameters and options), in order. */
async function captureStatements(work: () => Promise<unknown>): Promise<QueryArgs[]> {
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

async function replay(statements: QueryArgs[]): Promise<void> {
  for (const args of statements) await client.query(...args);
}

const textOf = (args: QueryArgs) =>
  typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;

async function explain(label: string, statements: QueryArgs[]): Promise<void> {
  for (const args of statements) {
    const text = textOf(args);
    const alone = await medianOf(runs, () => client.query(...args));
    const explained = `explain (analyze, buffers) ${text}`;
    const [first, ...rest] = args;
    const result = (await client.query(
      ...(typeof first === 'string'
        ? [explained, ...rest]
        : [{ ...(first as object), text: explained }, ...rest]),
    )) as { rows: Record<string, string>[] };
    const plan = result.rows.map((r) => Object.values(r)[0]).join('\n');
    console.log(
      `\n### ${label}: ${fmt(alone.median)} (median alone) — ${text.replace(/\s+/g, ' ').trim().slice(0, 100)}…\n`,
    );
    if (alone.median >= 5) console.log(plan);
  }
}

// --- The work measured --------------------------------------------------------------------
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
  runEvaluation(database, {
    scheme: 'sibisikan-2020',
    period: period.quarter,
    region: province,
    actor: 'bench',
  });
const stats = () => computeStats(database, { region: province, period: period.month });
const dashboard = () => composeDashboard(database, { region: province, period: period.month });

// The dashboard over real HTTP, as a province officer logged in from the web app's origin.
const app = await buildApp({ database, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const account = { username: 'bench_province', password: 'Huanghe#River2020' };
try {
  await createAccount(
    database,
    { actor: 'bench', ip: null, now: new Date() },
    { ...account, role: 'province_officer', regionCode: province, mustChangePassword: false },
  );
} catch (error) {
  if (!(error instanceof ConflictError)) throw error;
}
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: base },
  body: JSON.stringify(account),
});
if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
const session = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0]!)
  .find((c) => c.startsWith('sibi_session='));
if (!session) throw new Error('login set no session cookie');
const cookie: string = session;
async function dashboardHttp(): Promise<string> {
  const url = `${base}/api/dashboard?region=${province}&period=${period.month}`;
  // a kept-alive connection idle past the server's keep-alive timeout (slow rows in between) is
  // reset when reused: ask again on a new one
  const response = await fetch(url, { headers: { cookie, origin: base } }).catch(() =>
    fetch(url, { headers: { cookie, origin: base } }),
  );
  const body = await response.text();
  if (response.status !== 200) throw new Error(`dashboard: ${response.status} ${body}`);
  return body;
}

// Warm up every path (region tree cache, buffers, and V8's optimised code for the JavaScript side:
// the first runs of an evaluation are twice as slow), then capture the statements.
for (let i = 0; i < warmup; i++) {
  await bareScan();
  await evaluateQuarter();
  await stats();
  await dashboard();
  await dashboardHttp();
}
const evaluationSql = await captureStatements(evaluateQuarter);
const statsSql = await captureStatements(stats);
const dashboardSql = await captureStatements(dashboard);
const httpSql = await captureStatements(dashboardHttp);

if (process.argv.includes('--explain')) {
  await explain('evaluation', evaluationSql);
  await explain('dashboard', dashboardSql);
}

const rows: [string, string, { a: number; b: number; ratio: number }][] = [
  [
    'evaluation 2020Q3 (19 units) vs bare scan (goal ≤ 1.5×)',
    'bare scan',
    await pairedMedians(runs, evaluateQuarter, bareScan),
  ],
  [
    `evaluation vs its ${evaluationSql.length} statements`,
    'its SQL',
    await pairedMedians(runs, evaluateQuarter, () => replay(evaluationSql)),
  ],
  [
    `computeStats (goal ≤ 1.3×) vs its ${statsSql.length} statements`,
    'its SQL',
    await pairedMedians(runs, stats, () => replay(statsSql)),
  ],
  [
    `composeDashboard vs its ${dashboardSql.length} statements`,
    'its SQL',
    await pairedMedians(runs, dashboard, () => replay(dashboardSql)),
  ],
  [
    `GET /api/dashboard (goal ≤ 1.3×; ${httpSql.length} statements, ${httpSql.length - dashboardSql.length} of them the session's) vs the dashboard's ${dashboardSql.length}`,
    'its SQL',
    await pairedMedians(runs, dashboardHttp, () => replay(dashboardSql)),
  ],
];
await app.close();
await database.close();
console.log(`data: ${JSON.stringify(counts[0])}`);
console.log(`sizes: ${sizes.map((s) => `${s.relation} ${s.size}`).join(', ')}`);
console.log(
  `\n${database.kind}, province ${province}, medians of ${runs} pairs (order swapped every other pair):\n`,
);
console.log('| measured | time | against | time | ratio (median of the pairs) |');
console.log('|---|---|---|---|---|');
for (const [what, against, m] of rows) {
  console.log(`| ${what} | ${fmt(m.a)} | ${against} | ${fmt(m.b)} | ${m.ratio.toFixed(2)}× |`);
}
