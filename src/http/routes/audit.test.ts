// The audit log: a record for each login, logout, failure, write, denial, import and export; the
// auditor reads and exports it (itself recorded); no one can change a row.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import { Client, createTestAccount, loginAs, startServer, type TestServer } from '../../../test/helpers/http';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/query';

describe.each(testDatabases())('the audit log on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    server = await startServer(database);
    await createTestAccount(database, { username: 'auditor1', role: 'auditor' });
    await createTestAccount(database, { username: 'city9', role: 'city_officer', regionCode: '410300' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('records logins, failures, writes, denials and logouts with who, where, what and the change', async () => {
    await new Client(server.url).login('city9', 'Wrong#Password1');
    const city = await loginAs(server, { username: 'city9', role: 'city_officer' });
    const created = await city.post('/api/deals', {
      name: '智能装备产业园',
      regionCode: '410300',
      origin: 'abroad',
      signedDate: '2020-06-01',
      contractAmount: 2_500_000_000,
    });
    expect(created.status).toBe(201);
    const updated = await city.patch(`/api/deals/${created.body.id}`, {
      version: created.body.version,
      fundsInPlace: 300_000_000,
    });
    expect(updated.status).toBe(200);
    expect((await city.get('/api/audit')).status).toBe(403);
    expect((await city.post('/api/auth/logout')).status).toBe(200);

    const rows = await queryRows<{
      actor: string;
      ip: string;
      action: string;
      target_type: string;
      target_id: string;
      outcome: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      at: Date;
    }>(database.db, sql`select * from audit_log where actor = 'city9' order by id`);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ['auth.login', 'failed'],
      ['auth.login', 'ok'],
      ['deal.create', 'ok'],
      ['deal.update', 'ok'],
      ['denied.audit.read', 'denied'],
      ['auth.logout', 'ok'],
    ]);
    expect(rows.every((r) => r.ip === '127.0.0.1' && new Date(r.at).getTime() > Date.now() - 600_000)).toBe(
      true,
    );
    const update = rows[3]!;
    expect(update).toMatchObject({ target_type: 'deal', target_id: '410300:智能装备产业园' });
    expect(update.before).toMatchObject({ fundsInPlace: '0', version: 1, origin: 'abroad' });
    expect(update.after).toMatchObject({ fundsInPlace: '300000000', version: 2 });
    expect(rows[4]).toMatchObject({ target_type: 'route', target_id: 'GET /api/audit' });
  });

  it('lets the auditor filter and page the log, and export it with formula-like cells neutralised', async () => {
    // A login attempt with a formula as the username lands in the log as typed.
    await new Client(server.url).login('=HYPERLINK("http://x")', 'Wrong#Password1');
    const auditor = await loginAs(server, { username: 'auditor1', role: 'auditor' });
    const logins = await auditor.get('/api/audit?action=auth.&outcome=failed&pageSize=10');
    expect(logins.status).toBe(200);
    expect(logins.body.items.length).toBeGreaterThanOrEqual(2);
    expect(
      logins.body.items.every(
        (r: { action: string; outcome: string }) => r.action === 'auth.login' && r.outcome === 'failed',
      ),
    ).toBe(true);
    const byActor = await auditor.get('/api/audit?actor=city9&action=deal.create');
    expect(byActor.body).toMatchObject({
      total: 1,
      items: [{ actor: 'city9', action: 'deal.create', after: { name: '智能装备产业园' } }],
    });
    const exported = await auditor.get('/api/audit/export?action=auth.login');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = String(exported.body)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('编号,时间,用户,IP,操作,对象类型,对象,结果,变更前,变更后,详情');
    const formula = lines.find((line) => line.includes('hyperlink'));
    expect(formula).toContain(`"'=hyperlink(""http://x"")"`);
    const exports = await queryRows<{
      actor: string;
      details: { format: string; filter: { action: string } };
    }>(database.db, sql`select actor, details from audit_log where action = 'audit.export'`);
    expect(exports).toEqual([
      { actor: 'auditor1', details: { format: 'csv', filter: { action: 'auth.login' } } },
    ]);
  });

  it('refuses to change or remove a row, whoever asks', async () => {
    const before = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`);
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => 'accepted',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(
      await refusal(database.db.execute(sql`update audit_log set outcome = 'ok' where outcome = 'denied'`)),
    ).toBe('audit_log is append-only (UPDATE refused)');
    expect(await refusal(database.db.execute(sql`delete from audit_log where actor = 'city9'`))).toBe(
      'audit_log is append-only (DELETE refused)',
    );
    expect(await refusal(database.db.execute(sql`truncate audit_log`))).toBe(
      'audit_log is append-only (TRUNCATE refused)',
    );
    const after = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
