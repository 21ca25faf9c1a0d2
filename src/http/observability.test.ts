// Issue #14 item 10: health probes, Prometheus metrics (and who may read them), request ids in
// logs and error answers, and error logs without the SQL parameters of a failing query.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, REGIONS } from '../../test/helpers/factories';
import { Client, startServer, type TestServer } from '../../test/helpers/http';
import type { Database } from '../db/client';
import { buildApp } from './app';

/** Log lines written by the server, parsed. */
function captureLog() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

describe.each(testDatabases())('observability on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    server = await startServer(database);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('answers liveness without the database and readiness by touching it; 503 when it is away', async () => {
    const other = await target.open();
    const probe = await startServer(other);
    try {
      const client = new Client(probe.url);
      expect((await client.get('/api/health/live')).body).toEqual({ status: 'ok' });
      const ready = await client.get('/api/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ status: 'ok', database: target.name });
      await other.close();
      const away = await client.get('/api/health/ready');
      expect(away.status).toBe(503);
      expect(away.body.error.code).toBe('database_unavailable');
      expect(away.headers.get('retry-after')).toBe('5');
      const live = await client.get('/api/health/live');
      expect(live.status).toBe(200);
    } finally {
      await probe.close();
      await other.close().catch(() => {});
    }
  });

  it('serves Prometheus metrics by route pattern, pool, imports and event-loop delay to localhost', async () => {
    const client = new Client(server.url);
    await client.get('/api/health/live');
    await client.get('/api/public/links/abcdefgh'); // a route with a parameter, whatever it answers
    const reply = await fetch(`${server.url}/metrics`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await reply.text();
    expect(text).toMatch(
      /sibi_http_requests_total\{method="GET",route="\/api\/health\/live",status="200"\} [1-9]/,
    );
    expect(text).toMatch(
      /sibi_http_request_duration_seconds_count\{method="GET",route="\/api\/health\/live"\} [1-9]/,
    );
    expect(text).not.toContain('abcdefgh'); // the pattern, never the raw URL
    expect(text).toContain('sibi_imports_in_progress 0');
    expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds [0-9.e-]+/);
    if (target.name === 'postgres') expect(text).toMatch(/sibi_db_pool_connections\{state="total"\} \d+/);
  });

  it('keeps /metrics from the internet: a token when configured, never through a proxy without one', async () => {
    const proxied = await startServer(database, { trustProxy: true });
    const guarded = await startServer(database, { metricsToken: 's3cret-metrics-token' });
    try {
      const viaProxy = await fetch(`${proxied.url}/metrics`, {
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      expect(viaProxy.status).toBe(404);
      expect(await viaProxy.text()).not.toContain('sibi_http_requests_total');
      const forged = await fetch(`${proxied.url}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1' } });
      expect(forged.status).toBe(404);
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(404);
      const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(404);
      const right = await fetch(`${guarded.url}/metrics`, {
        headers: { authorization: 'Bearer s3cret-metrics-token' },
      });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('sibi_http_requests_total');
    } finally {
      await proxied.close();
      await guarded.close();
    }
  });

  it('gives every answer a request id, keeps a sane incoming one and replaces a hostile one', async () => {
    const client = new Client(server.url);
    const plain = await client.get('/api/health/live');
    expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${server.url}/api/health/live`, { headers: { 'x-request-id': 'lb-42.abc_X' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-42.abc_X');
    const hostile = await fetch(`${server.url}/api/health/live`, {
      headers: { 'x-request-id': `a b"}{${'x'.repeat(300)}` },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await client.get('/api/projects');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toBeTruthy();
  });

  it('logs a failing query with its request id but without its parameters (personal data)', async () => {
    const log = captureLog();
    const app = await buildApp({ database, logger: true, logStream: log.stream });
    const secret = '张三 13800138000';
    app.get('/api/test/failing-query', { config: { access: 'public' } }, async () => {
      await database.db.execute(sql`select ${secret}::int as n`);
      return {};
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const reply = await fetch(`http://127.0.0.1:${port}/api/test/failing-query`, {
        headers: { 'x-request-id': 'trace-me-1' },
      });
      expect(reply.status).toBe(500);
      const body = (await reply.json()) as { error: { code: string; requestId: string } };
      expect(body.error).toMatchObject({ code: 'internal', requestId: 'trace-me-1' });
      const errors = log.lines.filter((line) => line.level === 50);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ reqId: 'trace-me-1' });
      const written = JSON.stringify(log.lines);
      expect(written).toContain('22P02'); // what went wrong is still there
      expect(written).not.toContain('13800138000');
      expect(written).not.toContain('张三');
    } finally {
      await app.close();
    }
  });
});
