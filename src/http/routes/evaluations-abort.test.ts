// Analyses whose caller has gone (issue: in-place analyses went on in the worker pool after their
// request was aborted, so later requests queued behind abandoned runs and met 429s), on both
// databases. An in-place analysis (GET/POST on the evaluation routes) aborted by its client leaves the
// worker pool at once, whether its task was still queued behind others or already running in a
// thread; the pool then runs the next task. A job cancelled with DELETE /api/jobs/:id does the same.
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
import { publishSyntheticProvince } from '../../../test/helpers/synthetic-evaluation';
import type { Database } from '../../db/client';
import { syntheticUnits, syntheticValues } from '../../domain/evaluation/testing/synthetic-province';
import type { EvaluationInput } from '../../domain/evaluation/types';
import { loadSchemeSync } from '../../schemes/load-scheme';
import { DEFAULT_VARY } from '../../services/analyse-evaluation';
import { runInWorker, WORKER_THREADS, workerTasksInFlight } from '../../services/jobs/worker-pool';
import { HEAVY_CONCURRENCY } from '../heavy-requests';

const Q3 = { scheme: 'sibisikan-2020', period: '2020Q3' };
/** How soon an abandoned task must have left the pool. A run of 2000 replications takes seconds. */
const GONE_WITHIN_MS = 1500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the pool holds `count` tasks; the milliseconds it took, or null past `limitMs`. */
async function poolReaches(count: number, limitMs: number): Promise<number | null> {
  const start = performance.now();
  while (workerTasksInFlight() !== count) {
    if (performance.now() - start > limitMs) return null;
    await sleep(10);
  }
  return performance.now() - start;
}

/** Long tasks that hold every thread of the pool until `stop()`. */
function occupyEveryThread() {
  const input: EvaluationInput = {
    scheme: loadSchemeSync('sibisikan-2020'),
    units: syntheticUnits(),
    values: syntheticValues(),
  };
  const controller = new AbortController();
  const runs = Array.from({ length: WORKER_THREADS }, () =>
    runInWorker(
      { kind: 'sensitivity', input, options: { replications: 50_000, vary: DEFAULT_VARY } },
      { signal: controller.signal },
    ).catch(() => 'stopped'),
  );
  return {
    async stop() {
      controller.abort();
      expect(await Promise.all(runs)).toEqual(runs.map(() => 'stopped'));
    },
  };
}

/** Sends a request as `client` and aborts it once its task is in the pool (`inPool` tasks there). */
async function abandon(
  client: Client,
  server: TestServer,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
) {
  const controller = new AbortController();
  const sent = fetch(`${server.url}${path}`, {
    method,
    signal: controller.signal,
    headers: {
      cookie: client.cookie,
      ...(method === 'POST' ? { 'x-csrf-token': client.csrf, 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(
    (response) => `answered ${response.status}`,
    (error: Error) => error.name,
  );
  return {
    async abort() {
      controller.abort();
      expect(await sent).toBe('AbortError');
    },
  };
}

describe.each(testDatabases())('analyses abandoned by their caller on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let officer: Client;
  let synthetic = 0;

  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database);
    synthetic = await publishSyntheticProvince(database, '2019Q4');
    await createTestAccount(database, {
      username: 'ab_province',
      role: 'province_officer',
      regionCode: '410000',
    });
    server = await startServer(database);
    officer = await loginAs(server, { username: 'ab_province', role: 'province_officer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('ends a running in-place sensitivity when its client aborts: the thread is free for the next request at once', async () => {
    expect(workerTasksInFlight()).toBe(0);
    const request = await abandon(
      officer,
      server,
      'GET',
      `/api/evaluations/${synthetic}/sensitivity?replications=2000`,
    );
    expect(await poolReaches(1, 30_000)).not.toBeNull();
    await request.abort();
    expect(await poolReaches(0, GONE_WITHIN_MS)).not.toBeNull();
    // the pool recovers from the ended thread: the next analysis runs and answers
    const next = await officer.get(`/api/evaluations/${synthetic}/audit`);
    expect(next.status).toBe(200);
    expect(workerTasksInFlight()).toBe(0);
  }, 60_000);

  it.each([
    ['GET', '/api/evaluations/:id/sensitivity?replications=2000', undefined],
    ['GET', '/api/evaluations/:id/what-it-takes?unit=410300', undefined],
    ['GET', '/api/evaluations/:id/audit', undefined],
    ['POST', '/api/evaluations/draft/sensitivity', { ...Q3, replications: 2000 }],
    ['POST', '/api/evaluations/draft/what-it-takes', { ...Q3, unit: '410800' }],
    ['POST', '/api/evaluations/draft/audit', Q3],
  ] as const)(
    'takes an aborted %s %s out of the pool while it waits behind other tasks',
    async (method, path, body) => {
      const blockers = occupyEveryThread();
      try {
        expect(await poolReaches(WORKER_THREADS, 10_000)).not.toBeNull();
        const request = await abandon(officer, server, method, path.replace(':id', String(synthetic)), body);
        expect(await poolReaches(WORKER_THREADS + 1, 30_000)).not.toBeNull();
        await request.abort();
        expect(await poolReaches(WORKER_THREADS, GONE_WITHIN_MS)).not.toBeNull();
      } finally {
        await blockers.stop();
      }
      expect(await poolReaches(0, GONE_WITHIN_MS)).not.toBeNull();
    },
    60_000,
  );

  it(`gives back the heavy slot of an aborted POST: after ${HEAVY_CONCURRENCY.perUser} abandoned drafts the next one answers`, async () => {
    const blockers = occupyEveryThread();
    try {
      for (let i = 0; i < HEAVY_CONCURRENCY.perUser; i++) {
        const request = await abandon(officer, server, 'POST', '/api/evaluations/draft/audit', Q3);
        expect(await poolReaches(WORKER_THREADS + 1, 30_000)).not.toBeNull();
        await request.abort();
        expect(await poolReaches(WORKER_THREADS, GONE_WITHIN_MS)).not.toBeNull();
      }
    } finally {
      await blockers.stop();
    }
    const next = await officer.post('/api/evaluations/draft/audit', Q3);
    expect(next.status).toBe(200);
  }, 60_000);

  it('ends the worker task of a job cancelled with DELETE /api/jobs/:id', async () => {
    const started = await officer.post('/api/jobs/sensitivity', {
      evaluation: synthetic,
      replications: 2000,
    });
    expect(started.status).toBe(202);
    const url = started.headers.get('location')!;
    expect(await poolReaches(1, 30_000)).not.toBeNull();
    expect((await officer.delete(url)).body.state).toBe('cancelled');
    expect(await poolReaches(0, GONE_WITHIN_MS)).not.toBeNull();
    // the account's slot and the pool's thread are free: an in-place analysis answers
    expect((await officer.get(`/api/evaluations/${synthetic}/audit`)).status).toBe(200);
  }, 60_000);
});
