// GET /api/bulletins?format=xlsx: the 通报's spreadsheet 附件 of red and yellow projects, next to the
// document: a reader gets the published period's (the province's, or with region one unit's rows),
// the province officer a draft; each download is audited like the bulletin's.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { loadEvaluationFixture } from '../../../test/helpers/evaluation-fixture';
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
import { publishEvaluation } from '../../services/publish-evaluation';

/** The raw bytes (the test client reads bodies as text). */
async function download(client: Client, path: string) {
  const response = await fetch(`${client.base}${path}`, { headers: { cookie: client.cookie } });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

async function projectCodes(bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.getWorksheet('预警名单')!;
  const codes: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 3) codes.push(String(row.getCell(5).value));
  });
  return codes;
}

describe.each(testDatabases())('the bulletin spreadsheet over HTTP on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let province: Client;
  let city: Client;

  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database, { ytd: [2n, 1n, 9n], deals: false });
    const publish = {
      scheme: 'sibisikan-2020',
      period: '2020Q3',
      actor: 'test',
      overrideReason: '测试用的少量数据',
    };
    await publishEvaluation(database, publish);
    const accounts: TestAccount[] = [
      { username: 'bx_province', role: 'province_officer', regionCode: '410000' },
      { username: 'bx_city', role: 'city_officer', regionCode: '410800' },
    ];
    for (const a of accounts) await createTestAccount(database, a);
    server = await startServer(database, { clock: testClock(new Date('2020-10-08T02:00:00Z')) });
    [province, city] = (await Promise.all(accounts.map((a) => loginAs(server, a)))) as [Client, Client];
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('serves the published period’s spreadsheet to a reader: the province’s, or one unit’s rows', async () => {
    const all = await download(city, '/api/bulletins?period=2020Q3&format=xlsx');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toContain('spreadsheetml');
    expect(all.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('2020年9月重点项目红黄灯预警名单.xlsx')}`,
    );
    expect(all.headers.get('x-sibi-evaluation')).toMatch(/^\d+$/);
    expect(await projectCodes(all.bytes)).toEqual(['L1', 'J1']);
    const own = await download(city, '/api/bulletins?period=2020Q3&format=xlsx&region=410800');
    expect(own.status).toBe(200);
    expect(await projectCodes(own.bytes)).toEqual(['J1']);
  });

  it('gives a draft to the province officer only, and refuses a county', async () => {
    expect((await download(city, '/api/bulletins?period=2020Q2&format=xlsx')).status).toBe(404);
    const draft = await download(province, '/api/bulletins?period=2020Q2&format=xlsx');
    expect(draft.status).toBe(200);
    expect(draft.headers.get('x-sibi-evaluation')).toBe('draft');
    const county = await download(province, '/api/bulletins?period=2020Q3&format=xlsx&region=410322');
    expect(county.status).toBe(404);
  });

  it('records each spreadsheet download in the audit log', async () => {
    const rows = await queryRows<{ actor: string; n: number }>(
      database.db,
      sql`select actor, count(*)::int as n from audit_log
          where action = 'bulletin.download' and details->>'format' = 'xlsx' group by actor order by actor`,
    );
    expect(rows).toEqual([
      { actor: 'bx_city', n: 2 },
      { actor: 'bx_province', n: 1 },
    ]);
  });
});
