// 加分/扣分 events and manual adjustments end to end: entered by one province officer, approved by
// another (never by the one who entered), revoked with a reason (the row stays), and counted in an
// evaluation only while approved — with the reason and the approver in the explanation lines.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
} from '../../../test/helpers/http';
import type { Database } from '../../db/client';
import { runEvaluation } from '../../services/evaluate-period';

const csvForm = (name: string, text: string) => {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  return form;
};

describe.each(testDatabases())('evaluation events and adjustments on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let enterer: Client;
  let approver: Client;
  let city: Client;

  const unitOf = async (code: string) => {
    const run = await runEvaluation(database, { scheme: 'sibisikan-2020', period: '2020', actor: 't' });
    return run.result.units.find((u) => u.code === code)!;
  };
  const count = async (table: string) =>
    Number(
      (
        (await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n,
    );

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await createTestAccount(database, { username: 'prov_a', role: 'province_officer', regionCode: '410000' });
    await createTestAccount(database, { username: 'prov_b', role: 'province_officer', regionCode: '410000' });
    await createTestAccount(database, { username: 'city_c', role: 'city_officer', regionCode: '410300' });
    server = await startServer(database);
    enterer = await loginAs(server, { username: 'prov_a', role: 'province_officer' });
    approver = await loginAs(server, { username: 'prov_b', role: 'province_officer' });
    city = await loginAs(server, { username: 'city_c', role: 'city_officer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('an adjustment counts only once approved by another officer, and stops counting when revoked', async () => {
    const created = await enterer.post('/api/evaluation-adjustments', {
      scheme: 'sibisikan-2020',
      period: '2020',
      unitCode: '410300',
      kind: 'bonus',
      item: '获国家级表彰或经验推广',
      points: '1.5',
      reason: '国务院办公厅督查激励通报表扬',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'pending',
      points: '1.50',
      item: 'national_recognition',
      parentCode: '410000',
      author: 'prov_a',
      approvedBy: null,
    });
    const id = created.body.id as number;
    expect((await unitOf('410300')).bonus.total).toBe(0);

    // separation of duties: the author may not approve; a city officer may not at all
    expect((await enterer.post(`/api/evaluation-adjustments/${id}/approve`, {})).status).toBe(403);
    expect((await city.post(`/api/evaluation-adjustments/${id}/approve`, {})).status).toBe(403);
    const approved = await approver.post(`/api/evaluation-adjustments/${id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: 'prov_b' });
    expect((await approver.post(`/api/evaluation-adjustments/${id}/approve`, {})).status).toBe(409);

    const unit = await unitOf('410300');
    expect(unit.bonus.total).toBe(1.5);
    expect(unit.bonus.lines).toEqual([
      expect.objectContaining({
        source: 'manual',
        name: '获国家级表彰或经验推广',
        points: 1.5,
        reason: '国务院办公厅督查激励通报表扬',
        author: 'prov_a',
        approvedBy: 'prov_b',
      }),
    ]);

    expect((await enterer.post(`/api/evaluation-adjustments/${id}/revoke`, {})).status).toBe(400);
    const revoked = await enterer.post(`/api/evaluation-adjustments/${id}/revoke`, { reason: '重复录入' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revokedBy: 'prov_a',
      revokeReason: '重复录入',
      approvedBy: 'prov_b',
    });
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await unitOf('410300')).bonus.total).toBe(0);
    const listed = await enterer.get('/api/evaluation-adjustments?period=2020');
    expect(listed.body.items.map((a: { id: number; status: string }) => [a.id, a.status])).toEqual([
      [id, 'revoked'],
    ]);
    const audit = (await database.db.execute(
      sql`select action, actor from audit_log where target_type = 'evaluation_adjustment' and target_id = ${String(id)} order by id`,
    )) as unknown as { rows: { action: string; actor: string }[] };
    expect(audit.rows.map((r) => `${r.action}:${r.actor}`)).toEqual([
      'evaluation.adjustment.create:prov_a',
      'evaluation.adjustment.approve:prov_b',
      'evaluation.adjustment.revoke:prov_a',
    ]);
  });

  it('an approved event counts through the scheme item, with its reason and evidence in the line', async () => {
    const e = await enterer.post('/api/evaluation-events', {
      regionCode: '410322',
      eventDate: '2020-06-30',
      item: 'data_untrue',
      count: 1,
      note: '省督查室通报〔2020〕12号',
      reason: '6月报送投资额经核查不实',
    });
    expect(e.status).toBe(201);
    expect((await unitOf('410300')).penalty.total).toBe(0);
    expect((await approver.post(`/api/evaluation-events/${e.body.id}/approve`, {})).status).toBe(200);
    const unit = await unitOf('410300');
    expect(unit.penalty.total).toBe(2);
    expect(unit.penalty.lines).toEqual([
      expect.objectContaining({
        source: 'event',
        item: 'data_untrue',
        count: 1,
        points: 2,
        reason: '6月报送投资额经核查不实，依据：省督查室通报〔2020〕12号',
      }),
    ]);
    const listed = await city.get('/api/evaluation-events?period=2020');
    expect(listed.status).toBe(403);
  });

  it('refuses bad entries with the column and reason, writing nothing', async () => {
    const before = await count('evaluation_adjustments');
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ points: '2.555' }, '分值', /两位小数/],
      [{ points: '-1' }, '分值', /正数/],
      [{ points: '0' }, '分值', /大于 0/],
      [{ item: '不存在的事项' }, '事项', /不在方案《重点项目"四比四看"活动综合考评（2020年版）》的加分项中/],
      [{ reason: '  ' }, '', /./],
      [{ scheme: 'nope' }, '考评方案', /没有考评方案/],
      [{ unitCode: '419999' }, '', /./],
      [{ unitCode: '410000' }, '地区代码', /不参加排名/],
    ];
    for (const [change, column, reason] of cases) {
      const reply = await enterer.post('/api/evaluation-adjustments', {
        scheme: 'sibisikan-2020',
        period: '2020',
        unitCode: '410300',
        kind: 'bonus',
        points: '1',
        reason: '理由',
        ...change,
      });
      expect(reply.status, JSON.stringify(change)).toBeGreaterThanOrEqual(400);
      if (column) {
        expect(reply.status).toBe(422);
        expect(reply.body.error.details).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ column, reason: expect.stringMatching(reason) }),
          ]),
        );
      }
    }
    expect(await count('evaluation_adjustments')).toBe(before);
    const outOfScope = await city.post('/api/evaluation-events', {
      regionCode: '410300',
      eventDate: '2020-06-30',
      item: 'data_untrue',
      reason: '理由',
    });
    expect(outOfScope.status).toBe(403);
  });

  it('imports a spreadsheet whole or not at all', async () => {
    const before = await count('evaluation_events');
    const bad = await enterer.post(
      '/api/evaluation-events/import',
      csvForm(
        'events.csv',
        '地区代码,日期,事项,次数,理由,依据\r\n410300,2020-03-01,获国家级表彰或经验推广,1,国家表彰,文件1\r\n410800,2020-04-01,乱写,1,理由,\r\n410181,2020-04-01,report_overdue,x,,\r\n',
      ),
    );
    expect(bad.status).toBe(422);
    const problems = bad.body.error.details as { file: string; row: number; column: string }[];
    expect(problems.map((p) => `${p.file}:${p.row}:${p.column}`).sort()).toEqual(
      ['events.csv:3:事项', 'events.csv:4:次数', 'events.csv:4:理由'].sort(),
    );
    expect(await count('evaluation_events')).toBe(before);

    const good = await enterer.post(
      '/api/evaluation-adjustments/import',
      csvForm(
        'adj.csv',
        '考评方案,考评期,地区代码,类别,事项,分值,理由\r\nsibisikan-2020,2020,410800,扣分,,0.5,约谈\r\nsibisikan-2020,2020,410181,加分,全省项目观摩评比前三名,1,观摩第二名\r\n',
      ),
    );
    expect(good.status).toBe(201);
    expect(good.body.items.map((a: { kind: string; points: string; status: string }) => a)).toEqual([
      expect.objectContaining({ kind: 'penalty', points: '0.50', item: null, status: 'pending' }),
      expect.objectContaining({ kind: 'bonus', points: '1.00', item: 'province_observation' }),
    ]);
  });
});
