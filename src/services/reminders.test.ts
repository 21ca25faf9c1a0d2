// 报送提醒 on both databases, with a real local HTTP server standing in for the 企业微信 and 钉钉 robots.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, project } from '../../test/helpers/factories';
import { createTestAccount } from '../../test/helpers/http';
import { fixtureContext, freshReport, SCOPE_REGIONS } from '../../test/helpers/records';
import type { Database } from '../db/client';
import { queryRows } from '../db/query';
import { listRobotSettings, removeRobot, saveRobot } from './reminder-webhooks';
import { runReminders } from './reminders';
import { loadReport } from './reports/load-report';
import { returnReport } from './reports/report-transitions';
import { updateSettings } from './settings';

interface Received {
  path: string;
  query: URLSearchParams;
  body: { msgtype: string; text: { content: string }; at?: { isAtAll: boolean } };
}

/** A robot: records each request; answers as the real APIs do, or as `answer` says. */
function robot() {
  const received: Received[] = [];
  let answer: (res: ServerResponse) => void = (res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"errcode":0,"errmsg":"ok"}');
  };
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://robot');
      received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(data) });
      answer(res);
    });
  });
  return {
    received,
    server,
    answerWith(next: (res: ServerResponse) => void) {
      answer = next;
    },
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
  };
}

const ROBOT_SECRET = 'SECdingtalk-test-secret-0123456789';
// China 3 October 2020: the September reports are due on 5 October, two days left.
const NOW = new Date('2020-10-03T02:00:00Z');

describe.each(testDatabases())('reminders on $label', (target: TestDatabase) => {
  let database: Database;
  const bot = robot();
  let base = '';
  let ids: Record<string, number> = {};
  let owner = 0;
  let county = 0;
  let city = 0;

  const messagesOf = (userId: number) =>
    queryRows<{ title: string; body: string; link: string | null }>(
      database.db,
      sql`select title, body, link from messages where user_id = ${userId} order by id`,
    );

  beforeAll(async () => {
    database = await target.open();
    base = await bot.start();
    await load(database, 'regions', SCOPE_REGIONS);
    await load(
      database,
      'projects',
      ['R-A', 'R-B', 'R-C', 'R-D'].map((code) =>
        project(code, { regionCode: '410322', name: `提醒${code}` }),
      ),
      { year: 2020, list: 'province_key' },
    );
    const rows = await queryRows<{ id: number; code: string }>(
      database.db,
      sql`select id, code from projects where code like 'R-%'`,
    );
    ids = Object.fromEntries(rows.map((r) => [r.code, Number(r.id)]));
    const full = async (code: string) => ({
      id: ids[code]!,
      code,
      name: `提醒${code}`,
      provinceCode: '410000',
      regionCode: '410322',
    });
    // A: nothing yet; B: a draft; C: submitted (no reminder); D: returned (reminded).
    await freshReport(database, NOW, await full('R-B'), 'draft');
    await freshReport(database, NOW, await full('R-C'), 'submitted');
    const d = await freshReport(database, NOW, await full('R-D'), 'submitted');
    const { row } = await loadReport(database, d.id);
    await returnReport(database, fixtureContext(NOW), row, row.version, '数据有误');
    owner = await createTestAccount(database, {
      username: 'rem_owner',
      role: 'project_owner',
      projectCodes: ['R-A'],
    });
    county = await createTestAccount(database, {
      username: 'rem_county',
      role: 'county_officer',
      regionCode: '410322',
    });
    city = await createTestAccount(database, {
      username: 'rem_city',
      role: 'city_officer',
      regionCode: '410300',
    });
    const ctx = fixtureContext(NOW);
    await saveRobot(database, ctx, {
      regionCode: '410300',
      kind: 'wecom',
      url: `${base}/cgi-bin/webhook/send?key=wecom-key-123456`,
      enabled: true,
    });
    await saveRobot(database, ctx, {
      regionCode: '410322',
      kind: 'dingtalk',
      url: `${base}/robot/send?access_token=ding-token-abcdef`,
      secret: ROBOT_SECRET,
      enabled: true,
    });
    // Another city: no projects of its own, so its robot gets nothing.
    await saveRobot(database, ctx, {
      regionCode: '410800',
      kind: 'wecom',
      url: `${base}/cgi-bin/webhook/send?key=other-city`,
      enabled: true,
    });
  });
  afterAll(async () => {
    bot.server.closeAllConnections();
    bot.server.close();
    await database?.close();
  });

  it('sends nothing before the reminder days (4 days before the lock day)', async () => {
    const run = await runReminders(database, { now: new Date('2020-10-01T02:00:00Z') });
    expect(run).toMatchObject({ due: false, reports: 0, messages: 0, deliveries: [] });
    expect(run.period).toMatchObject({ id: '2020-09', deadline: '2020-10-05', daysLeft: 4 });
    expect(bot.received).toHaveLength(0);
  });

  it('a dry run counts what would go out and writes and sends nothing', async () => {
    const run = await runReminders(database, { now: NOW, dryRun: true });
    expect(run).toMatchObject({ due: true, dryRun: true, reports: 3, messages: 2 });
    expect(run.deliveries.map((d) => [d.regionCode, d.status, d.reports])).toEqual([
      ['410300', 'planned', 3],
      ['410322', 'planned', 3],
    ]);
    expect(bot.received).toHaveLength(0);
    expect(await messagesOf(county)).toHaveLength(0);
  });

  it('reminds each unsubmitted report once: messages to its fillers, one text per robot above it', async () => {
    const run = await runReminders(database, { now: NOW, actor: 'system' });
    expect(run).toMatchObject({ due: true, reports: 3, messages: 2 });
    expect(run.deliveries.map((d) => [d.regionCode, d.kind, d.status, d.error])).toEqual([
      ['410300', 'wecom', 'sent', null],
      ['410322', 'dingtalk', 'sent', null],
    ]);
    // The owner of R-A hears of R-A only; the county office of its three; the city office fills none.
    const [mine] = await messagesOf(owner);
    expect(mine).toEqual({
      title: '报送提醒：2020年9月月报10月5日截止',
      body: '2020年9月月报将于 10月5日（还剩 2 天） 截止报送，截止后锁定。以下 1 个项目尚未报送：提醒R-A。',
      link: `/reports/fill?project=${ids['R-A']}&year=2020&month=9`,
    });
    const [office] = await messagesOf(county);
    expect(office!.body).toContain(
      '以下 3 个项目尚未报送：提醒R-A、提醒R-B（草稿未报送）、提醒R-D（退回待修改）',
    );
    expect(office!.link).toBe('/reports?tab=missing&year=2020&month=9');
    expect(await messagesOf(city)).toHaveLength(0);

    // The robots' text-message APIs, exactly.
    expect(bot.received).toHaveLength(2);
    const wecom = bot.received.find((r) => r.path === '/cgi-bin/webhook/send')!;
    expect(wecom.query.get('key')).toBe('wecom-key-123456');
    expect(wecom.body).toEqual({
      msgtype: 'text',
      text: {
        content:
          '【重点项目月报报送提醒】洛阳市有 3 个项目的2020年9月月报尚未报送，截止时间 10月5日（还剩 2 天）：' +
          '提醒R-A、提醒R-B（草稿未报送）、提醒R-D（退回待修改）。请相关项目单位及时登录系统填报。',
      },
    });
    const ding = bot.received.find((r) => r.path === '/robot/send')!;
    expect(ding.body).toMatchObject({ msgtype: 'text', at: { isAtAll: false } });
    expect(ding.body.text.content).toContain('孟津县有 3 个项目');
    // 钉钉 加签: sign = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)).
    const timestamp = ding.query.get('timestamp')!;
    expect(ding.query.get('access_token')).toBe('ding-token-abcdef');
    expect(ding.query.get('sign')).toBe(
      createHmac('sha256', ROBOT_SECRET).update(`${timestamp}\n${ROBOT_SECRET}`).digest('base64'),
    );
    const [audit] = await queryRows<{ details: { reports: number } }>(
      database.db,
      sql`select details from audit_log where action = 'reminder.send'`,
    );
    expect(audit!.details).toMatchObject({ reports: 3, messages: 2, robots: 2 });
  });

  it('a second run, the next day, sends nothing again', async () => {
    const again = await runReminders(database, { now: new Date('2020-10-04T02:00:00Z') });
    expect(again).toMatchObject({ due: true, reports: 0, messages: 0, deliveries: [] });
    expect(bot.received).toHaveLength(2);
    expect(await messagesOf(county)).toHaveLength(1);
  });

  it('two runs at once (two servers, a server and cron) remind a new report once', async () => {
    await load(database, 'projects', [project('R-E', { regionCode: '410322', name: '提醒R-E' })], {
      year: 2020,
      list: 'province_key',
    });
    const runs = await Promise.all([
      runReminders(database, { now: NOW }),
      runReminders(database, { now: NOW }),
    ]);
    expect(runs.map((r) => r.reports).sort()).toEqual([0, 1]);
    expect(bot.received).toHaveLength(4);
    const office = await messagesOf(county);
    expect(office).toHaveLength(2);
    expect(office[1]!.body).toContain('以下 1 个项目尚未报送：提醒R-E');
  });

  it('a robot that fails is recorded (no key, no secret in the record) and not tried again', async () => {
    bot.answerWith((res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"errcode":310000,"errmsg":"sign not match"}');
    });
    await load(database, 'projects', [project('R-F', { regionCode: '410322', name: '提醒R-F' })], {
      year: 2020,
      list: 'province_key',
    });
    const run = await runReminders(database, { now: NOW });
    expect(run.deliveries.map((d) => [d.regionCode, d.status, d.httpStatus, d.error])).toEqual([
      ['410300', 'failed', 200, 'errcode 310000 sign not match'],
      ['410322', 'failed', 200, 'errcode 310000 sign not match'],
    ]);
    const listed = await listRobotSettings(database);
    expect(listed.deliveries.slice(0, 2).map((d) => d.status)).toEqual(['failed', 'failed']);
    const stored = JSON.stringify(listed);
    expect(stored).not.toContain(ROBOT_SECRET);
    expect(stored).not.toContain('wecom-key-123456');
    expect(stored).not.toContain('ding-token-abcdef');
    expect(listed.items.find((i) => i.regionCode === '410322')).toMatchObject({
      url: expect.stringMatching(/access_token=\*\*\*\*cdef$/),
      hasSecret: true,
    });
    const sent = bot.received.length;
    expect((await runReminders(database, { now: NOW })).deliveries).toEqual([]);
    expect(bot.received).toHaveLength(sent);
  });

  it('a robot that does not answer times out and is recorded as failed', async () => {
    bot.answerWith(() => {});
    await load(database, 'projects', [project('R-G', { regionCode: '410322', name: '提醒R-G' })], {
      year: 2020,
      list: 'province_key',
    });
    const started = Date.now();
    const run = await runReminders(database, { now: NOW, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.deliveries.map((d) => [d.status, d.error])).toEqual([
      ['failed', '超时未响应'],
      ['failed', '超时未响应'],
    ]);
  });

  it('sends nothing when reminders are switched off; a removed robot gets nothing', async () => {
    const ctx = fixtureContext(NOW);
    await updateSettings(database, ctx, { 'reminder.enabled': false });
    await load(database, 'projects', [project('R-H', { regionCode: '410322', name: '提醒R-H' })], {
      year: 2020,
      list: 'province_key',
    });
    expect(await runReminders(database, { now: NOW })).toMatchObject({
      enabled: false,
      due: false,
      reports: 0,
    });
    await updateSettings(database, ctx, { 'reminder.enabled': true });
    await removeRobot(database, ctx, '410300');
    await removeRobot(database, ctx, '410322');
    const sent = bot.received.length;
    expect(await runReminders(database, { now: NOW })).toMatchObject({ reports: 1, deliveries: [] });
    expect(bot.received).toHaveLength(sent);
  });

  it('an edit without a URL keeps the stored address; a new robot without one is refused, nothing written', async () => {
    const ctx = fixtureContext(NOW);
    await saveRobot(database, ctx, { regionCode: '410800', kind: 'dingtalk', enabled: false });
    const kept = (await listRobotSettings(database)).items.find((i) => i.regionCode === '410800');
    expect(kept).toMatchObject({
      kind: 'dingtalk',
      enabled: false,
      url: expect.stringMatching(/key=\*\*\*\*city$/),
    });
    await expect(
      saveRobot(database, ctx, { regionCode: '410322', kind: 'wecom', enabled: true }),
    ).rejects.toThrow(/还没有群机器人，请填写 Webhook 地址/);
    expect((await listRobotSettings(database)).items.map((i) => i.regionCode)).not.toContain('410322');
  });
});
