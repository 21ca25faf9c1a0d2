// The audit log: a record for each login, logout, failure, write, denial, import and export; the
// auditor reads and exports it (itself recorded); no one can change a row.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import { Client, createTestAccount, loginAs, startServer, type TestServer } from '../../../test/helpers/http';
import { auditActors } from '../../db/audit-read';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/query';

describe.each(testDatabases())('the audit log on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  /** A moment after the first test's writes and before the later tests' (the date filter's test). */
  let between: Date;

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
    await new Promise((resolve) => setTimeout(resolve, 20));
    between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
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

  it('reads each entry in words: the action, object and outcome labelled, each change before → after', async () => {
    const city = await loginAs(server, { username: 'city9', role: 'city_officer' });
    expect((await city.get('/api/export/deals?region=410300&format=csv')).status).toBe(200);
    expect((await city.get('/api/audit/choices')).status).toBe(403);
    const auditor = await loginAs(server, { username: 'auditor1', role: 'auditor' });
    const deal = await auditor.get(
      `/api/audit?targetType=deal&targetId=${encodeURIComponent('410300:智能装备产业园')}`,
    );
    expect(deal.status).toBe(200);
    expect(deal.body.total).toBe(2);
    const [update, create] = deal.body.items;
    expect(update).toMatchObject({
      action: 'deal.update',
      actionLabel: '修改招商签约项目',
      actionLabelEn: 'Edit signed deal',
      targetTypeLabel: '招商签约项目',
      outcomeLabel: '成功',
      changes: [{ field: 'fundsInPlace', label: '到位资金', before: '0万元', after: '30000万元' }],
    });
    expect(update.before).toMatchObject({ fundsInPlace: '0' }); // the raw JSON kept beside
    expect(create.actionLabel).toBe('新建招商签约项目');
    expect(create.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: '地区', before: '—', after: '洛阳市（410300）' }),
        expect.objectContaining({ label: '合同投资额', before: '—', after: '250000万元' }),
      ]),
    );
    const exported = await auditor.get('/api/audit?action=export.deals&actor=city9');
    expect(exported.body.items).toMatchObject([
      { actionLabel: '导出招商签约项目', targetLabel: '洛阳市（410300）', targetTypeLabel: '招商签约项目' },
    ]);
    const denied = await auditor.get('/api/audit?action=denied.&actor=city9');
    expect(denied.body.items.map((r: { actionLabel: string }) => r.actionLabel)).toEqual([
      '拒绝：查看审计日志',
      '拒绝：查看审计日志',
    ]);
    expect(denied.body.items[0].outcomeLabel).toBe('拒绝');

    const choices = await auditor.get('/api/audit/choices');
    expect(choices.status).toBe(200);
    expect(choices.body.actors).toEqual(expect.arrayContaining(['city9', 'auditor1']));
    expect(choices.body.actions).toEqual(
      expect.arrayContaining([
        { value: 'auth.', zh: '登录与认证（全部）', en: 'Sign-in and authentication (all)' },
        { value: 'report.submit', zh: '提交月报', en: 'Submit report' },
        { value: 'deal.update', zh: '修改招商签约项目', en: 'Edit signed deal' },
      ]),
    );
    // The user choices come from the latest entries only (a range of the key, not the whole log).
    const latest = await queryRows<{ actor: string }>(
      database.db,
      sql`select actor from audit_log order by id desc limit 1`,
    );
    expect(await auditActors(database.db, 500, 1)).toEqual([latest[0]!.actor]);
    expect(choices.body.objects).toEqual(
      expect.arrayContaining([{ value: 'deal', zh: '招商签约项目', en: 'signed deal' }]),
    );
  });

  it('filters by user, action, object and date on the server, and exports exactly that list as .xlsx', async () => {
    const auditor = await loginAs(server, { username: 'auditor1', role: 'auditor' });
    const list = async (query: string) => {
      const reply = await auditor.get(`/api/audit?pageSize=200&${query}`);
      expect(reply.status).toBe(200);
      return reply.body.items as { id: number; actor: string; action: string; at: string }[];
    };
    const iso = encodeURIComponent(between.toISOString());
    const before = await list(`actor=city9&to=${iso}`);
    expect(before.map((r) => r.action)).toEqual([
      'auth.logout',
      'denied.audit.read',
      'deal.update',
      'deal.create',
      'auth.login',
      'auth.login',
    ]);
    const after = await list(`actor=city9&from=${iso}`);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => new Date(r.at) > between)).toBe(true);
    expect(after.map((r) => r.action)).toContain('export.deals');
    expect(await list(`actor=city9&action=deal.update&from=${iso}`)).toEqual([]);
    expect((await list('actor=nobody')).length).toBe(0);
    expect((await list('action=deal.')).map((r) => r.action)).toEqual(['deal.update', 'deal.create']);

    // The export of a filter holds exactly the filtered list, in words.
    const filter = `actor=city9&to=${iso}`;
    const response = await fetch(`${server.url}/api/audit/export?format=xlsx&${filter}`, {
      headers: { cookie: auditor.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('审计日志.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('审计日志')!;
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(cells(1).slice(0, 10).join('|')).toBe(
      '编号|时间（北京时间）|用户|IP|操作|操作代码|对象类型|对象|结果|变更（字段：变更前 → 变更后）',
    );
    expect(sheet.rowCount).toBe(1 + before.length);
    expect([...Array(before.length).keys()].map((i) => cells(i + 2)[0])).toEqual(before.map((r) => r.id));
    const update = cells(2 + before.findIndex((r) => r.action === 'deal.update'));
    expect(update.slice(2, 10)).toEqual([
      'city9',
      '127.0.0.1',
      '修改招商签约项目',
      'deal.update',
      '招商签约项目',
      '410300:智能装备产业园',
      '成功',
      '到位资金：0万元 → 30000万元',
    ]);
    expect(cells(2)[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    // A cell that could run as a formula stays text in the workbook too.
    const formula = await fetch(
      `${server.url}/api/audit/export?format=xlsx&action=auth.login&outcome=failed`,
      {
        headers: { cookie: auditor.cookie },
      },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await formula.arrayBuffer());
    const actors = book.getWorksheet('审计日志')!.getColumn(3).values.slice(2);
    expect(actors).toContain(`'=hyperlink("http://x")`);
    expect(actors).toContain('city9');

    const exports = await queryRows<{ details: { format: string; filter: Record<string, string> } }>(
      database.db,
      sql`select details from audit_log where action = 'audit.export' order by id`,
    );
    expect(exports.at(-2)!.details).toEqual({
      format: 'xlsx',
      filter: { actor: 'city9', to: between.toISOString() },
    });
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
