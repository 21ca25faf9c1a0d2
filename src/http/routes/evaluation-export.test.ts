// 导出Excel of an evaluation's results on both databases: a published result's sheet is the
// published table (groups in the scheme's order, rank order, scores as published with two decimals),
// one group when asked; a draft's is the draft route's result; both refused as their data routes are.
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
import { downloadXlsx, statusOf } from '../../../test/xlsx-download';
import type { Database } from '../../db/client';
import { scoreText } from '../../domain/evaluation/rank';
import type { EvaluationResult } from '../../domain/evaluation/types';
import { groupName, rankText, tiedUnits } from '../../domain/tables/evaluations';

const Q3 = { scheme: 'sibisikan-2020', period: '2020Q3' };
const REASON = '试点季度，储备和审批数据尚未录入，经省项目办研究同意发布';

/** The sheet's rows a result should give: what the page shows, scores as the numbers it prints. */
function expectedRows(result: EvaluationResult, group?: string) {
  const tied = tiedUnits(result.units);
  const score = (x: number) => Number(scoreText(x));
  return result.groups
    .filter((g) => !group || g.id === group)
    .flatMap((g) => result.units.filter((u) => u.group === g.id))
    .map((u) => [
      groupName(u.group, 'zh-CN'),
      rankText(u.rank, tied.has(u.code), 'zh-CN'),
      u.name,
      ...u.dimensions.map((d) => score(d.score)),
      score(u.base),
      score(u.bonus.total),
      score(u.penalty.total),
      score(u.adjusted),
    ]);
}

describe.each(testDatabases())('evaluation results exported to Excel on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let province: Client;
  let city: Client;
  let stranger: Client;
  let id: number;

  /** A new account of `role` at `regionCode`, signed in. */
  async function signedIn(username: string, role: TestAccount['role'], regionCode: string) {
    await createTestAccount(database, { username, role, regionCode });
    return loginAs(server, { username, role });
  }

  beforeAll(async () => {
    database = await target.open();
    const hubei = { code: '420000', name: '湖北省', parentCode: null, kind: 'province' as const };
    await loadEvaluationFixture(database, { regions: [...REGIONS, hubei] });
    server = await startServer(database, { clock: testClock(new Date('2020-10-08T02:00:00Z')) });
    province = await signedIn('ex_province', 'province_officer', '410000');
    city = await signedIn('ex_city', 'city_officer', '410800');
    stranger = await signedIn('ex_hubei', 'viewer', '420000');
    const published = await province.post('/api/evaluations', { ...Q3, overrideReason: REASON });
    expect(published.status).toBe(201);
    id = published.body.id;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('holds the published table: groups, ranks, every dimension and the total as printed', async () => {
    const shown = await city.get(`/api/evaluations/${id}`);
    expect(shown.status).toBe(200);
    const result = shown.body.result as EvaluationResult;
    const file = await downloadXlsx(server, city, `/api/evaluations/${id}/export`);
    expect(file.disposition).toContain(encodeURIComponent('考评结果.xlsx'));
    const dimensions = result.units[0]!.dimensions;
    expect(dimensions.length).toBeGreaterThan(1);
    expect(file.header).toEqual([
      '组别',
      '名次',
      '单位',
      ...dimensions.map((d) => `${d.name}（${d.points}）`),
      '基本分',
      '加分',
      '扣分',
      '总分',
    ]);
    expect(file.body).toEqual(expectedRows(result));
    const cities = file.body.filter((row) => row[0] === '省辖市（含济源示范区）');
    expect(cities.map((row) => [row[1], row[2]])).toEqual([
      ['1', '洛阳市'],
      ['2', '焦作市'],
    ]);
    expect(file.sheet.getCell(`${String.fromCharCode(67 + dimensions.length + 4)}2`).numFmt).toBe('0.00');

    const one = await downloadXlsx(server, city, `/api/evaluations/${id}/export?group=city&lang=en`);
    expect(one.header.slice(0, 3)).toEqual(['Group', 'Rank', 'Unit']);
    expect(one.body.map((row) => [row[0], row[2]])).toEqual([
      ['Prefecture-level cities (with Jiyuan)', '洛阳市'],
      ['Prefecture-level cities (with Jiyuan)', '焦作市'],
    ]);
  });

  it('refuses a reader outside the province as GET /api/evaluations/:id does', async () => {
    expect(await statusOf(server, stranger, `/api/evaluations/${id}`)).toBe(404);
    expect(await statusOf(server, stranger, `/api/evaluations/${id}/export`)).toBe(404);
    expect(await statusOf(server, null, `/api/evaluations/${id}/export`)).toBe(401);
  });

  it('exports a draft as the draft route computes it, for those who may run one only', async () => {
    const draft = await province.post('/api/evaluations/draft', Q3);
    expect(draft.status).toBe(200);
    const query = `scheme=${Q3.scheme}&period=${Q3.period}`;
    const file = await downloadXlsx(server, province, `/api/evaluations/draft/export?${query}`);
    expect(file.body).toEqual(expectedRows(draft.body.result));
    expect((await city.post('/api/evaluations/draft', Q3)).status).toBe(403);
    expect(await statusOf(server, city, `/api/evaluations/draft/export?${query}`)).toBe(403);
  });
});
