// Every registered route × every role × every scope, over real HTTP, against test/authz-matrix.ts.
// Each case gets fresh target records, so a write that is allowed never disturbs another case.

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser, updateUser } from '../src/db/auth/users';
import type { Database } from '../src/db/client';
import { insertMessages } from '../src/db/messages';
import { queryRows } from '../src/db/query';
import type { Role } from '../src/policies/roles';
import { hashPassword } from '../src/services/auth/password-hash';
import { totp } from '../src/services/auth/totp';
import { startTotpEnrolment } from '../src/services/auth/totp-enrolment';
import { addAdjustments, addEvents, SINGLE } from '../src/services/evaluation-entries-add';
import { createHonourList, publishHonourList } from '../src/services/honours';
import { ensurePublicLink } from '../src/services/public-links';
import { publishEvaluation } from '../src/services/publish-evaluation';
import { saveRobot } from '../src/services/reminder-webhooks';
import { MATRIX, WHO, type Who } from './authz-matrix';
import { type TestDatabase, testDatabases } from './helpers/databases';
import { load } from './helpers/factories';
import {
  Client,
  createTestAccount,
  loginAs,
  type Reply,
  startServer,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
  type TestServer,
  testClock,
} from './helpers/http';
import {
  bindProject,
  freshApproval,
  freshDeal,
  freshIssue,
  freshProject,
  freshProjectYear,
  freshReport,
  freshReserve,
  SCOPE_REGIONS,
} from './helpers/records';

const SCOPES = ['own', 'child', 'sibling', 'otherCity'] as const;
type Scope = (typeof SCOPES)[number] | 'none';

/** Where a scope puts the target record for each caller (see the table's header). */
interface Place {
  region: string;
  /** The project is bound to the caller (project owner, leader). */
  bind: boolean;
}
const CITY_VIEW = { own: '410300', child: '410322', sibling: '410800', otherCity: '410821' };
function placeOf(who: Who, scope: (typeof SCOPES)[number]): Place | null {
  const plain = (region: string | undefined) => (region ? { region, bind: false } : null);
  switch (who) {
    case 'province_officer':
      return plain({ own: '410000', child: '410300' }[scope as 'own']);
    case 'county_officer':
      return plain({ own: '410322', sibling: '410311', otherCity: '410821' }[scope as 'own']);
    case 'project_owner':
    case 'leader':
      if (scope === 'own') return { region: '410322', bind: true };
      return plain({ sibling: '410322', otherCity: '410821' }[scope as 'sibling']);
    default:
      return plain(CITY_VIEW[scope]);
  }
}

const REGION_OF: Partial<Record<Who, string>> = {
  province_officer: '410000',
  city_officer: '410300',
  county_officer: '410322',
  viewer: '410300',
};

interface Request {
  method?: string;
  url: string;
  body?: unknown;
  /** Routes that end or change the session run on a throwaway account of the same role. */
  throwaway?: (client: Client, userId: number) => Promise<{ url: string; body?: unknown }>;
}

interface Case {
  who: Who;
  place: Place | null;
}

describe.each(testDatabases())('authorization matrix on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  const clients = new Map<Who, Client>();
  const userIds = new Map<Who, number>();
  let passwordHash = '';
  let baseProjectCode = '';
  let counter = 0;
  // Publications of periods of their own: months from 1990 on (unique() shares no numbers with them).
  let publications = 0;
  let publishedId = 0;
  let honoursId = 0;
  const fixture = () => ({ actor: 'fixture', ip: null, now });
  /** A published evaluation of a year of its own (no data: the publish gate is overridden). */
  const freshPublication = async () =>
    (
      await publishEvaluation(database, {
        scheme: 'sibisikan-2020',
        period: ((n) => `${1990 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`)(
          publications++,
        ),
        actor: 'fixture',
        overrideReason: '授权矩阵测试',
      })
    ).id;
  const honourDraft = () =>
    createHonourList(
      database,
      {
        provinceCode: '410000',
        title: `先进单位${unique()}`,
        year: 2020,
        file: 'fixture.csv',
        rows: [
          {
            row: 2,
            record: { position: 1, name: '先进单位甲', regionCode: '410300', category: null, note: null },
          },
        ],
      },
      fixture(),
    );
  const EVENT = {
    regionCode: '410300',
    eventDate: '2020-05-01',
    item: 'national_recognition',
    reason: '授权矩阵测试',
  };
  const ADJUSTMENT = {
    scheme: 'sibisikan-2020',
    period: '2020',
    unitCode: '410300',
    kind: 'bonus',
    points: '1.5',
    reason: '授权矩阵测试',
  };
  /** Entered by another account, so that whoever calls may approve it. */
  const fixtureEvent = async () =>
    (
      await addEvents(
        database,
        {
          file: SINGLE,
          rows: [{ row: null, record: { ...EVENT, count: 1, note: null } }],
          mayEnter: () => true,
        },
        fixture(),
      )
    )[0]!;
  const fixtureAdjustment = async () =>
    (
      await addAdjustments(
        database,
        { file: SINGLE, rows: [{ row: null, record: { ...ADJUSTMENT, item: null } }], mayEnter: () => true },
        fixture(),
      )
    )[0]!;
  const slugOf = async (kind: 'evaluation' | 'honours') =>
    (
      await ensurePublicLink(
        database,
        { kind, id: kind === 'evaluation' ? publishedId : honoursId, provinceCode: '410000' },
        fixture(),
      )
    ).link.slug;
  const now = new Date('2020-10-03T02:00:00Z');
  const ROBOT = {
    kind: 'wecom' as const,
    url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x',
    enabled: false,
  };
  /** A message of the caller's own (anonymous: any id, refused before it is looked up). */
  const messageFor = async (who: Who) => {
    const userId = userIds.get(who);
    if (userId === undefined) return 1;
    await insertMessages(database.db, [
      { userId, kind: 'test', title: '测试', body: '测试', link: null, createdAt: now },
    ]);
    const [row] = await queryRows<{ id: number }>(
      database.db,
      sql`select max(id) as id from messages where user_id = ${userId}`,
    );
    return Number(row!.id);
  };
  const tally = { cases: 0, allowed: 0, denied401: 0, denied403: 0, denied404: 0 };

  /** Until the server runs no job: each case's job has the heavy-work slots it needs. */
  async function jobsIdle() {
    const busy = () =>
      server.app.jobs.counts().some((c) => c.count > 0 && (c.state === 'queued' || c.state === 'running'));
    while (busy()) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  /** A finished job of the caller's own (anonymous: any id, refused before it is looked up). */
  const ownJob = async (who: Who) => {
    const userId = userIds.get(who);
    if (userId === undefined) return '00000000-0000-4000-8000-000000000000';
    const job = server.app.jobs.start(userId, 'export', (ctx) =>
      ctx.save('x\r\n', { contentType: 'text/csv; charset=utf-8', fileName: 'x.csv' }),
    );
    await jobsIdle();
    return job.id;
  };
  const jobStart = async (path: string, body: Record<string, unknown>) => {
    await jobsIdle();
    return { url: `/api/jobs/${path}`, body };
  };

  const unique = () => `${Date.now().toString(36)}${++counter}`;

  async function project(c: Case) {
    const p = await freshProject(database, now, c.place!.region);
    if (c.place!.bind) await bindProject(database, userIds.get(c.who)!, p.id);
    return p;
  }

  /** An account inserted directly (no scrypt per account): a target for the account routes. */
  async function freshUser(totpEnabled = false) {
    const user = await insertUser(database.db, {
      username: `t${unique()}`,
      displayName: '目标账户',
      role: 'viewer',
      regionCode: '410300',
      passwordHash,
      mustChangePassword: false,
      totpEnabled,
      totpSecret: totpEnabled ? TEST_TOTP_SECRET : null,
    });
    return user!;
  }

  const BUILDERS: Record<string, (c: Case) => Promise<Request>> = {
    'GET /api/health': async () => ({ url: '/api/health' }),
    'GET /api/health/live': async () => ({ url: '/api/health/live' }),
    'GET /api/health/ready': async () => ({ url: '/api/health/ready' }),
    'GET /metrics': async () => ({ url: '/metrics' }),
    'GET /api/public/demo-accounts': async () => ({ url: '/api/public/demo-accounts' }),
    'POST /api/auth/login': async () => ({
      url: '/api/auth/login',
      body: { username: 'm_login', password: TEST_PASSWORD },
    }),
    'POST /api/auth/logout': async () => ({
      url: '/api/auth/logout',
      throwaway: async () => ({ url: '/api/auth/logout', body: {} }),
    }),
    'GET /api/auth/me': async () => ({ url: '/api/auth/me' }),
    'POST /api/auth/password': async () => ({
      url: '/api/auth/password',
      throwaway: async () => ({
        url: '/api/auth/password',
        body: { currentPassword: TEST_PASSWORD, newPassword: 'Songshan#Peak77' },
      }),
    }),
    'POST /api/auth/totp/enrol': async () => ({
      url: '/api/auth/totp/enrol',
      throwaway: async () => ({ url: '/api/auth/totp/enrol', body: { password: TEST_PASSWORD } }),
    }),
    'POST /api/auth/totp/verify': async () => ({
      url: '/api/auth/totp/verify',
      body: { code: '123456' },
      throwaway: async (_client, userId) => {
        const { secret } = await startTotpEnrolment(
          database,
          { actor: 't', ip: null, now: server.clock() },
          userId,
          TEST_PASSWORD,
        );
        return { url: '/api/auth/totp/verify', body: { code: totp(secret, server.clock()) } };
      },
    }),
    'GET /api/docs': async () => ({ url: '/api/docs' }),
    'GET /api/docs/static/index.html': async () => ({ url: '/api/docs/static/index.html' }),
    'GET /api/docs/static/swagger-initializer.js': async () => ({
      url: '/api/docs/static/swagger-initializer.js',
    }),
    'GET /api/docs/json': async () => ({ url: '/api/docs/json' }),
    'GET /api/docs/yaml': async () => ({ url: '/api/docs/yaml' }),
    'HEAD /api/docs/static/*': async () => ({ method: 'HEAD', url: '/api/docs/static/swagger-ui.css' }),
    'GET /api/docs/static/*': async () => ({ url: '/api/docs/static/swagger-ui.css' }),

    'GET /api/users': async () => ({ url: '/api/users' }),
    'GET /api/users/export': async () => ({ url: '/api/users/export' }),
    'POST /api/users': async () => ({
      url: '/api/users',
      body: { username: `n${unique()}`, role: 'viewer', regionCode: '410300' },
    }),
    'GET /api/users/:id': async () => ({ url: `/api/users/${(await freshUser()).id}` }),
    'PATCH /api/users/:id': async () => {
      const u = await freshUser();
      return { url: `/api/users/${u.id}`, body: { version: u.version, displayName: '改名' } };
    },
    'POST /api/users/:id/disable': async () => {
      const u = await freshUser();
      return { url: `/api/users/${u.id}/disable`, body: { version: u.version } };
    },
    'POST /api/users/:id/enable': async () => {
      const u = await freshUser();
      const disabled = await updateUser(database.db, u.id, { disabled: true });
      return { url: `/api/users/${u.id}/enable`, body: { version: disabled!.version } };
    },
    'POST /api/users/:id/reset-password': async () => ({
      url: `/api/users/${(await freshUser()).id}/reset-password`,
      body: {},
    }),
    'PUT /api/users/:id/role': async () => {
      const u = await freshUser();
      return {
        method: 'PUT',
        url: `/api/users/${u.id}/role`,
        body: { version: u.version, role: 'viewer', regionCode: '410800' },
      };
    },
    'POST /api/users/:id/reset-totp': async () => {
      const u = await freshUser(true);
      return { url: `/api/users/${u.id}/reset-totp`, body: { version: u.version } };
    },
    'GET /api/settings': async () => ({ url: '/api/settings' }),
    'PATCH /api/settings': async () => ({
      method: 'PATCH',
      url: '/api/settings',
      body: { 'report.deadlineDay': 5 },
    }),
    'GET /api/audit': async () => ({ url: '/api/audit?pageSize=5' }),
    'GET /api/audit/choices': async () => ({ url: '/api/audit/choices' }),
    'GET /api/audit/export': async () => ({
      url: `/api/audit/export?from=${encodeURIComponent(new Date().toISOString())}`,
    }),

    'GET /api/regions': async () => ({ url: '/api/regions' }),
    'GET /api/regions/:code': async (c) => ({ url: `/api/regions/${c.place!.region}` }),

    'GET /api/projects': async () => ({ url: '/api/projects?pageSize=5' }),
    'GET /api/projects/export': async () => ({ url: '/api/projects/export' }),
    'POST /api/projects': async (c) => ({
      url: '/api/projects',
      body: { code: `N-${unique()}`, name: '新项目', regionCode: c.place!.region },
    }),
    'GET /api/projects/:id': async (c) => ({ url: `/api/projects/${(await project(c)).id}` }),
    'PATCH /api/projects/:id': async (c) => {
      const p = await project(c);
      return { url: `/api/projects/${p.id}`, body: { version: p.version, name: '改名项目' } };
    },
    'DELETE /api/projects/:id': async (c) => {
      const p = await project(c);
      return { url: `/api/projects/${p.id}?version=${p.version}` };
    },
    'GET /api/projects/:id/years': async (c) => ({ url: `/api/projects/${(await project(c)).id}/years` }),
    'GET /api/projects/:id/leaders': async (c) => ({
      url: `/api/projects/${(await project(c)).id}/leaders`,
    }),
    'POST /api/projects/:id/years': async (c) => ({
      url: `/api/projects/${(await project(c)).id}/years`,
      body: { year: 2020, list: 'city_key', nature: 'continuing' },
    }),
    'PATCH /api/project-years/:id': async (c) => {
      const y = await freshProjectYear(database, now, await project(c));
      return { url: `/api/project-years/${y.id}`, body: { version: y.version, annualTarget: '600000000' } };
    },
    'DELETE /api/project-years/:id': async (c) => {
      const y = await freshProjectYear(database, now, await project(c));
      return { url: `/api/project-years/${y.id}?version=${y.version}` };
    },

    'GET /api/reports': async () => ({ url: '/api/reports?pageSize=5' }),
    'GET /api/reports/export': async () => ({ url: '/api/reports/export' }),
    'GET /api/reports/missing': async () => ({ url: '/api/reports/missing?year=2020&month=9&pageSize=5' }),
    'GET /api/reports/missing/export': async () => ({ url: '/api/reports/missing/export?year=2020&month=9' }),
    'GET /api/projects/:id/report-form': async (c) => ({
      url: `/api/projects/${(await project(c)).id}/report-form?year=2020&month=9`,
    }),
    'POST /api/reports': async (c) => ({
      url: '/api/reports',
      body: { projectId: (await project(c)).id, year: 2020, month: 9, investYtd: '700000000' },
    }),
    'GET /api/reports/:id': async (c) => ({
      url: `/api/reports/${(await freshReport(database, now, await project(c), 'draft')).id}`,
    }),
    'GET /api/reports/:id/quality': async (c) => ({
      url: `/api/reports/${(await freshReport(database, now, await project(c), 'draft')).id}/quality`,
    }),
    'PATCH /api/reports/:id': async (c) => {
      const r = await freshReport(database, now, await project(c), 'draft');
      return { url: `/api/reports/${r.id}`, body: { version: r.version, investYtd: '600000000' } };
    },
    'DELETE /api/reports/:id': async (c) => {
      const r = await freshReport(database, now, await project(c), 'draft');
      return { url: `/api/reports/${r.id}?version=${r.version}` };
    },
    'POST /api/reports/:id/submit': async (c) => {
      const r = await freshReport(database, now, await project(c), 'draft');
      return { url: `/api/reports/${r.id}/submit`, body: { version: r.version } };
    },
    'POST /api/reports/:id/approve': async (c) => {
      const r = await freshReport(database, now, await project(c), 'submitted');
      return { url: `/api/reports/${r.id}/approve`, body: { version: r.version } };
    },
    'POST /api/reports/review': async (c) => {
      const r = await freshReport(database, now, await project(c), 'submitted');
      return {
        url: '/api/reports/review',
        body: { action: 'approve', items: [{ id: r.id, version: r.version }] },
      };
    },
    'POST /api/reports/:id/return': async (c) => {
      const r = await freshReport(database, now, await project(c), 'submitted');
      return { url: `/api/reports/${r.id}/return`, body: { version: r.version, reason: '数据有误，请核实' } };
    },

    'GET /api/deals': async () => ({ url: '/api/deals?pageSize=5' }),
    'GET /api/deals/export': async () => ({ url: '/api/deals/export' }),
    'POST /api/deals': async (c) => ({
      url: '/api/deals',
      body: {
        name: `签约${unique()}`,
        regionCode: c.place!.region,
        origin: 'in_province',
        signedDate: '2020-05-01',
        contractAmount: 1000,
      },
    }),
    'GET /api/deals/:id': async (c) => ({
      url: `/api/deals/${(await freshDeal(database, now, c.place!.region)).id}`,
    }),
    'PATCH /api/deals/:id': async (c) => {
      const d = await freshDeal(database, now, c.place!.region);
      return { url: `/api/deals/${d.id}`, body: { version: d.version, investor: '新投资方' } };
    },
    'DELETE /api/deals/:id': async (c) => {
      const d = await freshDeal(database, now, c.place!.region);
      return { url: `/api/deals/${d.id}?version=${d.version}` };
    },
    'GET /api/reserve': async () => ({ url: '/api/reserve?pageSize=5' }),
    'GET /api/reserve/export': async () => ({ url: '/api/reserve/export' }),
    'POST /api/reserve': async (c) => ({
      url: '/api/reserve',
      body: { name: `储备${unique()}`, regionCode: c.place!.region, targetYear: 2021 },
    }),
    'GET /api/reserve/:id': async (c) => ({
      url: `/api/reserve/${(await freshReserve(database, now, c.place!.region)).id}`,
    }),
    'PATCH /api/reserve/:id': async (c) => {
      const r = await freshReserve(database, now, c.place!.region);
      return { url: `/api/reserve/${r.id}`, body: { version: r.version, major: false } };
    },
    'DELETE /api/reserve/:id': async (c) => {
      const r = await freshReserve(database, now, c.place!.region);
      return { url: `/api/reserve/${r.id}?version=${r.version}` };
    },

    'GET /api/approvals': async () => ({ url: '/api/approvals?pageSize=5' }),
    'GET /api/approvals/export': async () => ({ url: '/api/approvals/export' }),
    'POST /api/approvals': async (c) => ({
      url: '/api/approvals',
      body: { projectId: (await project(c)).id, itemName: '环评批复' },
    }),
    'GET /api/approvals/:id': async (c) => ({
      url: `/api/approvals/${(await freshApproval(database, now, await project(c))).id}`,
    }),
    'PATCH /api/approvals/:id': async (c) => {
      const a = await freshApproval(database, now, await project(c));
      return { url: `/api/approvals/${a.id}`, body: { version: a.version, doneDate: '2020-09-20' } };
    },
    'DELETE /api/approvals/:id': async (c) => {
      const a = await freshApproval(database, now, await project(c));
      return { url: `/api/approvals/${a.id}?version=${a.version}` };
    },
    'GET /api/issues': async () => ({ url: '/api/issues?pageSize=5' }),
    'GET /api/issues/export': async () => ({ url: '/api/issues/export' }),
    'POST /api/issues': async (c) => ({
      url: '/api/issues',
      body: { projectId: (await project(c)).id, description: '用地指标不足', raisedDate: '2020-08-01' },
    }),
    'GET /api/issues/:id': async (c) => ({
      url: `/api/issues/${(await freshIssue(database, now, await project(c))).id}`,
    }),
    'PATCH /api/issues/:id': async (c) => {
      const i = await freshIssue(database, now, await project(c));
      return { url: `/api/issues/${i.id}`, body: { version: i.version, resolvedDate: '2020-09-30' } };
    },
    'DELETE /api/issues/:id': async (c) => {
      const i = await freshIssue(database, now, await project(c));
      return { url: `/api/issues/${i.id}?version=${i.version}` };
    },

    'GET /api/stats': async (c) => ({ url: `/api/stats?region=${c.place!.region}&period=2020-09` }),
    'GET /api/dashboard': async (c) => ({ url: `/api/dashboard?region=${c.place!.region}&period=2020-09` }),
    'GET /api/dashboard/units/export': async (c) => ({
      url: `/api/dashboard/units/export?region=${c.place!.region}&period=2020-09`,
    }),
    'GET /api/warnings': async (c) => ({ url: `/api/warnings?region=${c.place!.region}&period=2020-09` }),
    'GET /api/warnings/export': async (c) => ({
      url: `/api/warnings/export?region=${c.place!.region}&period=2020-09`,
    }),
    'GET /api/periods': async (c) => ({ url: `/api/periods?region=${c.place!.region}` }),
    'GET /api/quality': async (c) => ({ url: `/api/quality?region=${c.place!.region}&period=2020-09` }),
    'GET /api/quality/export': async (c) => ({
      url: `/api/quality/export?region=${c.place!.region}&period=2020-09`,
    }),
    'GET /api/quality/units/export': async (c) => ({
      url: `/api/quality/units/export?region=${c.place!.region}&period=2020-09`,
    }),
    'GET /api/map': async (c) => ({ url: `/api/map?region=${c.place!.region}&period=2020-09` }),
    'GET /api/export/:kind': async (c) => ({ url: `/api/export/deals?region=${c.place!.region}&format=csv` }),
    'GET /api/export/oc4ids': async (c) => {
      // a project on the 2020 province list the caller may read (an empty package is a 404)
      const p = await freshProject(database, now, REGION_OF[c.who] ?? '410322');
      await freshProjectYear(database, now, p);
      if (c.who === 'project_owner' || c.who === 'leader')
        await bindProject(database, userIds.get(c.who)!, p.id);
      return { url: '/api/export/oc4ids?year=2020' };
    },
    'GET /api/templates/:kind': async () => ({ url: '/api/templates/deals?format=csv' }),
    'GET /api/templates/reports/form': async () => ({ url: '/api/templates/reports/form?year=2020&month=7' }),
    'POST /api/import/:kind': async (c) => {
      const region = REGION_OF[c.who] ?? '410300';
      const csv = `签约项目名称,地区代码,投资方来源,签约日期,合同投资额(万元)\r\n导入签约${unique()},${region},省外,2020-06-01,1200\r\n`;
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'deals.csv');
      return { url: '/api/import/deals', body: form };
    },
    'POST /api/import/:kind/errors': async (c) => {
      // A file without problems: 204 for those who may import.
      const region = REGION_OF[c.who] ?? '410300';
      const csv = `签约项目名称,地区代码,投资方来源,签约日期,合同投资额(万元)\r\n检查签约${unique()},${region},省外,2020-06-01,1200\r\n`;
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'deals.csv');
      return { url: '/api/import/deals/errors', body: form };
    },

    'GET /api/schemes': async () => ({ url: '/api/schemes' }),
    'GET /api/schemes/:id': async () => ({ url: '/api/schemes/sibisikan-2020' }),
    'POST /api/schemes/validate': async () => ({ url: '/api/schemes/validate', body: { text: 'id: x' } }),
    'POST /api/schemes/check': async () => ({ url: '/api/schemes/check', body: { text: 'id: x' } }),
    'POST /api/evaluations/draft': async () => ({
      url: '/api/evaluations/draft',
      body: { period: '2020Q3', region: '410000' },
    }),
    'GET /api/evaluations/draft/export': async () => ({
      url: '/api/evaluations/draft/export?period=2020Q3&region=410000',
    }),
    'POST /api/evaluations/draft/sensitivity': async () => ({
      url: '/api/evaluations/draft/sensitivity',
      body: { period: '2020Q3', region: '410000', replications: 20 },
    }),
    'POST /api/evaluations/draft/audit': async () => ({
      url: '/api/evaluations/draft/audit',
      body: { period: '2020Q3', region: '410000' },
    }),
    'POST /api/evaluations/draft/what-it-takes': async () => ({
      url: '/api/evaluations/draft/what-it-takes',
      body: { period: '2020Q3', region: '410000', unit: '410800' },
    }),
    // Each allowed publication needs a period not yet published; the periods have no data, so the
    // publish gate refuses them unless overridden (allowed to whoever may publish here).
    'POST /api/evaluations': async () => ({
      url: '/api/evaluations',
      body: { period: `2019-${(counter++ % 12) + 1}`, region: '410000', overrideReason: '授权矩阵测试' },
    }),
    // Each allowed revocation needs a published result not yet revoked.
    'POST /api/evaluations/:id/revoke': async () => ({
      url: `/api/evaluations/${await freshPublication()}/revoke`,
      body: { reason: '授权矩阵测试' },
    }),
    'GET /api/evaluations': async () => ({ url: '/api/evaluations?region=410000' }),
    'GET /api/evaluations/:id': async () => ({ url: `/api/evaluations/${publishedId}` }),
    'GET /api/evaluations/:id/export': async () => ({ url: `/api/evaluations/${publishedId}/export` }),
    'GET /api/evaluations/:id/verify': async () => ({ url: `/api/evaluations/${publishedId}/verify` }),
    'GET /api/evaluations/:id/sensitivity': async () => ({
      url: `/api/evaluations/${publishedId}/sensitivity?replications=20`,
    }),
    'GET /api/evaluations/:id/audit': async () => ({ url: `/api/evaluations/${publishedId}/audit` }),
    'GET /api/evaluations/:id/what-it-takes': async () => ({
      url: `/api/evaluations/${publishedId}/what-it-takes?unit=410800`,
    }),
    'GET /api/bulletins': async () => ({ url: '/api/bulletins?period=2020Q3&region=410000&format=md' }),

    'GET /api/evaluations/:id/public-link': async () => ({
      url: `/api/evaluations/${publishedId}/public-link`,
    }),
    'POST /api/evaluations/:id/public-link': async () => ({
      url: `/api/evaluations/${publishedId}/public-link`,
      body: {},
    }),
    'DELETE /api/evaluations/:id/public-link': async () => ({
      url: `/api/evaluations/${publishedId}/public-link`,
    }),
    'GET /api/honours': async () => ({ url: '/api/honours' }),
    'GET /api/evaluation-entries/choices': async () => ({ url: '/api/evaluation-entries/choices' }),
    'GET /api/evaluation-events': async () => ({ url: '/api/evaluation-events?period=2020' }),
    'POST /api/evaluation-events': async () => ({ url: '/api/evaluation-events', body: EVENT }),
    'POST /api/evaluation-events/import': async () => {
      const form = new FormData();
      const csv = `地区代码,日期,事项,次数,理由\r\n410300,2020-05-01,national_recognition,1,授权矩阵${unique()}\r\n`;
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'events.csv');
      return { url: '/api/evaluation-events/import', body: form };
    },
    'POST /api/evaluation-events/:id/approve': async () => ({
      url: `/api/evaluation-events/${(await fixtureEvent()).id}/approve`,
      body: {},
    }),
    'POST /api/evaluation-events/:id/revoke': async () => ({
      url: `/api/evaluation-events/${(await fixtureEvent()).id}/revoke`,
      body: { reason: '录入有误' },
    }),
    'GET /api/evaluation-adjustments': async () => ({ url: '/api/evaluation-adjustments?period=2020' }),
    'POST /api/evaluation-adjustments': async () => ({
      url: '/api/evaluation-adjustments',
      body: ADJUSTMENT,
    }),
    'POST /api/evaluation-adjustments/import': async () => {
      const form = new FormData();
      const csv = `考评方案,考评期,地区代码,类别,分值,理由\r\nsibisikan-2020,2020,410300,加分,1.5,授权矩阵${unique()}\r\n`;
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'adjustments.csv');
      return { url: '/api/evaluation-adjustments/import', body: form };
    },
    'POST /api/evaluation-adjustments/:id/approve': async () => ({
      url: `/api/evaluation-adjustments/${(await fixtureAdjustment()).id}/approve`,
      body: {},
    }),
    'POST /api/evaluation-adjustments/:id/revoke': async () => ({
      url: `/api/evaluation-adjustments/${(await fixtureAdjustment()).id}/revoke`,
      body: { reason: '录入有误' },
    }),
    'GET /api/evaluation-self-scores/choices': async () => ({ url: '/api/evaluation-self-scores/choices' }),
    'GET /api/evaluation-self-scores': async () => ({ url: '/api/evaluation-self-scores?period=2020' }),
    // 2020, not the published 2020Q3 (frozen); reporting again revises the same row
    'POST /api/evaluation-self-scores': async (c) => ({
      url: '/api/evaluation-self-scores',
      body: {
        scheme: 'sibisikan-2020',
        period: '2020',
        unitCode: c.place!.region,
        scores: [{ points: '80' }],
      },
    }),
    'POST /api/evaluation-self-scores/import': async (c) => {
      const form = new FormData();
      const csv = `考评方案,考评期,地区代码,指标,自评分\r\nsibisikan-2020,2020,${REGION_OF[c.who] ?? '410300'},,80\r\n`;
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'self-scores.csv');
      return { url: '/api/evaluation-self-scores/import', body: form };
    },
    'POST /api/honours': async () => {
      const form = new FormData();
      form.append(
        'file',
        new Blob(['序号,名称,地区代码\r\n1,先进单位甲,410300\r\n'], { type: 'text/csv' }),
        'h.csv',
      );
      return { url: `/api/honours?title=${encodeURIComponent('先进单位')}&year=2020`, body: form };
    },
    'GET /api/honours/:id': async () => ({ url: `/api/honours/${honoursId}` }),
    'GET /api/honours/:id/export': async () => ({ url: `/api/honours/${honoursId}/export` }),
    'POST /api/honours/:id/publish': async () => ({
      url: `/api/honours/${(await honourDraft()).id}/publish`,
      body: {},
    }),
    'GET /api/honours/:id/public-link': async () => ({ url: `/api/honours/${honoursId}/public-link` }),
    'POST /api/honours/:id/public-link': async () => ({
      url: `/api/honours/${honoursId}/public-link`,
      body: {},
    }),
    'DELETE /api/honours/:id/public-link': async () => ({ url: `/api/honours/${honoursId}/public-link` }),
    // The public routes read the open link of each target (a DELETE case above may have revoked one).
    'GET /api/public/results/:slug': async () => ({
      url: `/api/public/results/${await slugOf('evaluation')}`,
    }),
    'GET /api/public/results/:slug/qr.svg': async () => ({
      url: `/api/public/results/${await slugOf('evaluation')}/qr.svg`,
    }),
    'GET /api/public/results/:slug/qr.png': async () => ({
      url: `/api/public/results/${await slugOf('evaluation')}/qr.png`,
    }),
    'GET /api/public/honours/:slug': async () => ({ url: `/api/public/honours/${await slugOf('honours')}` }),
    'GET /api/public/honours/:slug/qr.svg': async () => ({
      url: `/api/public/honours/${await slugOf('honours')}/qr.svg`,
    }),
    'GET /api/public/honours/:slug/qr.png': async () => ({
      url: `/api/public/honours/${await slugOf('honours')}/qr.png`,
    }),
    'GET /p/:slug': async () => ({ url: `/p/${await slugOf('evaluation')}` }),
    'GET /api/todos': async () => ({ url: '/api/todos' }),
    'GET /api/messages': async () => ({ url: '/api/messages' }),
    'POST /api/messages/:id/read': async (c) => ({ url: `/api/messages/${await messageFor(c.who)}/read` }),
    'POST /api/messages/read-all': async () => ({ url: '/api/messages/read-all', body: {} }),
    'GET /api/reminder-webhooks': async () => ({ url: '/api/reminder-webhooks' }),
    'PUT /api/reminder-webhooks/:region': async () => ({ url: '/api/reminder-webhooks/410300', body: ROBOT }),
    'DELETE /api/reminder-webhooks/:region': async () => {
      await saveRobot(database, fixture(), { regionCode: '410800', ...ROBOT });
      return { url: '/api/reminder-webhooks/410800' };
    },
    'POST /api/reminders/run': async () => ({ url: '/api/reminders/run', body: { dryRun: true } }),
    'GET /api/jobs': async () => ({ url: '/api/jobs' }),
    'GET /api/jobs/:id': async (c) => ({ url: `/api/jobs/${await ownJob(c.who)}` }),
    'GET /api/jobs/:id/result': async (c) => ({ url: `/api/jobs/${await ownJob(c.who)}/result` }),
    'DELETE /api/jobs/:id': async (c) => ({ url: `/api/jobs/${await ownJob(c.who)}` }),
    'POST /api/jobs/draft-sensitivity': async () =>
      jobStart('draft-sensitivity', { period: '2020Q3', region: '410000', replications: 20 }),
    'POST /api/jobs/draft-what-it-takes': async () =>
      jobStart('draft-what-it-takes', { period: '2020Q3', region: '410000', unit: '410800' }),
    'POST /api/jobs/draft-audit': async () => jobStart('draft-audit', { period: '2020Q3', region: '410000' }),
    'POST /api/jobs/sensitivity': async () =>
      jobStart('sensitivity', { evaluation: publishedId, replications: 20 }),
    'POST /api/jobs/what-it-takes': async () =>
      jobStart('what-it-takes', { evaluation: publishedId, unit: '410800' }),
    'POST /api/jobs/audit': async () => jobStart('audit', { evaluation: publishedId }),
    'POST /api/jobs/export': async (c) =>
      jobStart('export', { kind: 'deals', region: c.place!.region, format: 'csv' }),
    'POST /api/jobs/oc4ids': async () => jobStart('oc4ids', { year: 2020 }),
    'POST /api/jobs/audit-log': async () => jobStart('audit-log', { from: new Date().toISOString() }),
  };

  async function accountFor(who: Exclude<Who, 'anonymous'>, username: string, projectCodes?: string[]) {
    return createTestAccount(database, {
      username,
      role: who as Role,
      regionCode: REGION_OF[who] ?? null,
      projectCodes:
        who === 'project_owner' || who === 'leader' ? (projectCodes ?? [baseProjectCode]) : undefined,
    });
  }

  /** A new account of the same role, signed in (admin roles pending TOTP enrolment, which these routes allow). */
  async function throwawayClient(who: Who): Promise<{ client: Client; userId: number }> {
    const client = new Client(server.url);
    if (who === 'anonymous') return { client, userId: 0 };
    const user = await insertUser(database.db, {
      username: `w${unique()}`,
      displayName: '临时账户',
      role: who,
      regionCode: REGION_OF[who] ?? null,
      passwordHash,
      mustChangePassword: false,
    });
    if (who === 'project_owner' || who === 'leader')
      await bindProject(database, user!.id, (await freshProject(database, now, '410322')).id);
    const reply = await client.login(user!.username);
    if (reply.status !== 200) throw new Error(`throwaway login: ${reply.status}`);
    return { client, userId: user!.id };
  }

  const letter = (status: number) =>
    status < 400 ? 'A' : status === 401 ? '1' : status === 403 ? '3' : status === 404 ? '4' : `?${status}`;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', SCOPE_REGIONS);
    passwordHash = await hashPassword(TEST_PASSWORD);
    baseProjectCode = (await freshProject(database, now, '410322')).code;
    publishedId = (
      await publishEvaluation(database, {
        scheme: 'sibisikan-2020',
        period: '2020Q3',
        actor: 'fixture',
        overrideReason: '授权矩阵测试',
      })
    ).id;
    honoursId = (await publishHonourList(database, (await honourDraft()).id, fixture())).id;
    server = await startServer(database, { clock: testClock(now), demo: true });
    await createTestAccount(database, { username: 'm_login', role: 'viewer', regionCode: '410300' });
    for (const who of WHO) {
      if (who === 'anonymous') {
        clients.set(who, new Client(server.url));
        continue;
      }
      const username = `m_${who}`;
      userIds.set(who, await accountFor(who, username));
      clients.set(who, await loginAs(server, { username, role: who as Role }));
    }
  });
  afterAll(async () => {
    if (tally.cases > 0) {
      console.info(
        `authorization matrix (${target.name}): ${server.app.registeredRoutes.length} routes × ${WHO.length} roles, ` +
          `${tally.cases} cases: ${tally.allowed} allowed, ${tally.denied401 + tally.denied403 + tally.denied404} denied ` +
          `(401: ${tally.denied401}, 403: ${tally.denied403}, 404: ${tally.denied404})`,
      );
    }
    await server?.close();
    await database?.close();
  });

  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const registered = server.app.registeredRoutes.map((r) => `${r.method} ${r.url}`);
    expect(registered.length).toBeGreaterThan(60);
    expect(registered.filter((key) => !(key in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !registered.includes(key))).toEqual([]);
    expect(registered.filter((key) => !(key in BUILDERS))).toEqual([]);
  });

  it.each(Object.keys(MATRIX))(
    'answers %s for every role in every scope exactly as the table says',
    async (key) => {
      const route = server.app.registeredRoutes.find((r) => `${r.method} ${r.url}` === key);
      expect(route, `${key} is not registered`).toBeDefined();
      const expected = MATRIX[key]!;
      const build = BUILDERS[key]!;
      const mismatches: string[] = [];
      for (const who of WHO) {
        const cells = expected[who];
        const scopes: Scope[] = cells.length === 1 ? ['none'] : [...SCOPES];
        for (const [i, scope] of scopes.entries()) {
          const want = cells[i]!;
          const place = scope === 'none' ? null : placeOf(who, scope);
          if (want === '-') {
            if (place !== null)
              mismatches.push(`${who} ${scope}: table says no such scope, but there is one`);
            continue;
          }
          if (scope !== 'none' && place === null) {
            mismatches.push(`${who} ${scope}: no such scope for this role; the table should say '-'`);
            continue;
          }
          const request = await build({ who, place });
          const own = clients.get(who)!;
          let client = Object.assign(new Client(server.url), { cookie: own.cookie, csrf: own.csrf });
          let { url, body } = request;
          if (request.throwaway && who !== 'anonymous') {
            const fresh = await throwawayClient(who);
            client = fresh.client;
            ({ url, body } = await request.throwaway(client, fresh.userId));
          }
          const method = request.method ?? route!.method;
          const reply: Reply = await client.request(method, url, body);
          const got = letter(reply.status);
          tally.cases++;
          if (got === 'A') tally.allowed++;
          else if (got === '1') tally.denied401++;
          else if (got === '3') tally.denied403++;
          else if (got === '4') tally.denied404++;
          if (got !== want) {
            mismatches.push(
              `${who} ${scope}: expected ${want}, got ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`,
            );
          } else if (want !== 'A' && method !== 'HEAD') {
            // A refusal says only what it is: no record data, no hint beyond the code.
            expect(Object.keys(reply.body)).toEqual(['error']);
            expect(reply.body.error.code).toMatch(/^(unauthenticated|forbidden|not_found)$/);
          }
        }
      }
      expect(mismatches).toEqual([]);
    },
    // A route whose cases each make a throwaway account (password, TOTP) hashes a password per case:
    // seconds on a busy machine.
    240_000,
  );
});
