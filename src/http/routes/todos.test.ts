// 待办, 站内消息 and the robots' settings over real HTTP, on both databases: each role sees what it
// must do in its own scope, with deadlines from the test clock.

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, project, report } from '../../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
  testClock,
} from '../../../test/helpers/http';
import { fixtureContext, freshReport, SCOPE_REGIONS } from '../../../test/helpers/records';
import type { Database } from '../../db/client';
import { insertMessages } from '../../db/messages';
import { queryRows } from '../../db/query';
import type { Role } from '../../policies/roles';
import { loadReport } from '../../services/reports/load-report';
import { returnReport } from '../../services/reports/report-transitions';

// China 3 October 2020: September is being filed (deadline 5 October, 2 days left); August is overdue.
const NOW = new Date('2020-10-03T02:00:00Z');

describe.each(testDatabases())('待办 and messages on $label', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  const ids: Record<string, number> = {};
  const clients: Partial<Record<string, Client>> = {};
  const users: Record<string, number> = {};
  const ACCOUNTS: [string, Role, string | null][] = [
    ['td_owner', 'project_owner', null],
    ['td_county', 'county_officer', '410322'],
    ['td_city', 'city_officer', '410300'],
    ['td_province', 'province_officer', '410000'],
    ['td_viewer', 'viewer', '410300'],
    ['td_sys', 'sysadmin', null],
    ['td_sec', 'secadmin', null],
  ];
  const as = (name: string) => clients[name]!;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', SCOPE_REGIONS);
    await load(
      database,
      'projects',
      [
        project('T-1', { regionCode: '410322' }),
        project('T-2', { regionCode: '410322' }),
        project('T-3', { regionCode: '410322' }),
        project('T-4', { regionCode: '410800' }),
        project('T-5', { regionCode: '410300' }),
      ],
      { year: 2020, list: 'province_key' },
    );
    // A project on no list of 2020 owes nothing.
    await load(database, 'projects', [project('T-9', { regionCode: '410322' })], {
      year: 2019,
      list: 'province_key',
    });
    await load(database, 'reports', [report('T-2', 8, 100_000_000n)]);
    for (const row of await queryRows<{ id: number; code: string }>(
      database.db,
      sql`select id, code from projects`,
    ))
      ids[row.code] = Number(row.id);
    const full = (code: string, regionCode: string) => ({
      id: ids[code]!,
      code,
      name: `项目${code}`,
      provinceCode: '410000',
      regionCode,
    });
    await freshReport(database, NOW, full('T-2', '410322'), 'submitted');
    const returned = await freshReport(database, NOW, full('T-3', '410322'), 'submitted');
    const { row } = await loadReport(database, returned.id);
    await returnReport(database, fixtureContext(NOW), row, row.version, '投资额与上月不符');
    await freshReport(database, NOW, full('T-5', '410300'), 'draft');
    server = await startServer(database, { clock: testClock(NOW) });
    for (const [username, role, regionCode] of ACCOUNTS) {
      users[username] = await createTestAccount(database, {
        username,
        role,
        regionCode,
        projectCodes: role === 'project_owner' ? ['T-1'] : undefined,
      });
      clients[username] = await loginAs(server, { username, role });
    }
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const todos = async (who: string) => {
    const reply = await as(who).get('/api/todos');
    expect(reply.status).toBe(200);
    return reply.body;
  };

  it('a project owner: its report due this period, with the deadline and days left', async () => {
    const list = await todos('td_owner');
    expect(list.period).toEqual({
      year: 2020,
      month: 9,
      id: '2020-09',
      deadline: '2020-10-05',
      daysLeft: 2,
      title: '2020年9月',
    });
    expect(list.overduePeriod).toMatchObject({ id: '2020-08', deadline: '2020-09-05', daysLeft: -28 });
    expect(list.items).toEqual([
      {
        kind: 'report_due',
        title: '填报2020年9月月报：项目T-1',
        count: 1,
        link: `/reports/fill?project=${ids['T-1']}&year=2020&month=9`,
        period: '2020-09',
        deadline: '2020-10-05',
        daysLeft: 2,
        overdue: false,
        projects: [
          {
            projectId: ids['T-1'],
            code: 'T-1',
            name: '项目T-1',
            reportId: null,
            state: null,
            period: '2020-09',
            link: `/reports/fill?project=${ids['T-1']}&year=2020&month=9`,
          },
        ],
      },
    ]);
    expect(list.counts).toEqual({ todos: 1, fill: 1, review: 0, entries: 0, overdue: 0, messages: 0 });
  });

  it('a county office: its projects due, the returned report with its reason, its overdue projects', async () => {
    const list = await todos('td_county');
    expect(list.items.map((i: { kind: string; count: number }) => [i.kind, i.count])).toEqual([
      ['report_due', 1],
      ['report_returned', 1],
      ['overdue_projects', 2],
    ]);
    const [, returned, overdue] = list.items;
    expect(returned).toMatchObject({
      title: '修改退回的2020年9月月报：项目T-3',
      link: `/reports/fill?project=${ids['T-3']}&year=2020&month=9`,
      deadline: '2020-10-05',
      daysLeft: 2,
      projects: [{ code: 'T-3', state: 'returned', reason: '投资额与上月不符' }],
    });
    expect(overdue).toMatchObject({
      title: '2020年8月月报逾期未报的项目（2 个）',
      link: '/reports?tab=missing&year=2020&month=8&region=410322',
      deadline: '2020-09-05',
      overdue: true,
    });
    expect(list.counts).toMatchObject({ todos: 4, fill: 2, review: 0, overdue: 2 });
  });

  it('a city office: its own project, the review queue of its counties, its counties behind', async () => {
    const list = await todos('td_city');
    expect(list.items.map((i: { kind: string; count: number }) => [i.kind, i.count])).toEqual([
      ['report_due', 1],
      ['review_queue', 1],
      ['overdue_units', 1],
    ]);
    expect(list.items[0].projects.map((p: { code: string; state: string }) => [p.code, p.state])).toEqual([
      ['T-5', 'draft'],
    ]);
    expect(list.items[1]).toMatchObject({
      title: '审核已报送的月报（1 份）',
      link: '/reports/review?year=2020&month=9',
      months: [{ period: '2020-09', count: 1, link: '/reports/review?year=2020&month=9' }],
    });
    expect(list.items[2]).toMatchObject({
      title: '2020年8月月报逾期未报齐的县区（1 个）',
      units: [
        {
          code: '410322',
          name: '孟津县',
          projects: 3,
          missing: 2,
          link: '/reports?tab=missing&year=2020&month=8&region=410322',
        },
      ],
    });
    expect(list.counts).toMatchObject({ review: 1, overdue: 1, fill: 1 });
  });

  it('the province: the cities missing reports, most missing first', async () => {
    const list = await todos('td_province');
    expect(list.items.map((i: { kind: string }) => i.kind)).toEqual(['overdue_units']);
    expect(list.items[0].title).toBe('2020年8月月报逾期未报齐的市县（2 个）');
    expect(
      list.items[0].units.map((u: { code: string; missing: number; projects: number }) => [
        u.code,
        u.missing,
        u.projects,
      ]),
    ).toEqual([
      ['410300', 3, 4],
      ['410800', 1, 1],
    ]);
  });

  it('a viewer and the administrators have nothing to do', async () => {
    for (const who of ['td_viewer', 'td_sec']) {
      const list = await todos(who);
      expect(list.items).toEqual([]);
      expect(list.counts).toEqual({ todos: 0, fill: 0, review: 0, entries: 0, overdue: 0, messages: 0 });
    }
  });

  it('after the deadline day the period moves on (the server clock decides)', async () => {
    server.clock.set(new Date('2020-10-05T16:30:00Z')); // 6 October in China
    try {
      // An account and session of its own: the others' sessions would expire in the jump.
      const account = { username: 'td_owner_later', role: 'project_owner' as const, projectCodes: ['T-1'] };
      await createTestAccount(database, account);
      const later = await loginAs(server, account);
      const list = (await later.get('/api/todos')).body;
      expect(list.period).toMatchObject({ id: '2020-10', deadline: '2020-11-05', daysLeft: 30 });
      expect(list.items[0]).toMatchObject({ kind: 'report_due', period: '2020-10', daysLeft: 30 });
    } finally {
      server.clock.set(NOW);
    }
  });

  it('messages: each account reads only its own, marks them read; the badge follows', async () => {
    await insertMessages(database.db, [
      {
        userId: users.td_owner!,
        kind: 'report.reminder',
        title: '报送提醒',
        body: '请报送',
        link: '/x',
        createdAt: NOW,
      },
      {
        userId: users.td_owner!,
        kind: 'report.reminder',
        title: '报送提醒二',
        body: '请报送',
        link: null,
        createdAt: NOW,
      },
      {
        userId: users.td_county!,
        kind: 'report.reminder',
        title: '县的',
        body: '请报送',
        link: null,
        createdAt: NOW,
      },
    ]);
    const mine = await as('td_owner').get('/api/messages');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 2, unread: 2, page: 1 });
    expect(mine.body.items.map((m: { title: string }) => m.title)).toEqual(['报送提醒二', '报送提醒']);
    expect((await todos('td_owner')).counts.messages).toBe(2);
    const id = mine.body.items[1].id;
    // Another account's message is not found, and stays unread.
    expect((await as('td_county').post(`/api/messages/${id}/read`)).status).toBe(404);
    const read = await as('td_owner').post(`/api/messages/${id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ unread: 1, message: { id, readAt: NOW.toISOString(), link: '/x' } });
    expect((await as('td_owner').get('/api/messages?unread=true')).body).toMatchObject({
      total: 1,
      unread: 1,
    });
    expect((await as('td_owner').post('/api/messages/read-all')).body).toEqual({ marked: 1 });
    expect((await as('td_owner').get('/api/messages')).body.unread).toBe(0);
    expect((await as('td_county').get('/api/messages')).body).toMatchObject({ total: 1, unread: 1 });
  });

  it('robots: the system administrator sets them, the URL key is masked and the secret never returned', async () => {
    const put = await as('td_sys').put('/api/reminder-webhooks/410300', {
      kind: 'dingtalk',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef',
      secret: 'SECsupersecret',
      enabled: true,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      regionCode: '410300',
      regionName: '洛阳市',
      kind: 'dingtalk',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=****cdef',
      hasSecret: true,
      version: 1,
    });
    // Saved again without a secret: the secret stays.
    const again = await as('td_sys').put('/api/reminder-webhooks/410300', {
      kind: 'dingtalk',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef',
      enabled: false,
    });
    expect(again.body).toMatchObject({ hasSecret: true, enabled: false, version: 2 });
    const listed = await as('td_sec').get('/api/reminder-webhooks');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain('SECsupersecret');
    expect(JSON.stringify(listed.body)).not.toContain('0123456789abcdef');
    const [audit] = await queryRows<{ after: unknown }>(
      database.db,
      sql`select after from audit_log where action = 'reminder_webhook.update' order by id limit 1`,
    );
    expect(JSON.stringify(audit)).not.toContain('SECsupersecret');
    expect(JSON.stringify(audit)).not.toContain('0123456789abcdef');
    expect(
      (
        await as('td_sys').put('/api/reminder-webhooks/410300', {
          kind: 'wecom',
          url: 'ftp://x',
          enabled: true,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await as('td_sys').put('/api/reminder-webhooks/999999', {
          kind: 'wecom',
          url: 'https://x.cn/a',
          enabled: true,
        })
      ).status,
    ).toBe(404);
    expect((await as('td_sys').delete('/api/reminder-webhooks/410300')).status).toBe(204);
    expect((await as('td_sys').delete('/api/reminder-webhooks/410300')).status).toBe(404);
  });

  it('a dry run of the reminders answers what would go out today', async () => {
    const run = await as('td_sys').post('/api/reminders/run', { dryRun: true });
    expect(run.status).toBe(200);
    // T-1 (none), T-3 (returned), T-4 (none), T-5 (draft); to T-1's two owners, the county and city offices.
    expect(run.body).toMatchObject({ due: true, dryRun: true, reports: 4, messages: 4, daysBefore: 3 });
  });
});
