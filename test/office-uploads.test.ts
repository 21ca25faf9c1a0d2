// The HTTP import says the same as the reader about spreadsheets in formats we do not read: 422
// input_rejected, the file named in the message, the reason (what to save it as) in the details, and
// nothing written. (src/io/file-check.test.ts tests the recognition itself.)
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { queryRows } from '../src/db/query';
import { oleFile, openDocumentFile } from './fixtures/office/other-formats';
import { openTestPglite } from './helpers/databases';
import { load, REGIONS } from './helpers/factories';
import { type Client, createTestAccount, loginAs, startServer, type TestServer } from './helpers/http';

const CASES = [
  {
    file: '签约台账.xls',
    bytes: oleFile(['Workbook']),
    reason: /^这是旧版 Excel 工作簿（\.xls 格式）.*请另存为 \.xlsx 后导入$/,
  },
  {
    file: '签约台账.et',
    bytes: oleFile(['Workbook']),
    reason: /^这是 WPS 表格文件（\.et 格式）.*请另存为 \.xlsx 后导入$/,
  },
  {
    file: '签约台账.ods',
    bytes: openDocumentFile(),
    reason: /请在 LibreOffice\/WPS 中另存为 \.xlsx 后导入$/,
  },
  { file: '改了名的.xlsx', bytes: oleFile(['Workbook']), reason: /请另存为 \.xlsx 后导入$/ },
];

describe('uploading .xls, .et and .ods', () => {
  let database: Database;
  let server: TestServer;
  let city: Client;

  beforeAll(async () => {
    database = await openTestPglite();
    await load(database, 'regions', REGIONS);
    await createTestAccount(database, {
      username: 'office_city',
      role: 'city_officer',
      regionCode: '410300',
    });
    server = await startServer(database);
    city = await loginAs(server, { username: 'office_city', role: 'city_officer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const deals = async () =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from deals`))[0]!.n;

  it.each(CASES)('$file: 422 naming the file, the reason in the details, nothing written', async (c) => {
    const before = await deals();
    const form = new FormData();
    form.append('file', new Blob([c.bytes]), c.file);
    const reply = await city.request('POST', '/api/import/deals', form);
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('input_rejected');
    expect(reply.body.error.message).toBe(`${c.file}：1 处问题，未写入任何数据`);
    expect(reply.body.error.details).toEqual([
      { file: c.file, row: null, column: null, value: null, reason: expect.stringMatching(c.reason) },
    ]);
    expect(await deals()).toBe(before);
  });
});
