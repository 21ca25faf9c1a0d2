// Lists, searches, exports, statistics and imports never reach past the caller's scope.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load } from '../../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
  testClock,
} from '../../../test/helpers/http';
import {
  freshApproval,
  freshDeal,
  freshIssue,
  freshProject,
  freshProjectYear,
  freshReport,
  SCOPE_REGIONS,
} from '../../../test/helpers/records';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/query';

const REGIONS = ['410300', '410322', '410311', '410800', '410821'];
const LUOYANG = ['410300', '410322', '410311'];

describe.each(testDatabases())('region scope on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  const codeOf = new Map<string, string>();
  const idOf = new Map<string, number>();
  const projectOf = new Map<string, Awaited<ReturnType<typeof freshProject>>>();
  const dealOf = new Map<string, string>();
  let city: Client;
  let county: Client;
  let viewer: Client;
  let owner: Client;
  let leader: Client;

  const now = new Date('2020-10-03T02:00:00Z');
  const regionsOf = (items: { regionCode: string }[]) => [...new Set(items.map((i) => i.regionCode))].sort();

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', SCOPE_REGIONS);
    for (const region of REGIONS) {
      const project = await freshProject(database, now, region, region === '410800' ? '王分包' : null);
      codeOf.set(region, project.code);
      idOf.set(region, project.id);
      projectOf.set(region, project);
      await freshReport(database, now, project, 'draft');
      await freshApproval(database, now, project);
      await freshIssue(database, now, project);
      dealOf.set(region, (await freshDeal(database, now, region)).name);
    }
    await createTestAccount(database, { username: 'city_a', role: 'city_officer', regionCode: '410300' });
    await createTestAccount(database, { username: 'county_a', role: 'county_officer', regionCode: '410322' });
    await createTestAccount(database, { username: 'viewer_a', role: 'viewer', regionCode: '410300' });
    await createTestAccount(database, {
      username: 'owner_a',
      role: 'project_owner',
      projectCodes: [codeOf.get('410322')!],
    });
    await createTestAccount(database, {
      username: 'leader_a',
      role: 'leader',
      displayName: '王分包',
      projectCodes: [codeOf.get('410311')!],
    });
    server = await startServer(database, { clock: testClock(now) });
    city = await loginAs(server, { username: 'city_a', role: 'city_officer' });
    county = await loginAs(server, { username: 'county_a', role: 'county_officer' });
    viewer = await loginAs(server, { username: 'viewer_a', role: 'viewer' });
    owner = await loginAs(server, { username: 'owner_a', role: 'project_owner' });
    leader = await loginAs(server, { username: 'leader_a', role: 'leader' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('lists only the caller’s region and its descendants, for every kind', async () => {
    for (const path of ['/api/projects', '/api/reports', '/api/approvals', '/api/issues', '/api/deals']) {
      const all = await city.get(`${path}?pageSize=200`);
      expect(all.status).toBe(200);
      expect(regionsOf(all.body.items)).toEqual([...LUOYANG].sort());
      expect(all.body.total).toBe(3);
      expect(regionsOf((await county.get(`${path}?pageSize=200`)).body.items)).toEqual(['410322']);
      expect(regionsOf((await viewer.get(`${path}?pageSize=200`)).body.items)).toEqual([...LUOYANG].sort());
    }
  });

  it('lists a project owner’s bound projects and a leader’s assigned ones (explicitly or by name)', async () => {
    for (const path of ['/api/projects', '/api/reports', '/api/approvals', '/api/issues']) {
      expect(regionsOf((await owner.get(path)).body.items)).toEqual(['410322']);
      expect(regionsOf((await leader.get(path)).body.items)).toEqual(['410311', '410800']);
    }
    expect((await owner.get('/api/deals')).status).toBe(403);
    const leaderProject = await leader.get(`/api/projects/${idOf.get('410800')}`);
    expect(leaderProject.status).toBe(200);
    expect(leaderProject.body).toMatchObject({
      leader: '王分包',
      permissions: { update: false, delete: false, fillReports: false },
    });
  });

  it('narrows by region within scope and answers 404 for a region outside it', async () => {
    const narrowed = await city.get('/api/projects?region=410322');
    expect(narrowed.body.items.map((p: { code: string }) => p.code)).toEqual([codeOf.get('410322')]);
    const outside = await city.get('/api/projects?region=410800');
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual({ error: { code: 'not_found', message: '未找到', details: null } });
    expect((await county.get('/api/deals?region=410300')).status).toBe(404);
    const search = await city.get(`/api/projects?q=${encodeURIComponent(codeOf.get('410800')!)}`);
    expect(search.body).toMatchObject({ items: [], total: 0 });
  });

  it('answers a record out of scope exactly like a record that does not exist, and audits the refusal', async () => {
    const outside = await county.get(`/api/projects/${idOf.get('410311')}`);
    const missing = await county.get('/api/projects/999999');
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
    const write = await county.patch(`/api/projects/${idOf.get('410311')}`, { version: 1, name: 'x' });
    expect(write.status).toBe(404);
    expect(write.body).toEqual(missing.body);
    const denied = await queryRows<{ target_id: string; details: { status: number } }>(
      database.db,
      sql`select target_id, details from audit_log
          where outcome = 'denied' and actor = 'county_a' and target_id like '% /api/projects/:id' order by id`,
    );
    expect(denied.map((d) => [d.target_id, d.details.status])).toEqual([
      ['GET /api/projects/:id', 404],
      ['PATCH /api/projects/:id', 404],
    ]);
  });

  it('computes statistics and exports only for a region in scope', async () => {
    expect((await county.get('/api/stats?region=410300&period=2020-09')).status).toBe(404);
    expect((await county.get('/api/stats?region=410322&period=2020-09')).status).toBe(200);
    const exported = await city.get('/api/export/deals?format=csv');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('deals-410300.csv');
    for (const region of REGIONS) {
      expect(exported.body.includes(dealOf.get(region)!)).toBe(LUOYANG.includes(region));
    }
    expect((await county.get('/api/export/deals?region=410300')).status).toBe(404);
    const audited = await queryRows<{ actor: string; target_id: string; details: { rows: number } }>(
      database.db,
      sql`select actor, target_id, details from audit_log where action = 'export.deals' order by id`,
    );
    expect(audited).toEqual([
      { actor: 'city_a', target_id: '410300', details: { rows: 3, year: null, list: 'province_key' } },
    ]);
  });

  const upload = (client: Client, kind: string, name: string, content: string | Uint8Array) => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(content)]), name);
    return client.request('POST', `/api/import/${kind}`, form);
  };
  /** An upload whose answer is read as bytes (the test client reads bodies as text). */
  const uploadRaw = async (client: Client, path: string, name: string, content: string) => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(content)]), name);
    const response = await fetch(`${client.base}${path}`, {
      method: 'POST',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf },
      body: form,
    });
    return {
      status: response.status,
      headers: response.headers,
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };
  const dealCount = async () =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from deals`))[0]!.n;

  it('rejects a whole import with a row outside the importer’s scope, writes nothing, and audits it', async () => {
    const before = await dealCount();
    const csv =
      '签约项目名称,地区代码,投资方来源,签约日期,合同投资额(万元)\r\n本县签约,410322,省外,2020-06-01,1200\r\n邻区签约,410311,省内,2020-06-02,800\r\n';
    const rejected = await upload(county, 'deals', 'deals.csv', csv);
    expect(rejected.status).toBe(422);
    expect(rejected.body.error.code).toBe('input_rejected');
    expect(rejected.body.error.details).toEqual([
      { file: 'deals.csv', row: 3, column: '地区代码', value: '410311', reason: '地区不在您的管辖范围内' },
    ]);
    expect(await dealCount()).toBe(before);
    const good = csv.split('\r\n').slice(0, 2).join('\r\n');
    // A dry run checks everything, shows how the headers were read and what would change, and writes nothing.
    const form = new FormData();
    form.append('file', new Blob([good]), 'deals.csv');
    const checked = await county.request('POST', '/api/import/deals?dryRun=true', form);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ dryRun: true, rows: 1, inserted: 1, updated: 0 });
    expect(checked.body.columns).toContainEqual({
      header: '合同投资额(万元)',
      field: 'contractAmount',
      column: 'E',
    });
    expect(await dealCount()).toBe(before);
    const accepted = await upload(county, 'deals', 'deals.csv', good);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      dryRun: false,
      kind: 'deals',
      file: 'deals.csv',
      rows: 1,
      inserted: 1,
      updated: 0,
    });
    expect(await dealCount()).toBe(before + 1);
    const audited = await queryRows<{ outcome: string }>(
      database.db,
      sql`select outcome from audit_log where action = 'import.deals' and actor = 'county_a' order by id`,
    );
    expect(audited.map((a) => a.outcome)).toEqual(['rejected', 'ok']);
  });

  it('takes a county’s own reports as drafts and the level above’s as approved, never over a sent one', async () => {
    const county322 = codeOf.get('410322')!;
    const stateOf = async (month: number) =>
      (
        await queryRows<{ state: string; approved_by: string | null; invest_ytd: string }>(
          database.db,
          sql`select state, approved_by, invest_ytd::text from monthly_reports
              where project_id = ${idOf.get('410322')!} and year = 2020 and month = ${month}`,
        )
      )[0];
    const csv = (wan: number) => `项目代码,年度,月份,累计完成投资(万元)\r\n${county322},2020,8,${wan}\r\n`;
    // The county's own project: a draft, to be submitted and reviewed like one filled on line.
    const own = await upload(county, 'reports', 'reports.csv', csv(3000));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ rows: 1, inserted: 1 });
    expect(await stateOf(8)).toMatchObject({ state: 'draft', approved_by: null, invest_ytd: '30000000' });
    expect((await upload(county, 'reports', 'reports.csv', csv(3100))).body).toMatchObject({ updated: 1 });
    expect(await stateOf(8)).toMatchObject({ state: 'draft', invest_ytd: '31000000' });
    // The city above vouches for it: approved; the county may then no longer overwrite it by a file.
    const above = await upload(city, 'reports', 'reports.csv', csv(3200));
    expect(above.status).toBe(200);
    expect(await stateOf(8)).toMatchObject({
      state: 'approved',
      approved_by: 'city_a',
      invest_ytd: '32000000',
    });
    const over = await upload(county, 'reports', 'reports.csv', csv(3300));
    expect(over.status).toBe(422);
    expect(over.body.error.details[0]).toMatchObject({
      row: 2,
      column: '项目代码',
      reason: '2020年8月月报已审核，导入不能覆盖；如需更正请在线申请更正',
    });
    expect(await stateOf(8)).toMatchObject({ invest_ytd: '32000000' });
  });

  it('lists every problem of a file at once, in row order: format, existence and scope', async () => {
    const csv = [
      '项目代码,年度,月份,累计完成投资(万元)',
      `${codeOf.get('410322')},2020,13,100`,
      `${codeOf.get('410311')},2020,8,100`,
      '2020-410322-99-01-999999,2020,8,100',
      `${codeOf.get('410322')},2020,7,abc`,
    ].join('\r\n');
    const reply = await upload(county, 'reports', 'reports.csv', csv);
    expect(reply.status).toBe(422);
    const details = reply.body.error.details as { row: number; column: string; reason: string }[];
    expect(details.map((d) => d.row)).toEqual([2, 3, 4, 5]);
    expect(details[0]!.column).toBe('月份');
    // A project of another region says so (a town district of the city, not the county's).
    expect(details[1]).toMatchObject({ column: '项目代码', reason: '项目不在您的管辖范围内' });
    expect(details[2]).toMatchObject({ column: '项目代码', reason: '项目代码不存在，请先导入项目' });
    expect(details[3]!.column).toBe('累计完成投资(万元)');
    // The same file back as an error workbook: a 错误说明 column, the offending cells in red.
    const marked = await uploadRaw(county, '/api/import/reports/errors', 'reports.csv', csv);
    expect(marked.status).toBe(200);
    expect(marked.headers.get('content-disposition')).toContain(encodeURIComponent('reports-错误标注.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(marked.bytes as never);
    const sheet = book.getWorksheet('导入数据')!;
    expect(sheet.getCell('E1').value).toBe('错误说明');
    expect(sheet.getCell('E3').value).toBe('项目代码：项目不在您的管辖范围内');
    expect((sheet.getCell('A3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(book.getWorksheet('错误清单')!.rowCount).toBe(1 + details.length);
    // A file without problems: 204, nothing to download.
    const good = `项目代码,年度,月份,累计完成投资(万元)\r\n${codeOf.get('410322')},2020,6,100\r\n`;
    expect((await uploadRaw(county, '/api/import/reports/errors', 'ok.csv', good)).status).toBe(204);
    const approvals = await upload(
      county,
      'approvals',
      'a.csv',
      `项目代码,事项名称\r\n${codeOf.get('410311')},环评\r\n`,
    );
    expect(approvals.body.error.details[0].reason).toBe('项目不在您的管辖范围内');
  });

  it('gives a form with the caller’s projects pre-listed, and imports back only the rows filled in', async () => {
    const inScope = REGIONS.filter((region) => region.startsWith('4103')).map(
      (region) => codeOf.get(region)!,
    );
    for (const region of REGIONS) await freshProjectYear(database, now, projectOf.get(region)!);
    const form = async (month: number) => {
      const response = await fetch(`${city.base}/api/templates/reports/form?year=2020&month=${month}`, {
        headers: { cookie: city.cookie },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(
        encodeURIComponent(`月报填报表-410300-2020年${month}月.xlsx`),
      );
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await response.arrayBuffer()) as never);
      const sheet = book.worksheets[0]!;
      const rows = new Map<string, ExcelJS.Row>();
      sheet.eachRow((row, n) => {
        if (n > 1) rows.set(String(row.getCell(1).value), row);
      });
      return { book, header: (sheet.getRow(1).values as unknown[]).slice(1), rows };
    };
    // September: each project's draft shows as 草稿 beside its name.
    const september = await form(9);
    expect([...september.rows.values()].map((row) => row.getCell(3).value)).toEqual(
      inScope.map(() => '草稿'),
    );
    const { book, header, rows } = await form(7);
    expect(header.slice(0, 5)).toEqual(['项目代码', '项目名称', '本月状态', '年度', '月份']);
    // Every project of the city's subtree on the list, and nothing else (the county's 410322 included).
    expect([...rows.keys()].sort()).toEqual([...inScope].sort());
    expect([...rows.values()].map((row) => row.getCell(3).value)).toEqual(inScope.map(() => '未填报'));
    // Filled in offline: one project's figure; the other rows stay as the form gave them.
    const filled = codeOf.get('410311')!;
    rows.get(filled)!.getCell(header.indexOf('累计完成投资(万元)') + 1).value = 4321.5;
    const reply = await upload(city, 'reports', 'form.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ rows: 1, inserted: 1 });
    expect(reply.body.warnings).toContainEqual(
      expect.stringMatching(new RegExp(`^${rows.size - 1} 行只有项目代码、年度、月份，没有填报数据，未导入`)),
    );
    const stored = await queryRows<{ code: string; invest_ytd: string }>(
      database.db,
      sql`select p.code, r.invest_ytd::text from monthly_reports r join projects p on p.id = r.project_id
          where r.year = 2020 and r.month = 7`,
    );
    expect(stored).toEqual([{ code: filled, invest_ytd: '43215000' }]);
    // A region outside the caller's scope: refused like any export of it.
    const outside = await fetch(`${county.base}/api/templates/reports/form?year=2020&month=7&region=410311`, {
      headers: { cookie: county.cookie },
    });
    expect(outside.status).toBe(404);
  });

  it('refuses a file that is not a spreadsheet, and one over 50 MB', async () => {
    const wrong = await upload(county, 'deals', 'deals.xlsx', 'not a zip at all');
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0]).toMatchObject({ file: 'deals.xlsx', row: null });
    const big = new Uint8Array(50 * 1024 * 1024 + 1024).fill(65);
    const tooLarge = await upload(county, 'deals', 'big.csv', big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toEqual({ code: 'too_large', message: '上传文件超过 50 MB', details: null });
    const noFile = await county.request('POST', '/api/import/deals', new FormData());
    expect(noFile.status).toBe(400);
  });
});
