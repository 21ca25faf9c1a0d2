import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS, report } from '../../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
  testClock,
} from '../../../test/helpers/http';
import { bindProject, freshProject, freshProjectYear } from '../../../test/helpers/records';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/query';

const YI = 100_000_000;

describe.each(testDatabases())('the monthly report workflow on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let owner: Client;
  let county: Client;
  let city: Client;
  let province: Client;
  let projectId = 0;
  let ownerId = 0;

  const audit = (action: string) =>
    queryRows<{
      actor: string;
      outcome: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      details: Record<string, unknown> | null;
    }>(
      database.db,
      sql`select actor, outcome, before, after, details from audit_log where action = ${action} order by id`,
    );

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    server = await startServer(database, { clock: testClock(new Date('2020-09-02T02:00:00Z')) });
    const project = await freshProject(database, server.clock(), '410322');
    await freshProjectYear(database, server.clock(), project);
    projectId = project.id;
    ownerId = await createTestAccount(database, {
      username: 'owner1',
      role: 'project_owner',
      projectCodes: [project.code],
    });
    await createTestAccount(database, { username: 'county1', role: 'county_officer', regionCode: '410322' });
    await createTestAccount(database, { username: 'city1', role: 'city_officer', regionCode: '410300' });
    await createTestAccount(database, {
      username: 'province1',
      role: 'province_officer',
      regionCode: '410000',
    });
    await signIn();
  });

  /** Moves the clock (days at a time here) and signs in again: idle sessions end after 30 minutes. */
  async function signIn(at?: string) {
    if (at) server.clock.set(new Date(at));
    owner = await loginAs(server, { username: 'owner1', role: 'project_owner' });
    county = await loginAs(server, { username: 'county1', role: 'county_officer' });
    city = await loginAs(server, { username: 'city1', role: 'city_officer' });
    province = await loginAs(server, { username: 'province1', role: 'province_officer' });
  }
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('runs draft → submitted → returned (with reason) → submitted → approved, then locks and takes a correction with reason', async () => {
    // August, filed on time in early September and approved by the city.
    const august = await owner.post('/api/reports', {
      projectId,
      year: 2020,
      month: 8,
      investYtd: 7 * YI,
      started: true,
      startDate: '2020-03-01',
      progressNote: '主体结构施工',
    });
    expect(august.status).toBe(201);
    expect(august.body).toMatchObject({
      state: 'draft',
      investYtd: String(7 * YI),
      investMonth: String(7 * YI),
      locked: false,
    });
    expect(august.body.permissions).toEqual({
      update: true,
      correct: false,
      delete: true,
      submit: true,
      approve: false,
      return: false,
    });
    const augSubmitted = await owner.post(`/api/reports/${august.body.id}/submit`, {
      version: august.body.version,
    });
    expect(augSubmitted.body).toMatchObject({
      state: 'submitted',
      late: false,
      reportedAt: '2020-09-02',
      submittedBy: 'owner1',
    });
    expect(
      (await city.post(`/api/reports/${august.body.id}/approve`, { version: augSubmitted.body.version })).body
        .state,
    ).toBe('approved');

    // September's form, in early October: carried from August and flagged.
    await signIn('2020-10-02T02:00:00Z');
    const form = await owner.get(`/api/projects/${projectId}/report-form?year=2020&month=9`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      year: 2020,
      month: 9,
      report: null,
      values: {
        investYtd: String(7 * YI),
        started: true,
        startDate: '2020-03-01',
        progressNote: '主体结构施工',
        problems: null,
      },
      carried: ['investYtd', 'started', 'startDate', 'progressNote'],
      previous: { year: 2020, month: 8, investYtd: String(7 * YI), state: 'approved' },
      deadline: '2020-10-05',
      locked: false,
    });
    expect(form.body.project.permissions).toMatchObject({
      fillReports: true,
      reviewReports: false,
      update: false,
    });

    const draft = await owner.post('/api/reports', {
      projectId,
      year: 2020,
      month: 9,
      investYtd: 9 * YI,
      started: true,
      startDate: '2020-03-01',
      progressNote: '主体结构施工',
    });
    expect(draft.status).toBe(201);
    expect(draft.body.investMonth).toBe(String(2 * YI));
    const again = await owner.post('/api/reports', { projectId, year: 2020, month: 9, investYtd: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');

    const marked = await owner.get(`/api/projects/${projectId}/report-form?year=2020&month=9`);
    expect(marked.body.carried).toEqual([]);
    expect(marked.body.unchanged).toEqual([
      'started',
      'startDate',
      'completed',
      'completionDate',
      'progressNote',
      'problems',
    ]);
    expect(marked.body.report.id).toBe(draft.body.id);

    const submitted = await owner.post(`/api/reports/${draft.body.id}/submit`, {
      version: draft.body.version,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', late: false, reportedAt: '2020-10-02' });
    const twice = await owner.post(`/api/reports/${draft.body.id}/submit`, {
      version: submitted.body.version,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toEqual({
      code: 'conflict',
      message: '月报已提交，不能重复提交',
      details: null,
    });
    const noReason = await owner.patch(`/api/reports/${draft.body.id}`, {
      version: submitted.body.version,
      investYtd: 1,
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.message).toBe('月报已提交或已审核，更正须说明原因');

    // The county fills but does not review its own projects; the province does not review county projects.
    const byCounty = await county.post(`/api/reports/${draft.body.id}/approve`, {
      version: submitted.body.version,
    });
    expect(byCounty.status).toBe(403);
    expect(
      (await province.post(`/api/reports/${draft.body.id}/approve`, { version: submitted.body.version }))
        .status,
    ).toBe(403);
    const reasonless = await city.post(`/api/reports/${draft.body.id}/return`, {
      version: submitted.body.version,
    });
    expect(reasonless.status).toBe(400);
    expect(reasonless.body.error.code).toBe('validation');
    const returned = await city.post(`/api/reports/${draft.body.id}/return`, {
      version: submitted.body.version,
      reason: '累计投资与台账不符',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'returned', returnedReason: '累计投资与台账不符' });
    expect(returned.body.permissions).toMatchObject({ approve: false, return: false });

    const fixed = await owner.patch(`/api/reports/${draft.body.id}`, {
      version: returned.body.version,
      investYtd: 8.5 * YI,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      state: 'returned',
      investYtd: String(8.5 * YI),
      investMonth: String(1.5 * YI),
    });
    const resubmitted = await county.post(`/api/reports/${draft.body.id}/submit`, {
      version: fixed.body.version,
    });
    expect(resubmitted.body).toMatchObject({
      state: 'submitted',
      late: false,
      returnedReason: null,
      submittedBy: 'county1',
    });
    const approved = await city.post(`/api/reports/${draft.body.id}/approve`, {
      version: resubmitted.body.version,
    });
    expect(approved.body).toMatchObject({ state: 'approved', approvedBy: 'city1' });

    // Only approved figures count: September's 8.5 亿 now, while it was under review August's 7 亿.
    const stats = await city.get('/api/stats?region=410300&period=2020-09');
    expect(stats.status).toBe(200);
    expect(stats.body.metrics).toMatchObject({ 'key.projectCount': 1, 'key.investYtd': 8.5 * YI });

    // After 5 October the month is locked: any change is a correction with a reason, and goes back to review.
    await signIn('2020-10-06T02:00:00Z');
    const locked = await owner.get(`/api/reports/${draft.body.id}`);
    expect(locked.body).toMatchObject({ locked: true, state: 'approved' });
    expect(locked.body.permissions).toMatchObject({
      update: false,
      correct: true,
      submit: false,
      delete: false,
    });
    const plain = await owner.patch(`/api/reports/${draft.body.id}`, {
      version: locked.body.version,
      investYtd: 8.6 * YI,
    });
    expect(plain.status).toBe(422);
    expect(plain.body.error).toEqual({
      code: 'rule_violation',
      message: '月报已过截止日锁定，更正须说明原因',
      details: ['reason'],
    });
    const corrected = await owner.patch(`/api/reports/${draft.body.id}`, {
      version: locked.body.version,
      investYtd: 8.6 * YI,
      reason: '财务决算调整',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      state: 'submitted',
      investYtd: String(8.6 * YI),
      approvedBy: null,
    });
    expect((await city.get('/api/stats?region=410300&period=2020-09')).body.metrics['key.investYtd']).toBe(
      7 * YI,
    );

    const corrections = await audit('report.correct');
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      actor: 'owner1',
      outcome: 'ok',
      details: { reason: '财务决算调整', locked: true, previousState: 'approved' },
      before: { investYtd: String(8.5 * YI), state: 'approved' },
      after: { investYtd: String(8.6 * YI), state: 'submitted' },
    });
    const actions = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_log where target_type = 'report' and target_id like ${'%:2020-09'} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'report.create',
      'report.submit',
      'report.return',
      'report.update',
      'report.submit',
      'report.approve',
      'report.correct',
    ]);
    const returns = await audit('report.return');
    expect(returns[0]).toMatchObject({
      actor: 'city1',
      details: { reason: '累计投资与台账不符' },
      before: { state: 'submitted' },
      after: { state: 'returned' },
    });
  });

  it('reviews a page at once: all approved or returned with one reason, or nothing changed and every problem listed', async () => {
    const submitted = async (month: number, submit = true) => {
      const project = await freshProject(database, server.clock(), '410322');
      await freshProjectYear(database, server.clock(), project);
      const draft = await county.post('/api/reports', {
        projectId: project.id,
        year: 2020,
        month,
        investYtd: YI,
      });
      expect(draft.status).toBe(201);
      if (!submit) return draft.body as { id: number; version: number };
      const sent = await county.post(`/api/reports/${draft.body.id}/submit`, { version: draft.body.version });
      expect(sent.body.state).toBe('submitted');
      return sent.body as { id: number; version: number };
    };
    const [a, b, c] = [await submitted(6), await submitted(6), await submitted(6, false)];
    const stateOf = async (id: number) => (await city.get(`/api/reports/${id}`)).body.state;
    const item = (r: { id: number; version: number }) => ({ id: r.id, version: r.version });
    const before = (await audit('report.approve')).length;

    // As for a single review: the county may not review its own region's reports (403), a report
    // out of scope or missing is 404 — the whole request, nothing changed.
    expect(
      (await county.post('/api/reports/review', { action: 'approve', items: [item(a), item(b)] })).status,
    ).toBe(403);
    const missing = await city.post('/api/reports/review', {
      action: 'approve',
      items: [item(a), { id: 999_999, version: 1 }],
    });
    expect(missing.status).toBe(404);
    // A draft and a stale version, both listed; the good one untouched.
    const mixed = await city.post('/api/reports/review', {
      action: 'return',
      reason: '投资额与台账不符',
      items: [item(a), { id: b.id, version: b.version + 1 }, item(c)],
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body.error.message).toBe('2 份月报不能退回，未做任何改动');
    expect(mixed.body.error.details).toEqual([
      { id: b.id, report: expect.stringContaining('2020年6月'), reason: '记录已被他人修改，请刷新后重试' },
      { id: c.id, report: expect.stringContaining('2020年6月'), reason: '不是已提交状态' },
    ]);
    expect([await stateOf(a.id), await stateOf(b.id)]).toEqual(['submitted', 'submitted']);
    // Returning needs a reason; approving takes none; one report listed twice is refused.
    expect((await city.post('/api/reports/review', { action: 'return', items: [item(a)] })).status).toBe(400);
    const twice = await city.post('/api/reports/review', { action: 'approve', items: [item(a), item(a)] });
    expect(twice.status).toBe(400);

    // The page as shown: both approved by the city, one audit row each.
    const approved = await city.post('/api/reports/review', { action: 'approve', items: [item(a), item(b)] });
    expect(approved.status).toBe(200);
    expect(approved.body.count).toBe(2);
    expect(
      approved.body.items.map((r: { state: string; approvedBy: string }) => [r.state, r.approvedBy]),
    ).toEqual([
      ['approved', 'city1'],
      ['approved', 'city1'],
    ]);
    const audited = (await audit('report.approve')).slice(before);
    expect(audited.map((r) => [r.actor, r.outcome])).toEqual([
      ['city1', 'ok'],
      ['city1', 'ok'],
    ]);
    // Sent again (a second click, the page not yet refreshed): already approved, said so, nothing written.
    const again = await city.post('/api/reports/review', {
      action: 'approve',
      items: [{ id: a.id, version: approved.body.items[0].version }],
    });
    expect(again.status).toBe(422);
    expect(again.body.error.details[0].reason).toBe('已审核');
    expect((await audit('report.approve')).length).toBe(before + 2);
  });

  it('undoes every review of a page when one fails while they are written (a write between the check and the update)', async () => {
    const make = async () => {
      const project = await freshProject(database, server.clock(), '410322');
      await freshProjectYear(database, server.clock(), project);
      const draft = await county.post('/api/reports', {
        projectId: project.id,
        year: 2020,
        month: 5,
        investYtd: YI,
      });
      return (await county.post(`/api/reports/${draft.body.id}/submit`, { version: draft.body.version }))
        .body as {
        id: number;
        version: number;
      };
    };
    const [first, second] = [await make(), await make()];
    const { loadReport } = await import('../../services/reports/load-report');
    const { reviewReports } = await import('../../services/reports/review-reports');
    const items = [];
    for (const r of [first, second])
      items.push({ id: r.id, version: r.version, row: (await loadReport(database, r.id)).row });
    // Someone returns the second after the page was checked: its update finds another version.
    await city.post(`/api/reports/${second.id}/return`, {
      version: second.version,
      reason: '请补充形象进度',
    });
    const ctx = { actor: 'city1', ip: null, now: server.clock() };
    await expect(reviewReports(database, ctx, items, { action: 'approve' })).rejects.toThrow(
      '记录已被他人修改',
    );
    // The first, approved inside the same transaction, is undone with it.
    expect((await city.get(`/api/reports/${first.id}`)).body.state).toBe('submitted');
    expect((await city.get(`/api/reports/${second.id}`)).body.state).toBe('returned');
  });

  it('marks a submission after the deadline late, and refuses a month not yet begun', async () => {
    await signIn('2020-10-07T02:00:00Z');
    const project = await freshProject(database, server.clock(), '410322');
    await bindProject(database, ownerId, project.id);
    const draft = await owner.post('/api/reports', {
      projectId: project.id,
      year: 2020,
      month: 9,
      investYtd: YI,
    });
    expect(draft.status).toBe(201);
    const submitted = await owner.post(`/api/reports/${draft.body.id}/submit`, {
      version: draft.body.version,
    });
    expect(submitted.body).toMatchObject({ state: 'submitted', late: true, reportedAt: '2020-10-07' });
    const future = await owner.post('/api/reports', {
      projectId: project.id,
      year: 2020,
      month: 11,
      investYtd: YI,
    });
    expect(future.status).toBe(422);
    expect(future.body.error.message).toBe('2020 年 11 月尚未开始，不能填报');
    expect((await audit('report.submit')).at(-1)).toMatchObject({ details: { late: true } });
  });

  it('lets exactly one of k concurrent writers win; the others get 409 and change nothing', async () => {
    await signIn('2020-10-02T02:00:00Z');
    const project = await freshProject(database, server.clock(), '410322');
    const draft = await county.post('/api/reports', {
      projectId: project.id,
      year: 2020,
      month: 9,
      investYtd: YI,
    });
    expect(draft.status).toBe(201);
    const k = 8;
    const replies = await Promise.all(
      Array.from({ length: k }, (_, i) =>
        county.patch(`/api/reports/${draft.body.id}`, {
          version: draft.body.version,
          investYtd: (i + 2) * YI,
        }),
      ),
    );
    const winners = replies.filter((r) => r.status === 200);
    const losers = replies.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(k - 1);
    for (const loser of losers) {
      expect(loser.body.error).toEqual({
        code: 'conflict',
        message: '记录已被他人修改，请刷新后重试',
        details: null,
      });
    }
    const stored = await county.get(`/api/reports/${draft.body.id}`);
    expect(stored.body.version).toBe(draft.body.version + 1);
    expect(stored.body.investYtd).toBe(winners[0]!.body.investYtd);
    const updates = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'report.update' and target_id = ${`${project.code}:2020-09`}`,
    );
    expect(updates[0]!.n).toBe(1);
  });

  it('refuses fields a client may not set (mass assignment) and deletes only drafts', async () => {
    const project = await freshProject(database, server.clock(), '410322');
    const draft = await county.post('/api/reports', {
      projectId: project.id,
      year: 2020,
      month: 9,
      investYtd: YI,
    });
    const sneaky = await county.patch(`/api/reports/${draft.body.id}`, {
      version: draft.body.version,
      state: 'approved',
    });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.error.code).toBe('validation');
    expect(sneaky.body.error.details[0]).toMatchObject({ code: 'unrecognized_keys' });
    const created = await county.post('/api/reports', {
      projectId: project.id,
      year: 2020,
      month: 8,
      investYtd: YI,
      state: 'approved',
    });
    expect(created.status).toBe(400);
    const submitted = await county.post(`/api/reports/${draft.body.id}/submit`, {
      version: draft.body.version,
    });
    const gone = await county.delete(`/api/reports/${draft.body.id}?version=${submitted.body.version}`);
    expect(gone.status).toBe(409);
    expect(gone.body.error.message).toBe('只能删除草稿状态的月报');
  });

  it('lists the projects that owe a month’s report: in scope only, a draft still owed, a submitted one not', async () => {
    const owed = await freshProject(database, server.clock(), '410322');
    await freshProjectYear(database, server.clock(), owed);
    const sent = await freshProject(database, server.clock(), '410322');
    await freshProjectYear(database, server.clock(), sent);
    const neighbour = await freshProject(database, server.clock(), '410311');
    await freshProjectYear(database, server.clock(), neighbour);
    const unlisted = await freshProject(database, server.clock(), '410322');
    await load(database, 'reports', [{ ...report(sent.code, 3, 100_000_000n) }]);
    const draft = await owner.post('/api/reports', {
      projectId,
      year: 2020,
      month: 3,
      investYtd: String(YI),
    });
    expect(draft.status).toBe(201);

    const ids = (reply: { body: { items: { projectId: number }[] } }) =>
      reply.body.items.map((i) => i.projectId);
    const forCounty = await county.get('/api/reports/missing?year=2020&month=3&pageSize=200');
    expect(forCounty.status).toBe(200);
    expect(ids(forCounty)).toEqual(expect.arrayContaining([projectId, owed.id]));
    expect(ids(forCounty)).not.toContain(sent.id);
    expect(ids(forCounty)).not.toContain(neighbour.id);
    expect(ids(forCounty)).not.toContain(unlisted.id);
    expect(forCounty.body.items.find((i: { projectId: number }) => i.projectId === projectId)).toMatchObject({
      hasDraft: true,
    });
    expect(forCounty.body.total).toBe(forCounty.body.items.length);
    const forCity = await city.get('/api/reports/missing?year=2020&month=3&region=410311&pageSize=200');
    expect(ids(forCity)).toContain(neighbour.id);
    expect(ids(forCity)).not.toContain(owed.id);
    expect((await county.get('/api/reports/missing?year=2020&month=3&region=410311')).status).toBe(404);
    expect(ids(await owner.get('/api/reports/missing?year=2020&month=3'))).toEqual([projectId]);
  });
});
