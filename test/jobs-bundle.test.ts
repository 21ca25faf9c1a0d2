// Background jobs in the bundled server (`sibi serve` as npm start runs it, from dist/cli): the worker
// threads load the bundle's job-worker.js (scripts/build-server.mjs), not the TypeScript sources, and
// a job runs to its result; stopped (SIGTERM) while a long job runs, the server exits at once with
// code 0, its worker threads ended and its jobs' temporary folder removed.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { preparedDataDir } from './helpers/databases';
import { load, REGIONS } from './helpers/factories';
import { Client, createTestAccount } from './helpers/http';
import { type ServerChild, startServeChild } from './helpers/serve-child';
import { publishSyntheticProvince } from './helpers/synthetic-evaluation';

const USER = 'jb_bundle_viewer';

describe('background jobs in the bundled server', () => {
  let dir = '';
  let temp = '';
  let evaluation = 0;
  let server: ServerChild | undefined;
  let client: Client;
  let jobMs = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-jobs-bundle-'));
    temp = join(dir, 'tmp');
    mkdirSync(temp);
    const dataDir = join(dir, 'data');
    const database = await openDatabase({ dataDir: await preparedDataDir(dataDir) });
    await load(database, 'regions', REGIONS);
    evaluation = await publishSyntheticProvince(database);
    await createTestAccount(database, { username: USER, role: 'viewer', regionCode: '410000' });
    await database.close();
    // the server's own temporary folder, so the test can see its jobs' folder come and go
    server = await startServeChild({ SIBI_DATA_DIR: dataDir, TMPDIR: temp });
    client = new Client(server.url);
    expect((await client.login(USER)).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const jobFolders = () => readdirSync(temp).filter((name) => name.startsWith('sibi-jobs-'));

  it('runs a sensitivity job in a worker thread loaded from the bundle', async () => {
    const started = await client.post('/api/jobs/sensitivity', { evaluation, replications: 200, seed: 3 });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    let job = started;
    while (['queued', 'running'].includes(job.body.state)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await client.get(started.headers.get('location')!);
    }
    // from the sources' fallback (worker-tsx.mjs, absent beside the bundle) the job would fail
    expect(job.body, server!.stderr()).toMatchObject({ state: 'done', error: null });
    const result = await client.get(job.body.result.url);
    expect(result.body).toMatchObject({ replications: 200, seed: 3 });
    expect(jobFolders()).toHaveLength(1);
    // what 2000 replications take here: ten times the 200 of this job's computation
    jobMs = 10 * (Date.parse(job.body.finishedAt) - Date.parse(job.body.startedAt));
  }, 120_000);

  it('exits at once with code 0 when stopped while a long job runs, leaving no job folder', async () => {
    const started = await client.post('/api/jobs/sensitivity', { evaluation, replications: 2000 });
    expect(started.status).toBe(202);
    const url = started.headers.get('location')!;
    for (;;) {
      const job = await client.get(url);
      expect(job.body.state).toMatch(/^(queued|running)$/);
      if (job.body.state === 'running' && job.body.progress.fraction > 0.05) {
        expect(job.body.progress.fraction).toBeLessThan(0.5);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const stopping = performance.now();
    await server!.stop(30_000);
    const stopMs = performance.now() - stopping;
    console.info(`stopped with a job running in ${Math.round(stopMs)} ms`);
    expect(server!.child.exitCode, server!.stderr()).toBe(0);
    // the rest of the job takes seconds (more than half of 2000 replications): ended, not waited for
    expect(stopMs).toBeLessThan(jobMs / 2);
    expect(jobFolders()).toEqual([]);
  }, 180_000);
});
