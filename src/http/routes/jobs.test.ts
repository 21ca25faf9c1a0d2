import ExcelJS from 'exceljs';
// Background jobs over HTTP (issue #14 item 5) on both databases: started with 202 and a Location,
// polled to the end with progress, the result as the request it replaces would have answered, only
// for the account that started it; cancelled; the limits (heavy slots per account, jobs queued
// beyond them, too many unfinished refused); exports recorded in the audit log; /metrics counts them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { loadEvaluationFixture } from '../../../test/helpers/evaluation-fixture';
import {
  type Client,
  createTestAccount,
  loginAs,
  type Reply,
  startServer,
  type TestServer,
} from '../../../test/helpers/http';
import { publishSyntheticProvince } from '../../../test/helpers/synthetic-evaluation';
import type { Database } from '../../db/client';
import { MAX_UNFINISHED_PER_USER } from '../../services/jobs/job-manager';
import { HEAVY_CONCURRENCY } from '../heavy-requests';

const Q3 = { scheme: 'sibisikan-2020', period: '2020Q3' };

async function finished(client: Client, started: Reply): Promise<Reply> {
  for (;;) {
    const job = await client.get(started.headers.get('location')!);
    expect(job.status).toBe(200);
    if (!['queued', 'running'].includes(job.body.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(testDatabases())('background jobs on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let province: Client;
  let colleague: Client;
  let viewer: Client;
  let sysadmin: Client;
  let synthetic = 0;

  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database);
    synthetic = await publishSyntheticProvince(database, '2019Q4');
    for (const [username, role] of [
      ['jb_province', 'province_officer'],
      ['jb_colleague', 'province_officer'],
    ] as const) {
      await createTestAccount(database, { username, role, regionCode: '410000' });
    }
    await createTestAccount(database, { username: 'jb_viewer', role: 'viewer', regionCode: '410000' });
    await createTestAccount(database, { username: 'jb_sysadmin', role: 'sysadmin' });
    server = await startServer(database);
    province = await loginAs(server, { username: 'jb_province', role: 'province_officer' });
    colleague = await loginAs(server, { username: 'jb_colleague', role: 'province_officer' });
    viewer = await loginAs(server, { username: 'jb_viewer', role: 'viewer' });
    sysadmin = await loginAs(server, { username: 'jb_sysadmin', role: 'sysadmin' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('runs a draft sensitivity as a job: 202 and Location, progress, the in-place answer as its result', async () => {
    const body = { ...Q3, replications: 200, seed: 11 };
    const started = await province.post('/api/jobs/draft-sensitivity', body);
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/api/jobs/${started.body.id}`);
    expect(started.body).toMatchObject({ kind: 'draft-sensitivity', result: null, error: null });
    expect(['queued', 'running']).toContain(started.body.state);
    const job = await finished(province, started);
    expect(job.body).toMatchObject({ state: 'done', progress: { fraction: 1, phase: '完成' } });
    expect(Date.parse(job.body.finishedAt)).toBeGreaterThanOrEqual(Date.parse(job.body.startedAt));
    expect(job.body.result.url).toBe(`/api/jobs/${started.body.id}/result`);
    const result = await province.get(job.body.result.url);
    expect(result.status).toBe(200);
    const inPlace = await province.post('/api/evaluations/draft/sensitivity', body);
    expect(result.body).toEqual(inPlace.body);
    // listed for its owner only
    expect((await province.get('/api/jobs')).body.items.map((j: { id: string }) => j.id)).toContain(
      started.body.id,
    );
    expect((await colleague.get('/api/jobs')).body.items).toEqual([]);
  });

  it('reports progress as a fraction with a Chinese phase while a large analysis runs', async () => {
    const started = await viewer.post('/api/jobs/sensitivity', { evaluation: synthetic, replications: 2000 });
    expect(started.status).toBe(202);
    const seen: number[] = [];
    for (;;) {
      const job = await viewer.get(started.headers.get('location')!);
      if (job.body.state === 'running') {
        seen.push(job.body.progress.fraction);
        expect(job.body.progress.phase).toMatch(/读取数据|计算中|开始|保存结果/);
      }
      if (job.body.state === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const partial = seen.filter((f) => f > 0.05 && f < 1);
    expect(partial.length).toBeGreaterThan(1);
    expect(partial).toEqual([...partial].sort((a, b) => a - b));
  }, 120_000);

  it('shows a job to its owner only: another officer of the same office, a viewer and an administrator get 404 for it, its result and its cancellation', async () => {
    const started = await province.post('/api/jobs/draft-audit', Q3);
    expect(started.status).toBe(202);
    const url = started.headers.get('location')!;
    for (const res of [
      await colleague.get(url),
      await colleague.get(`${url}/result`),
      await colleague.delete(url),
      await viewer.get(url),
      await sysadmin.get(url),
      await sysadmin.delete(url),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const job = await finished(province, started);
    expect(job.body.state).toBe('done');
    expect((await sysadmin.get(`${url}/result`)).status).toBe(404);
    expect((await sysadmin.get('/api/jobs')).body.items).toEqual([]);
    const result = await province.get(`${url}/result`);
    expect(result.body).toMatchObject({ period: '2020Q3', parent: { code: '410000' } });
    expect((await province.get('/api/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('checks the rights of the request it replaces when it starts: a viewer may not run a draft', async () => {
    const refused = await viewer.post('/api/jobs/draft-sensitivity', Q3);
    expect(refused.status).toBe(403);
    const badUnit = await province.post('/api/jobs/draft-what-it-takes', { ...Q3, unit: '420100' });
    expect(badUnit.status).toBe(202);
    const job = await finished(province, badUnit);
    expect(job.body).toMatchObject({ state: 'failed', error: { code: 'bad_request' } });
    expect(job.body.error.message).toContain('420100');
  });

  it('cancels a running job: state cancelled at once, no result, the slot free again', async () => {
    const started = await viewer.post('/api/jobs/sensitivity', { evaluation: synthetic, replications: 2000 });
    const url = started.headers.get('location')!;
    for (;;) {
      if ((await viewer.get(url)).body.state === 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const cancelled = await viewer.delete(url);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    expect((await viewer.get(url)).body).toMatchObject({ state: 'cancelled', result: null });
    const result = await viewer.get(`${url}/result`);
    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe('job_not_done');
    // the slots held by the cancelled job come back: the account may run as many at once again
    const again = await Promise.all(
      Array.from({ length: HEAVY_CONCURRENCY.perUser }, () =>
        viewer.post('/api/jobs/audit', { evaluation: synthetic }),
      ),
    );
    for (const job of again) expect((await finished(viewer, job)).body.state).toBe('done');
  }, 120_000);

  it(`queues an account's jobs beyond its heavy slots, refuses more than ${MAX_UNFINISHED_PER_USER} unfinished with 429`, async () => {
    const body = { evaluation: synthetic, replications: 1000 };
    const started: Reply[] = [];
    for (let i = 0; i < MAX_UNFINISHED_PER_USER; i++)
      started.push(await colleague.post('/api/jobs/sensitivity', body));
    expect(started.map((s) => s.status)).toEqual(Array(MAX_UNFINISHED_PER_USER).fill(202));
    const states = await Promise.all(started.map((s) => colleague.get(s.headers.get('location')!)));
    const running = states.filter((s) => s.body.state === 'running').length;
    expect(running).toBeLessThanOrEqual(HEAVY_CONCURRENCY.perUser);
    expect(states.filter((s) => s.body.state === 'queued').length).toBeGreaterThanOrEqual(
      MAX_UNFINISHED_PER_USER - HEAVY_CONCURRENCY.perUser,
    );
    const refused = await colleague.post('/api/jobs/sensitivity', body);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_jobs');
    expect(refused.headers.get('retry-after')).toBeTruthy();
    // while two jobs run, the account's in-place heavy requests are refused: the slots are shared
    if (running === HEAVY_CONCURRENCY.perUser) {
      expect((await colleague.get(`/api/evaluations/${synthetic}/audit`)).status).toBe(429);
    }
    const metrics = await fetch(`${server.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/sibi_jobs\{kind="sensitivity",state="queued"\} [1-9]/);
    for (const s of started) await colleague.delete(s.headers.get('location')!);
    const after = await fetch(`${server.url}/metrics`).then((r) => r.text());
    expect(after).toMatch(/sibi_jobs\{kind="sensitivity",state="cancelled"\} [1-9]/);
    expect(after).toContain('sibi_jobs{kind="sensitivity",state="running"} 0');
  }, 120_000);

  it('exports as a job: the file of the download, recorded in the audit log as the download is', async () => {
    const started = await province.post('/api/jobs/export', { kind: 'projects', format: 'csv', year: 2020 });
    expect(started.status).toBe(202);
    const job = await finished(province, started);
    expect(job.body).toMatchObject({ state: 'done', result: { fileName: 'projects-410000.csv' } });
    const file = await province.get(job.body.result.url);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    const download = await province.get('/api/export/projects?format=csv&year=2020');
    expect(file.body).toBe(download.body);
    expect(file.body).toContain('L1');
    const oc4ids = await finished(province, await province.post('/api/jobs/oc4ids', { year: 2020 }));
    expect(oc4ids.body.state).toBe('done');
    expect((await province.get(oc4ids.body.result.url)).body).toMatchObject({ projects: expect.any(Array) });
    await createTestAccount(database, { username: 'jb_auditor', role: 'auditor' });
    const auditor = await loginAs(server, { username: 'jb_auditor', role: 'auditor' });
    const exports = await auditor.get('/api/audit?action=export.projects&actor=jb_province&pageSize=10');
    expect(exports.body.total).toBe(2); // the job's and the download's
    const log = await finished(
      auditor,
      await auditor.post('/api/jobs/audit-log', { action: 'export.projects' }),
    );
    expect(log.body).toMatchObject({ state: 'done', result: { fileName: 'audit-log.csv' } });
    const csv = await auditor.get(log.body.result.url);
    expect(csv.body.split('\n').filter((l: string) => l.includes('export.projects'))).toHaveLength(2);
    // As .xlsx: the readable sheet, not a CSV under another name.
    const sheet = await finished(
      auditor,
      await auditor.post('/api/jobs/audit-log', { action: 'export.projects', format: 'xlsx' }),
    );
    expect(sheet.body).toMatchObject({
      state: 'done',
      result: { fileName: '审计日志.xlsx', contentType: expect.stringContaining('spreadsheetml') },
    });
    const bytes = await fetch(`${auditor.base}${sheet.body.result.url}`, {
      headers: { cookie: auditor.cookie },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes.arrayBuffer()) as never);
    expect(book.worksheets[0]!.rowCount).toBeGreaterThanOrEqual(3); // the header and the two exports
  }, 120_000);
});
