// Races over real HTTP: k concurrent writers on one record — approving one report, moving it two
// ways at once, submitting one draft, publishing one period — exactly one wins, the others get 409,
// and the state moved once (one audit row, one stored result).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { queryRows } from '../src/db/query';
import { type TestDatabase, testDatabases } from './helpers/databases';
import { load, project, report } from './helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
  testClock,
} from './helpers/http';
import { freshProject, freshProjectYear, freshReport, SCOPE_REGIONS } from './helpers/records';

const K = 8;

describe.each(testDatabases())('races on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let city: Client[] = [];
  let county: Client[] = [];
  let province: Client[] = [];
  const now = new Date('2020-10-03T02:00:00Z');

  const audits = async (action: string, targetId: string) =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from audit_log where action = ${action} and target_id = ${targetId}`,
      )
    )[0]!.n;

  /** The same account signed in K times (K browser tabs), each sending at once. */
  async function signInK(username: string, role: 'city_officer' | 'county_officer' | 'province_officer') {
    return Promise.all(Array.from({ length: K }, () => loginAs(server, { username, role })));
  }

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', SCOPE_REGIONS);
    await load(database, 'projects', [project('R1', { regionCode: '410322' })], {
      year: 2020,
      list: 'province_key',
    });
    await load(database, 'reports', [report('R1', 9, 500_000_000n)]);
    await createTestAccount(database, { username: 'race_city', role: 'city_officer', regionCode: '410300' });
    await createTestAccount(database, {
      username: 'race_county',
      role: 'county_officer',
      regionCode: '410322',
    });
    await createTestAccount(database, {
      username: 'race_prov',
      role: 'province_officer',
      regionCode: '410000',
    });
    server = await startServer(database, { clock: testClock(now) });
    city = await signInK('race_city', 'city_officer');
    county = await signInK('race_county', 'county_officer');
    province = await signInK('race_prov', 'province_officer');
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const statuses = (replies: { status: number }[]) => replies.map((r) => r.status).sort();
  const oneWins = (ok: number) => [ok, ...Array(K - 1).fill(409)].sort();

  it('k approvals of one submitted report: one approves, the rest get 409, one audit row', async () => {
    const p = await freshProject(database, now, '410322');
    const r = await freshReport(database, now, p, 'submitted');
    const replies = await Promise.all(
      city.map((c) => c.post(`/api/reports/${r.id}/approve`, { version: r.version })),
    );
    expect(statuses(replies)).toEqual(oneWins(200));
    expect(await audits('report.approve', `${p.code}:2020-09`)).toBe(1);
    const [row] = await queryRows<{ state: string; version: number }>(
      database.db,
      sql`select state, version from monthly_reports where id = ${r.id}`,
    );
    expect(row).toEqual({ state: 'approved', version: r.version + 1 });
  });

  it('approve and return of one report at once: exactly one transition happens', async () => {
    const p = await freshProject(database, now, '410322');
    const r = await freshReport(database, now, p, 'submitted');
    const replies = await Promise.all(
      city.map((c, i) =>
        i % 2 === 0
          ? c.post(`/api/reports/${r.id}/approve`, { version: r.version })
          : c.post(`/api/reports/${r.id}/return`, { version: r.version, reason: '请补充说明' }),
      ),
    );
    expect(replies.filter((x) => x.status === 200)).toHaveLength(1);
    expect(replies.filter((x) => x.status === 409)).toHaveLength(K - 1);
    const moved =
      (await audits('report.approve', `${p.code}:2020-09`)) +
      (await audits('report.return', `${p.code}:2020-09`));
    expect(moved).toBe(1);
  });

  it('k submissions of one draft: one submits, one audit row', async () => {
    const p = await freshProject(database, now, '410322');
    await freshProjectYear(database, now, p);
    const r = await freshReport(database, now, p, 'draft');
    const replies = await Promise.all(
      county.map((c) => c.post(`/api/reports/${r.id}/submit`, { version: r.version })),
    );
    expect(statuses(replies)).toEqual(oneWins(200));
    expect(await audits('report.submit', `${p.code}:2020-09`)).toBe(1);
  });

  it('k publications of one period: one is stored, the others get 409', async () => {
    const replies = await Promise.all(
      // The fixture covers too little for the publish gate: each publisher gives a reason.
      province.map((c) =>
        c.post('/api/evaluations', {
          scheme: 'sibisikan-2020',
          period: '2020Q3',
          overrideReason: '并发发布测试',
        }),
      ),
    );
    // On a failure, say what each publisher was told (an unexpected status was seen once on a loaded CI).
    const told = replies.map((r) => `${r.status} ${JSON.stringify(r.body).slice(0, 300)}`).join('\n');
    expect(statuses(replies), told).toEqual(oneWins(201));
    const stored = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from evaluations where period = '2020Q3' and state = 'published'`,
    );
    expect(stored[0]!.n).toBe(1);
    const published = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'evaluation.publish'`,
    );
    expect(published[0]!.n).toBe(1);
    for (const refused of replies.filter((x) => x.status === 409)) {
      expect(refused.body.error.message).toContain('发布后不可更改');
    }
  });
});
