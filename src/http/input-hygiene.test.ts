// Issue #14 low items: a NUL byte in any input (JSON body, query, imported cell) is refused with
// 400/422 naming where it is, never a 500 from the database; an imported text longer than its
// documented maximum is refused with row and column, nothing written.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, REGIONS } from '../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
} from '../../test/helpers/http';
import type { Database } from '../db/client';
import { queryRows } from '../db/query';
import { MAX_TEXT_LENGTH } from '../io/cells';

const PROJECT_NAME_MAX = 200;
const HEADER = '项目代码,项目名称,地区代码,建设性质';

describe.each(testDatabases())('input hygiene on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let province: Client;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await createTestAccount(database, {
      username: 'ih_province',
      role: 'province_officer',
      regionCode: '410000',
    });
    server = await startServer(database);
    province = await loginAs(server, { username: 'ih_province', role: 'province_officer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const projectCount = async () =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from projects`))[0]!.n;

  const importCsv = (csv: string) => {
    const form = new FormData();
    form.append('file', new Blob([csv]), 'projects.csv');
    return province.request('POST', '/api/import/projects?year=2020', form);
  };

  it('refuses a NUL byte in a JSON body or a query with 400 naming the field', async () => {
    const login = await new (province.constructor as typeof Client)(server.url).post('/api/auth/login', {
      username: 'ih_\u0000province',
      password: 'x',
    });
    expect(login.status).toBe(400);
    expect(login.body.error.message).toContain('username');
    const search = await province.get('/api/projects?q=a%00b');
    expect(search.status).toBe(400);
    expect(search.body.error.message).toContain('q');
  });

  it('refuses a NUL byte in an imported file, nothing written (this held before: binary content)', async () => {
    const reply = await importCsv(`${HEADER}\r\nN1,名称\u0000含空字符,410300,续建\r\n`);
    expect(reply.status).toBe(422);
    expect(reply.body.error.details[0].reason).toContain('二进制');
    expect(await projectCount()).toBe(0);
  });

  it('refuses imported texts longer than their documented maximum with row and column, nothing written', async () => {
    const name = (n: number) => '长'.repeat(n);
    for (const [row, column, max] of [
      [`L1,${name(PROJECT_NAME_MAX + 1)},410300,续建,`, '项目名称', PROJECT_NAME_MAX],
      [`L1,项目,410300,续建,${name(MAX_TEXT_LENGTH + 1)}`, '建设规模及内容', MAX_TEXT_LENGTH],
    ] as const) {
      const reply = await importCsv(`${HEADER},建设规模及内容\r\n${row}\r\n`);
      expect(reply.status, column).toBe(422);
      expect(reply.body.error.details[0], JSON.stringify(reply.body.error.details)).toMatchObject({
        row: 2,
        column,
      });
      expect(reply.body.error.details[0].reason).toContain(String(max));
      expect(await projectCount()).toBe(0);
    }
    const fits = await importCsv(
      `${HEADER},建设规模及内容\r\nL1,${name(PROJECT_NAME_MAX)},410300,续建,${name(MAX_TEXT_LENGTH)}\r\n`,
    );
    expect(fits.status).toBe(200);
    expect(await projectCount()).toBe(1);
  });
});
