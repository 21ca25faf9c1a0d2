// 自评分 over HTTP: a unit's own office reports (total and indicators), revises until publication,
// imports a spreadsheet whole or not at all; the province office lists all and sees the comparison
// in its draft and in the published result; other offices list only their own scope.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { loadEvaluationFixture } from '../../../test/helpers/evaluation-fixture';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
} from '../../../test/helpers/http';
import type { Database } from '../../db/client';

const csvForm = (name: string, text: string) => {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  return form;
};

describe.each(testDatabases())('self-scores over HTTP on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let province: Client;
  let luoyang: Client;
  let jiaozuo: Client;
  let mengjin: Client;
  const count = async () =>
    (
      (await database.db.execute(sql`select count(*)::int as n from evaluation_self_scores`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n;
  const body = (unitCode: string, scores: unknown[], period = '2020Q3') => ({
    scheme: 'sibisikan-2020',
    period,
    unitCode,
    scores,
  });

  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database);
    const accounts = [
      ['prov_s', 'province_officer', '410000'],
      ['ly_city', 'city_officer', '410300'],
      ['jz_city', 'city_officer', '410800'],
      ['mj_county', 'county_officer', '410322'],
    ] as const;
    for (const [username, role, regionCode] of accounts)
      await createTestAccount(database, { username, role, regionCode });
    server = await startServer(database);
    province = await loginAs(server, { username: 'prov_s', role: 'province_officer' });
    luoyang = await loginAs(server, { username: 'ly_city', role: 'city_officer' });
    jiaozuo = await loginAs(server, { username: 'jz_city', role: 'city_officer' });
    mengjin = await loginAs(server, { username: 'mj_county', role: 'county_officer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it("a unit's own office reports and revises; the office above and the province may not", async () => {
    const made = await luoyang.post(
      '/api/evaluation-self-scores',
      body('410300', [{ points: '85.5' }, { indicator: '投资完成率', points: 13 }]),
    );
    expect(made.status).toBe(201);
    expect(made.body.items).toEqual([
      expect.objectContaining({
        unitCode: '410300',
        indicator: null,
        points: '85.50',
        reportedBy: 'ly_city',
        version: 1,
      }),
      expect.objectContaining({ indicator: 'invest_rate', points: '13.00', parentCode: '410000' }),
    ]);
    const revised = await luoyang.post('/api/evaluation-self-scores', body('410300', [{ points: '86' }]));
    expect(revised.body.items[0]).toMatchObject({ id: made.body.items[0].id, points: '86.00', version: 2 });
    expect((await province.post('/api/evaluation-self-scores', body('410300', [{ points: 1 }]))).status).toBe(
      403,
    );
    expect((await luoyang.post('/api/evaluation-self-scores', body('410322', [{ points: 1 }]))).status).toBe(
      403,
    );
    expect((await luoyang.post('/api/evaluation-self-scores', body('410800', [{ points: 1 }]))).status).toBe(
      404,
    );
    // the county's own office reports for the county (ranked among Luoyang's counties)
    const county = await mengjin.post('/api/evaluation-self-scores', body('410322', [{ points: 70 }]));
    expect(county.status).toBe(201);
    expect(county.body.items[0]).toMatchObject({ parentCode: '410300' });
  });

  it("offers the built-in schemes that take self-scores, with each indicator's full points", async () => {
    const choices = await mengjin.get('/api/evaluation-self-scores/choices');
    expect(choices.status).toBe(200);
    expect(choices.body.schemes.map((s: { id: string }) => s.id)).toEqual(['sibisikan-2020']);
    const [scheme] = choices.body.schemes;
    expect(scheme).toMatchObject({ required: false, total: 103 });
    expect(scheme.indicators).toContainEqual({ id: 'invest_rate', name: '投资完成率', points: 14 });
  });

  it('refuses a bad score with the column and reason, writing nothing', async () => {
    const before = await count();
    const bad = await jiaozuo.post(
      '/api/evaluation-self-scores',
      body('410800', [{ points: '60' }, { indicator: 'invest_rate', points: '14.01' }]),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([
      expect.objectContaining({ column: '自评分', value: '14.01', reason: expect.stringMatching(/满分 14/) }),
    ]);
    expect(await count()).toBe(before);
  });

  it('imports a spreadsheet whole or not at all', async () => {
    const before = await count();
    const bad = await jiaozuo.post(
      '/api/evaluation-self-scores/import',
      csvForm(
        'self.csv',
        '考评方案,考评期,地区代码,指标,自评分,说明\r\nsibisikan-2020,2020Q3,410800,,60,\r\nsibisikan-2020,2020Q3,410800,乱写,1,\r\nsibisikan-2020,2020Q3,410300,,70,\r\n',
      ),
    );
    expect(bad.status).toBe(422);
    expect(
      (bad.body.error.details as { file: string; row: number; column: string }[]).map(
        (p) => `${p.file}:${p.row}:${p.column}`,
      ),
    ).toEqual(['self.csv:3:指标', 'self.csv:4:地区代码']);
    expect(await count()).toBe(before);
    const good = await jiaozuo.post(
      '/api/evaluation-self-scores/import',
      csvForm(
        'self.csv',
        '考评方案,考评期,地区代码,指标,自评分,说明\r\nsibisikan-2020,2020Q3,410800,总分,60,按季度自查\r\nsibisikan-2020,2020Q3,410800,new_start_rate,9.5,\r\n',
      ),
    );
    expect(good.status).toBe(201);
    expect(
      good.body.items.map((s: { indicator: string | null; points: string }) => [s.indicator, s.points]),
    ).toEqual([
      [null, '60.00'],
      ['new_start_rate', '9.50'],
    ]);
  });

  it('lists each office its scope; the province sees the comparison in the draft and the published result', async () => {
    const units = async (c: Client) =>
      [
        ...new Set(
          (
            (await c.get('/api/evaluation-self-scores?period=2020Q3')).body.items as { unitCode: string }[]
          ).map((s) => s.unitCode),
        ),
      ].sort();
    expect(await units(province)).toEqual(['410300', '410322', '410800']);
    expect(await units(luoyang)).toEqual(['410300', '410322']);
    expect(await units(jiaozuo)).toEqual(['410800']);
    expect(await units(mengjin)).toEqual(['410322']);

    const draft = await province.post('/api/evaluations/draft', { period: '2020Q3', region: '410000' });
    expect(draft.status).toBe(200);
    const c = draft.body.result.selfScores;
    expect(c.units.map((u: { code: string }) => u.code).sort()).toEqual(['410300', '410800']);
    expect(c.missing).toEqual(['410181']);
    const published = await province.post('/api/evaluations', {
      period: '2020Q3',
      region: '410000',
      overrideReason: '测试：自评分随结果发布',
    });
    expect(published.status).toBe(201);
    const stored = await province.get(`/api/evaluations/${published.body.id}`);
    expect(stored.body.result.selfScores).toEqual(c);
    // frozen once published
    const late = await luoyang.post('/api/evaluation-self-scores', body('410300', [{ points: '99' }]));
    expect(late.status).toBe(422);
    expect(late.body.error.details[0].reason).toMatch(/冻结/);
    const audit = (await database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'evaluation.self_score.report'`,
    )) as unknown as { rows: { n: number }[] };
    expect(audit.rows[0]!.n).toBe((await count()) + 1);
  });
});
