import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { loadEvaluationFixture } from '../../../test/helpers/evaluation-fixture';
import { REGIONS } from '../../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestAccount,
  type TestServer,
  testClock,
} from '../../../test/helpers/http';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/query';
import { builtinSchemePath } from '../../schemes/load-scheme';

const Q3 = { scheme: 'sibisikan-2020', period: '2020Q3' };
const cityRanks = (result: { units: { code: string; group: string; rank: number }[] }) =>
  result.units.filter((u) => u.group === 'city').map((u) => [u.code, u.rank]);

describe.each(testDatabases())('evaluations over HTTP on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let province: Client;
  let city: Client;
  let owner: Client;
  let stranger: Client;

  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database, {
      regions: [...REGIONS, { code: '420000', name: '湖北省', parentCode: null, kind: 'province' }],
    });
    const accounts: TestAccount[] = [
      { username: 'ev_province', role: 'province_officer', regionCode: '410000' },
      { username: 'ev_city', role: 'city_officer', regionCode: '410800' },
      { username: 'ev_owner', role: 'project_owner', regionCode: null, projectCodes: ['L1'] },
      { username: 'ev_hubei', role: 'viewer', regionCode: '420000' },
    ];
    for (const a of accounts) await createTestAccount(database, a);
    server = await startServer(database, { clock: testClock(new Date('2020-10-08T02:00:00Z')) });
    const clients = await Promise.all(accounts.map((a) => loginAs(server, a)));
    [province, city, owner, stranger] = clients as [Client, Client, Client, Client];
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('runs a draft for the province officer only, and never shows a draft to anyone else', async () => {
    const draft = await province.post('/api/evaluations/draft', Q3);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      state: 'draft',
      parent: { code: '410000', name: '河南省' },
      scheme: { id: 'sibisikan-2020', edited: false },
      published: null,
      permissions: { publish: true },
    });
    expect(draft.body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(cityRanks(draft.body.result)).toEqual([
      ['410300', 1],
      ['410800', 2],
    ]);
    const explained = draft.body.result.units[0].indicators[0];
    expect(explained.explanation.length).toBeGreaterThan(10);

    expect((await city.post('/api/evaluations/draft', Q3)).status).toBe(403);
    expect((await owner.post('/api/evaluations/draft', Q3)).status).toBe(403);
    expect((await city.post('/api/evaluations/draft/sensitivity', Q3)).status).toBe(403);
    const bulletin = await city.get('/api/bulletins?period=2020Q3&format=html');
    expect(bulletin.status).toBe(404);
    expect(bulletin.body.error.message).toContain('尚未发布');
    expect((await city.get('/api/evaluations')).body.items).toEqual([]);
  });

  it('scores an edited copy of a scheme, and lists every problem of a broken one', async () => {
    const text = readFileSync(builtinSchemePath('sibisikan-2020'), 'utf8')
      .replace(/(- id: outside_funds[\s\S]*?points: )4/, '$116')
      .replace(/(- id: invest_rate[\s\S]*?points: )14/, '$12')
      .replace(/(- id: attraction[\s\S]*?points: )15/, '$127')
      .replace(/(- id: progress[\s\S]*?points: )40/, '$128');
    const edited = await province.post('/api/evaluations/draft', { ...Q3, schemeText: text });
    expect(edited.status).toBe(200);
    expect(edited.body.scheme.edited).toBe(true);
    expect(edited.body.permissions.publish).toBe(false);
    expect(cityRanks(edited.body.result)).toEqual([
      ['410800', 1],
      ['410300', 2],
    ]);

    const broken = text.replace(/(- id: attraction[\s\S]*?points: )27/, '$1-3');
    const refused = await province.post('/api/evaluations/draft', { ...Q3, schemeText: broken });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invalid_scheme');
    expect(refused.body.error.details.length).toBeGreaterThan(0);
    const checked = await city.post('/api/schemes/validate', { text: broken });
    expect(checked.status).toBe(200);
    expect(checked.body.ok).toBe(false);
    expect(checked.body.issues.join('\n')).toMatch(/points|分/);
    const yamlError = await city.post('/api/schemes/validate', { text: 'id: [unclosed' });
    expect(yamlError.body.issues[0]).toContain('YAML 格式错误');
    expect((await city.post('/api/schemes/validate', { text })).body).toMatchObject({ ok: true, issues: [] });

    const schemes = await city.get('/api/schemes');
    expect(schemes.body.items.map((s: { id: string }) => s.id)).toEqual(['sibisikan-2020', 'sangeyipi-2022']);
    const one = await city.get('/api/schemes/sibisikan-2020');
    expect(one.body.text).toContain('id: sibisikan-2020');
    expect((await city.get('/api/schemes/nope')).status).toBe(404);
    expect((await owner.get('/api/schemes')).status).toBe(403);
  });

  it('publishes once, past the gate only with a reason; every reader in the province reads, verifies and analyses it; nobody else does', async () => {
    // Three projects and two deals: too little of the scheme rests on data. The gate says why.
    const refused = await province.post('/api/evaluations', Q3);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('rule_violation');
    expect(refused.body.error.message).toMatch(/^发布前检查未通过，结果未发布：数据覆盖率 \d+\.\d%/);
    expect(refused.body.error.details).toMatchObject({
      minCoverage: 0.8,
      refusals: [{ code: 'coverage' }],
      mayOverride: true,
    });
    // A city officer may neither publish nor override; a reason too short is not one.
    expect((await city.post('/api/evaluations', { ...Q3, overrideReason: '我们同意发布' })).status).toBe(403);
    expect((await province.post('/api/evaluations', { ...Q3, overrideReason: '可' })).status).toBe(400);

    const reason = '试点季度，储备和审批数据尚未录入，经省项目办研究同意发布';
    const published = await province.post('/api/evaluations', { ...Q3, overrideReason: reason });
    expect(published.status).toBe(201);
    const id = published.body.id;
    expect(published.body).toMatchObject({
      state: 'published',
      period: '2020Q3',
      publishedBy: 'ev_province',
      edition: 1,
      revocation: null,
      gate: { refusals: [{ code: 'coverage' }], override: { reason, by: 'ev_province' } },
    });
    const again = await province.post('/api/evaluations', { ...Q3, overrideReason: reason });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('发布后不可更改');
    expect((await city.post('/api/evaluations', Q3)).status).toBe(403);

    const draft = await province.post('/api/evaluations/draft', Q3);
    expect(draft.body.published).toMatchObject({ id, identical: true, moves: [] });
    expect(draft.body.permissions.publish).toBe(false);

    const list = await city.get('/api/evaluations');
    expect(list.body.items).toEqual([
      expect.objectContaining({ id, scheme: 'sibisikan-2020', period: '2020Q3' }),
    ]);
    const read = await city.get(`/api/evaluations/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.hash).toBe(published.body.hash);
    // The override is in the result's metadata for every reader.
    expect(read.body.gate.override).toMatchObject({ reason, by: 'ev_province' });
    expect(read.body.permissions).toEqual({ revoke: false });
    expect((await province.get(`/api/evaluations/${id}`)).body.permissions).toEqual({ revoke: true });
    expect(cityRanks(read.body.result)).toEqual([
      ['410300', 1],
      ['410800', 2],
    ]);
    const verified = await city.get(`/api/evaluations/${id}/verify`);
    expect(verified.body).toMatchObject({
      identical: true,
      storedHash: published.body.hash,
      recomputedHash: published.body.hash,
      current: { hash: published.body.hash, identical: true },
    });
    // Today's ranks are a draft: the city sees whether they differ, not how.
    expect(verified.body.current).not.toHaveProperty('moves');
    expect((await province.get(`/api/evaluations/${id}/verify`)).body.current.moves).toEqual([]);

    const robust = await city.get(`/api/evaluations/${id}/sensitivity?replications=200&seed=7`);
    expect(robust.status).toBe(200);
    expect(robust.body.replications).toBe(200);
    const pFirst = robust.body.units
      .filter((u: { group: string }) => u.group === 'city')
      .reduce((s: number, u: { pFirst: number }) => s + u.pFirst, 0);
    expect(pFirst).toBeCloseTo(1, 6);
    const takes = await city.get(`/api/evaluations/${id}/what-it-takes?unit=410800`);
    expect(takes.status).toBe(200);
    expect(takes.body).toMatchObject({ unit: '410800', rank: 2 });
    expect((await city.get(`/api/evaluations/${id}/what-it-takes?unit=420000`)).status).toBe(400);

    // The city's 驾驶舱 shows its place in the published result, and amounts as exact 元 strings.
    const dashboard = await city.get('/api/dashboard?region=410800&period=2020-09');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.rankHistory).toEqual([
      expect.objectContaining({ evaluationId: id, period: '2020Q3', rank: 2, groupSize: 2 }),
    ]);
    expect(dashboard.body.monthly[8]).toEqual({ month: 9, investYtd: '500000000', planToDate: '750000000' });
    expect((await city.get('/api/dashboard?region=410300&period=2020-09')).status).toBe(404);

    // Another province's reader and a project owner see nothing; an unknown id is simply not there.
    expect((await stranger.get(`/api/evaluations/${id}`)).status).toBe(404);
    expect((await stranger.get('/api/evaluations')).body.items).toEqual([]);
    expect((await owner.get(`/api/evaluations/${id}`)).status).toBe(403);
    expect((await city.get('/api/evaluations/99999')).status).toBe(404);
  });

  it('serves the published 通报 as Word and as a page, and records each download', async () => {
    const docx = await city.get('/api/bulletins?period=2020Q3&format=docx');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''/);
    expect(docx.headers.get('x-sibi-evaluation')).toMatch(/^\d+$/);
    const page = await city.get('/api/bulletins?period=2020Q3&format=html&inline=true');
    expect(page.headers.get('content-disposition')).toMatch(/^inline/);
    expect(page.body).toContain('洛阳市');
    const summary = await city.get('/api/bulletins?period=2020Q3&format=md&region=410800');
    expect(summary.status).toBe(200);
    expect(summary.body).toContain('焦作市');
    expect((await stranger.get('/api/bulletins?period=2020Q3&region=410300')).status).toBe(404);
    // The province may fetch a draft of a period not yet published; it says so in its name.
    const draft = await province.get('/api/bulletins?period=2020Q2&format=md');
    expect(draft.status).toBe(200);
    expect(draft.headers.get('x-sibi-evaluation')).toBe('draft');

    const audit = await queryRows<{ action: string; actor: string; n: number }>(
      database.db,
      sql`select action, actor, count(*)::int as n from audit_log
          where action in ('bulletin.download', 'evaluation.publish') and outcome = 'ok'
          group by action, actor order by action, actor`,
    );
    expect(audit).toEqual([
      { action: 'bulletin.download', actor: 'ev_city', n: 3 },
      { action: 'bulletin.download', actor: 'ev_province', n: 1 },
      { action: 'evaluation.publish', actor: 'ev_province', n: 1 },
    ]);
  });

  it('revokes a published result by a record; it is then "the published result" no more, and may be published again', async () => {
    const [standing] = (await city.get('/api/evaluations')).body.items;
    const id = standing.id;
    const link = await province.post(`/api/evaluations/${id}/public-link`, {});
    expect(link.status).toBe(201);
    const reason = '焦作市 9 月月报更正，撤销后重新发布';
    expect((await city.post(`/api/evaluations/${id}/revoke`, { reason })).status).toBe(403);
    expect((await stranger.post(`/api/evaluations/${id}/revoke`, { reason })).status).toBe(403); // a viewer
    expect((await province.post(`/api/evaluations/${id}/revoke`, { reason: '短' })).status).toBe(400);
    const revoked = await province.post(`/api/evaluations/${id}/revoke`, { reason });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, links: [link.body.link.slug] });
    expect((await province.post(`/api/evaluations/${id}/revoke`, { reason })).status).toBe(409);

    // Gone from the list, the public page, the bulletin and the dashboard; still readable, marked.
    expect((await city.get('/api/evaluations')).body.items).toEqual([]);
    const all = await city.get('/api/evaluations?revoked=include');
    expect(all.body.items).toEqual([
      expect.objectContaining({
        id,
        revocation: expect.objectContaining({ reason, revokedBy: 'ev_province' }),
      }),
    ]);
    const read = await city.get(`/api/evaluations/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.revocation).toMatchObject({ reason });
    expect((await province.get(`/api/evaluations/${id}`)).body.permissions).toEqual({ revoke: false });
    expect((await city.get(`/api/public/results/${link.body.link.slug}`)).status).toBe(404);
    expect((await province.post(`/api/evaluations/${id}/public-link`, {})).status).toBe(404);
    expect((await city.get('/api/bulletins?period=2020Q3&format=md')).status).toBe(404);
    expect((await city.get('/api/dashboard?region=410800&period=2020-09')).body.rankHistory).toEqual([]);
    const draft = await province.post('/api/evaluations/draft', Q3);
    expect(draft.body.published).toBeNull();
    expect(draft.body.permissions).toEqual({ publish: true, override: true });
    const stored = await queryRows<{ hash: string }>(
      database.db,
      sql`select content_hash as hash from evaluations where id = ${id}`,
    );
    expect(stored[0]!.hash).toBe(standing.hash);

    const again = await province.post('/api/evaluations', {
      ...Q3,
      overrideReason: '更正后重新发布，数据覆盖率不足已知悉',
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ edition: 2, revocation: null });
    expect((await city.get('/api/evaluations')).body.items.map((e: { id: number }) => e.id)).toEqual([
      again.body.id,
    ]);
  });
});
