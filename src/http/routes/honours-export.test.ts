// 导出Excel of a 荣誉名单's entries on both databases: the entries as GET /api/honours/:id lists
// them, the page's headers; refused as that route is (the province office only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
} from '../../../test/helpers/http';
import { downloadXlsx, statusOf } from '../../../test/xlsx-download';
import type { Database } from '../../db/client';

const CSV =
  '序号,名称,地区代码,类别,备注\r\n2,焦作某公司,410800,先进单位,\r\n1,洛阳建设集团,410300,先进单位,提前投产\r\n';

describe.each(testDatabases())('honours list exported to Excel on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let office: Client;
  let id = 0;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    server = await startServer(database);
    await createTestAccount(database, { username: 'h_prov', role: 'province_officer', regionCode: '410000' });
    office = await loginAs(server, { username: 'h_prov', role: 'province_officer' });
    const form = new FormData();
    form.append('file', new Blob([CSV], { type: 'text/csv' }), 'honours.csv');
    const created = await office.request(
      'POST',
      `/api/honours?title=${encodeURIComponent('先进单位')}&year=2020`,
      form,
    );
    expect(created.status).toBe(201);
    id = created.body.id;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('holds the entries as the list gives them, in either language', async () => {
    const detail = await office.get(`/api/honours/${id}`);
    const file = await downloadXlsx(server, office, `/api/honours/${id}/export`);
    expect(file.header).toEqual(['序号', '名称', '地区代码', '类别', '备注']);
    expect(file.body.map((row) => row[1])).toEqual(detail.body.items.map((e: { name: string }) => e.name));
    expect(file.body).toEqual([
      [1, '洛阳建设集团', '410300', '先进单位', '提前投产'],
      [2, '焦作某公司', '410800', '先进单位'],
    ]);
    const en = await downloadXlsx(server, office, `/api/honours/${id}/export?lang=en`);
    expect(en.header).toEqual(['No.', 'Name', 'Region code', 'Category', 'Note']);
  });

  it('is refused to whoever may not manage honours, and 404 for a list that is not there', async () => {
    await createTestAccount(database, { username: 'h_city', role: 'city_officer', regionCode: '410300' });
    const city = await loginAs(server, { username: 'h_city', role: 'city_officer' });
    expect(await statusOf(server, city, `/api/honours/${id}`)).toBe(403);
    expect(await statusOf(server, city, `/api/honours/${id}/export`)).toBe(403);
    expect(await statusOf(server, office, `/api/honours/${id + 999}/export`)).toBe(404);
  });
});
