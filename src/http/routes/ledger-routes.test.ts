// The four ledgers served by one route factory (ledger-routes.ts): for each, on both databases, a
// record created, read, listed by the ledger's own filter, updated, refused on a stale version and
// deleted; out of scope it is not found; the audit names stay `<kind>.create|update|delete` with the
// record's label as the target.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, project, REGIONS } from '../../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
} from '../../../test/helpers/http';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/query';

interface LedgerCase {
  path: string;
  kind: string;
  /** The new record (`projectId` is filled in for the project ledgers). */
  create: Record<string, unknown>;
  /** Its audit label. */
  label: string;
  patch: Record<string, unknown>;
  /** A list query the patched record matches, and one it does not. */
  matches: string;
  misses: string;
}

const CASES: LedgerCase[] = [
  {
    path: '/api/deals',
    kind: 'deal',
    create: {
      name: '新材料产业园',
      regionCode: '410322',
      origin: 'abroad',
      signedDate: '2020-06-01',
      contractAmount: '2500000000',
    },
    label: '410322:新材料产业园',
    patch: { fundsInPlace: '300000000' },
    matches: 'origin=abroad&region=410322',
    misses: 'origin=in_province',
  },
  {
    path: '/api/reserve',
    kind: 'reserve',
    create: { name: '黄河文化园', regionCode: '410322', targetYear: 2021 },
    label: '410322:2021:黄河文化园',
    patch: { major: true },
    matches: 'major=true&targetYear=2021',
    misses: 'major=false',
  },
  {
    path: '/api/approvals',
    kind: 'approval',
    create: { itemName: '环境影响评价', department: '生态环境局' },
    label: 'LR001:环境影响评价',
    patch: { doneDate: '2020-05-01' },
    matches: 'done=true',
    misses: 'done=false',
  },
  {
    path: '/api/issues',
    kind: 'issue',
    create: { description: '征地拆迁未完成', raisedDate: '2020-02-01', category: '要素保障' },
    label: 'LR001:2020-02-01:征地拆迁未完成',
    patch: { resolvedDate: '2020-04-01' },
    matches: 'resolved=true&category=要素保障',
    misses: 'resolved=false',
  },
];

describe.each(testDatabases())('the ledger routes on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let city: Client;
  let otherCounty: Client;
  let projectId: number;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(database, 'projects', [project('LR001', { regionCode: '410322' })], { year: 2020 });
    projectId = (
      await queryRows<{ id: number }>(database.db, sql`select id from projects where code = 'LR001'`)
    )[0]!.id;
    server = await startServer(database);
    await createTestAccount(database, {
      username: 'ledger_city',
      role: 'city_officer',
      regionCode: '410300',
    });
    await createTestAccount(database, {
      username: 'ledger_county',
      role: 'county_officer',
      regionCode: '410311',
    });
    city = await loginAs(server, { username: 'ledger_city', role: 'city_officer' });
    otherCounty = await loginAs(server, { username: 'ledger_county', role: 'county_officer' });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it.each(CASES)('$path: create, read, list, update, stale update, delete, audited', async (ledger) => {
    const body =
      ledger.path.startsWith('/api/approvals') || ledger.path.startsWith('/api/issues')
        ? { ...ledger.create, projectId }
        : ledger.create;
    const created = await city.post(ledger.path, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, version: 1 });
    const id = created.body.id as number;

    const read = await city.get(`${ledger.path}/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    // A county officer of another county does not learn that the record exists.
    expect((await otherCounty.get(`${ledger.path}/${id}`)).status).toBe(404);
    expect((await otherCounty.get(ledger.path)).body.items).toEqual([]);

    const updated = await city.patch(`${ledger.path}/${id}`, { version: 1, ...ledger.patch });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ ...ledger.patch, id, version: 2 });
    const stale = await city.patch(`${ledger.path}/${id}`, { version: 1, ...ledger.patch });
    expect(stale.status).toBe(409);

    const matching = await city.get(`${ledger.path}?${ledger.matches}`);
    expect(matching.status).toBe(200);
    expect(matching.body.items.map((item: { id: number }) => item.id)).toEqual([id]);
    expect(matching.body.items[0]).toEqual(updated.body);
    const missing = await city.get(`${ledger.path}?${ledger.misses}`);
    expect(missing.body.items.map((item: { id: number }) => item.id)).not.toContain(id);

    expect((await otherCounty.delete(`${ledger.path}/${id}?version=2`)).status).toBe(404);
    expect((await city.delete(`${ledger.path}/${id}?version=1`)).status).toBe(409);
    const deleted = await city.delete(`${ledger.path}/${id}?version=2`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ ok: true });
    expect((await city.get(`${ledger.path}/${id}`)).status).toBe(404);

    const audit = await queryRows<{ action: string; target_type: string; target_id: string }>(
      database.db,
      sql`select action, target_type, target_id from audit_log
          where actor = 'ledger_city' and outcome = 'ok' and target_type = ${ledger.kind} order by id`,
    );
    expect(audit).toEqual(
      ['create', 'update', 'delete'].map((verb) => ({
        action: `${ledger.kind}.${verb}`,
        target_type: ledger.kind,
        target_id: ledger.label,
      })),
    );
  });

  it('a region ledger record cannot be moved out of the writer’s scope, nor created there', async () => {
    const created = await city.post('/api/deals', { ...CASES[0]!.create, name: '跨市项目' });
    expect(created.status).toBe(201);
    const moved = await city.patch(`/api/deals/${created.body.id}`, { version: 1, regionCode: '410800' });
    expect(moved.status).toBe(404);
    expect((await city.get(`/api/deals/${created.body.id}`)).body).toMatchObject({
      regionCode: '410322',
      version: 1,
    });
    expect((await city.post('/api/reserve', { ...CASES[1]!.create, regionCode: '410800' })).status).toBe(404);
  });

  it('a project ledger record needs a project in the writer’s scope', async () => {
    const issue = { ...CASES[3]!.create, projectId };
    expect((await otherCounty.post('/api/issues', issue)).status).toBe(404);
    expect((await city.post('/api/issues', { ...issue, projectId: projectId + 1000 })).status).toBe(404);
  });
});
