// The statistical audit and the optional sensitivity factors over HTTP: a draft's audit for those
// who may run drafts, a published result's for every reader in its province, nobody else.
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
import { getEvaluation } from '../../db/evaluations';
import { DEFAULT_SEED } from '../../domain/evaluation/sensitivity';
import { analyseStoredAudit } from '../../services/audit-evaluation';

const Q3 = { scheme: 'sibisikan-2020', period: '2020Q3' };

describe.each(testDatabases())('evaluation audit over HTTP on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let province: Client;
  let city: Client;
  let stranger: Client;

  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database, {
      regions: [...REGIONS, { code: '420000', name: '湖北省', parentCode: null, kind: 'province' }],
    });
    const accounts: TestAccount[] = [
      { username: 'au_province', role: 'province_officer', regionCode: '410000' },
      { username: 'au_city', role: 'city_officer', regionCode: '410800' },
      { username: 'au_hubei', role: 'viewer', regionCode: '420000' },
    ];
    for (const a of accounts) await createTestAccount(database, a);
    server = await startServer(database, { clock: testClock(new Date('2020-10-08T02:00:00Z')) });
    [province, city, stranger] = (await Promise.all(accounts.map((a) => loginAs(server, a)))) as [
      Client,
      Client,
      Client,
    ];
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it("audits a draft for the province officer: weights, square symmetric matrices, each group's outliers", async () => {
    const res = await province.post('/api/evaluations/draft/audit', Q3);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      period: '2020Q3',
      parent: { code: '410000', name: '河南省' },
      scheme: { id: 'sibisikan-2020' },
      rule: { skewness: 2, kurtosis: 3.5, winmax: 5, moments: 'sample' },
    });
    const city = res.body.groups.find((g: { group: string }) => g.group === 'city');
    expect(city.units).toBeGreaterThanOrEqual(2);
    const K = city.indicators.length;
    expect(K).toBeGreaterThan(5);
    expect(city.weights).toHaveLength(K);
    const nominal = city.weights.reduce((s: number, w: { nominal: number }) => s + w.nominal, 0);
    expect(nominal).toBeCloseTo(1, 10);
    for (const m of [city.scores.pearson, city.scores.spearman, city.values.pearson]) {
      expect(m).toHaveLength(K);
      for (let i = 0; i < K; i++) {
        expect([1, null]).toContain(m[i][i]);
        for (let j = 0; j < K; j++) expect(m[i][j]).toBe(m[j][i]);
      }
    }
    expect(city.outliers).toHaveLength(K);
    expect(city.withTotal).toHaveLength(K);
  });

  it('refuses a draft audit to whoever may not run drafts', async () => {
    expect((await city.post('/api/evaluations/draft/audit', Q3)).status).toBe(403);
    expect((await stranger.post('/api/evaluations/draft/audit', Q3)).status).toBe(403);
    const bad = await province.post('/api/evaluations/draft/audit', { ...Q3, period: '2020Q5' });
    expect(bad.status).toBe(400);
  });

  it('varies normalisation and aggregation on request, with the one default seed and the intervals', async () => {
    const res = await province.post('/api/evaluations/draft/sensitivity', {
      ...Q3,
      replications: 40,
      normalisation: ['min_max'],
      aggregation: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.seed).toBe(DEFAULT_SEED);
    expect(res.body.bootstrap).toEqual({ samples: 200, level: 0.95 });
    const ids = res.body.factors.map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['normalisation', 'aggregation', 'weights']));
    for (const ix of res.body.indices) {
      expect(ix.firstCi[0]).toBeLessThanOrEqual(ix.firstCi[1]);
      expect(ix.totalCi[0]).toBeLessThanOrEqual(ix.totalCi[1]);
    }
    const plain = await province.post('/api/evaluations/draft/sensitivity', { ...Q3, replications: 40 });
    expect(plain.body.factors.map((f: { id: string }) => f.id)).not.toContain('normalisation');
    const bad = await province.post('/api/evaluations/draft/sensitivity', {
      ...Q3,
      normalisation: ['z_score'],
    });
    expect(bad.status).toBe(400);
  });

  it('audits a published result from what was stored, for every reader in its province only', async () => {
    const published = await province.post('/api/evaluations', {
      ...Q3,
      overrideReason: '试点季度，储备和审批数据尚未录入，经省项目办研究同意发布',
    });
    expect(published.status).toBe(201);
    const id = published.body.id;
    const res = await city.get(`/api/evaluations/${id}/audit`);
    expect(res.status).toBe(200);
    const stored = await getEvaluation(database.db, id);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(analyseStoredAudit(stored!))));
    expect(res.body.parent.code).toBe('410000');
    expect((await stranger.get(`/api/evaluations/${id}/audit`)).status).toBe(404);
    expect((await city.get('/api/evaluations/99999/audit')).status).toBe(404);
    const sens = await city.get(`/api/evaluations/${id}/sensitivity?replications=20&aggregation=true`);
    expect(sens.status).toBe(200);
    expect(sens.body.factors.map((f: { id: string }) => f.id)).toContain('aggregation');
  });
});
