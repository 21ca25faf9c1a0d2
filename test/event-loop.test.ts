// The heavy endpoints never block the event loop (issue #17 item 3, #14 item 5): during a large
// sensitivity analysis (28 units, 2000 replications: seconds of CPU), asked for in place or as a job,
// /api/health/live keeps answering quickly and the event loop's delay (perf_hooks
// monitorEventLoopDelay, on the server's own loop: the server runs in this process) stays small. Before
// the worker pool the request that answers in place held the loop for the whole run (5.7 s on the
// development machine): health probes waited as long, and this test failed.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { type TestDatabase, testDatabases } from './helpers/databases';
import { load, REGIONS } from './helpers/factories';
import { type Client, createTestAccount, loginAs, startServer, type TestServer } from './helpers/http';
import { publishSyntheticProvince } from './helpers/synthetic-evaluation';

/**
 * Well over a busy shared machine's scheduling noise (a probe's round trip reached two seconds on two
 * cores shared by a dozen processes), and at most a quarter of the run: blocked, the loop's longest
 * delay is the whole run.
 */
const LIMIT_MS = 3000;
const limitFor = (m: Measured) => Math.min(LIMIT_MS, m.workMs / 4);

interface Measured {
  workMs: number;
  probes: number;
  slowestProbeMs: number;
  loopDelayMaxMs: number;
  loopDelayP99Ms: number;
}

/** Probes /api/health/live every 25 ms while `work` runs; the event loop's delay meanwhile. */
async function measure(client: Client, work: () => Promise<unknown>): Promise<Measured> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  let finished = false;
  const running = work().finally(() => {
    finished = true;
  });
  running.catch(() => {}); // its failure is reported by the await below
  let probes = 0;
  let slowest = 0;
  while (!finished) {
    const t = performance.now();
    const res = await client.get('/api/health/live');
    expect(res.status).toBe(200);
    slowest = Math.max(slowest, performance.now() - t);
    probes++;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await running;
  const workMs = performance.now() - started;
  histogram.disable();
  return {
    workMs: Math.round(workMs),
    probes,
    slowestProbeMs: Math.round(slowest),
    loopDelayMaxMs: Math.round(histogram.max / 1e6),
    loopDelayP99Ms: Math.round(histogram.percentile(99) / 1e6),
  };
}

describe.each(testDatabases())('event loop during heavy work on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let viewer: Client;
  let id = 0;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    id = await publishSyntheticProvince(database);
    await createTestAccount(database, { username: 'el_viewer', role: 'viewer', regionCode: '410000' });
    server = await startServer(database);
    viewer = await loginAs(server, { username: 'el_viewer', role: 'viewer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('answers health probes quickly during a 2000-replication sensitivity asked for in place', async () => {
    const m = await measure(viewer, async () => {
      const res = await viewer.get(`/api/evaluations/${id}/sensitivity?replications=2000`);
      expect(res.status).toBe(200);
      expect(res.body.replications).toBe(2000);
    });
    console.info(`${target.name} sensitivity in place: ${JSON.stringify(m)}`);
    expect(m.probes).toBeGreaterThan(10);
    expect(m.slowestProbeMs).toBeLessThan(limitFor(m));
    expect(m.loopDelayMaxMs).toBeLessThan(limitFor(m));
  }, 120_000);

  it('answers health probes quickly during the same analysis run as a job', async () => {
    const m = await measure(viewer, async () => {
      const started = await viewer.post('/api/jobs/sensitivity', { evaluation: id, replications: 2000 });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      for (;;) {
        const job = await viewer.get(started.headers.get('location')!);
        if (job.body.state === 'done') break;
        expect(job.body.state).toMatch(/^(queued|running)$/);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const result = await viewer.get(`/api/jobs/${started.body.id}/result`);
      expect(result.body.replications).toBe(2000);
    });
    console.info(`${target.name} sensitivity job: ${JSON.stringify(m)}`);
    expect(m.probes).toBeGreaterThan(10);
    expect(m.slowestProbeMs).toBeLessThan(limitFor(m));
    expect(m.loopDelayMaxMs).toBeLessThan(limitFor(m));
  }, 120_000);
});
