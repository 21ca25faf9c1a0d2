// Cached reads over HTTP (issue #17 item 3): the 驾驶舱, statistics, warnings and default periods carry
// an entity tag of their key and the data version; the same tag back in If-None-Match gets 304 and
// no body while nothing was committed — but only after the caller is authorized — and the first
// commit of new figures (through this server or another one on the same database, which keeps a
// cache of its own) gives the new answer. Sign-ins (sessions, accounts, audit rows) move nothing;
// the next day moves the default period's tag. The to-do list is cached for its account only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import {
  type Client,
  createTestAccount,
  loginAs,
  startServer,
  type TestServer,
  testClock,
} from '../../../test/helpers/http';
import { freshProject, freshProjectYear, freshReport } from '../../../test/helpers/records';
import type { Database } from '../../db/client';

const DASHBOARD = '/api/dashboard?region=410300&period=2020-09';
const CACHED = [
  DASHBOARD,
  '/api/stats?region=410300&period=2020',
  '/api/warnings?region=410300&period=2020-09',
  '/api/periods?region=410300',
];

describe.each(testDatabases())('cached reads on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let other: TestServer;
  let city: Client;
  let county: Client;
  let ownProject: Awaited<ReturnType<typeof freshProject>>;

  const projectCount = (reply: { body: { metrics: Record<string, unknown> } }) =>
    reply.body.metrics['key.projectCount'];
  const addProject = async () => {
    const project = await freshProject(database, server.clock(), '410322');
    await freshProjectYear(database, server.clock(), project);
    return project;
  };
  const conditional = (client: Client, path: string, tag: string) =>
    client.request('GET', path, undefined, { 'if-none-match': tag });

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    const clock = testClock(new Date('2020-10-12T02:00:00Z'));
    server = await startServer(database, { clock });
    other = await startServer(database, { clock });
    ownProject = await addProject();
    await createTestAccount(database, { username: 'cache_city', role: 'city_officer', regionCode: '410300' });
    await createTestAccount(database, {
      username: 'cache_city2',
      role: 'city_officer',
      regionCode: '410300',
    });
    await createTestAccount(database, {
      username: 'cache_county',
      role: 'county_officer',
      regionCode: '410311',
    });
    await createTestAccount(database, {
      username: 'cache_owner',
      role: 'project_owner',
      projectCodes: [ownProject.code],
    });
    city = await loginAs(server, { username: 'cache_city', role: 'city_officer' });
    county = await loginAs(server, { username: 'cache_county', role: 'county_officer' });
  });
  afterAll(async () => {
    await other?.close();
    await server?.close();
    await database?.close();
  });

  it('answers 304 with no body to the tag of the answer it would give, for every cached read', async () => {
    for (const path of CACHED) {
      const first = await city.get(path);
      expect(first.status, path).toBe(200);
      const tag = first.headers.get('etag')!;
      expect(tag, path).toMatch(/^"\d+-[A-Za-z0-9_-]{22}"$/);
      const again = await city.get(path);
      expect(again.headers.get('etag'), path).toBe(tag);
      expect(again.body, path).toEqual(first.body);
      const unchanged = await conditional(city, path, tag);
      expect(unchanged.status, path).toBe(304);
      expect(unchanged.body, path).toBe('');
      expect(unchanged.headers.get('cache-control'), path).toBe('no-store');
      // Another key's tag is not this one's.
      const otherTag = (await city.get(`${path}${path.includes('?') ? '&' : '?'}list=重点项目`)).headers.get(
        'etag',
      );
      expect(otherTag ?? '', path).not.toBe(tag);
    }
    // Counted for the operators (/metrics): each path computed once, then answered from the cache.
    const reply = await fetch(`${server.url}/metrics`);
    const metrics = await reply.text();
    expect(reply.status, metrics.slice(0, 300)).toBe(200);
    const count = (result: string) =>
      Number(new RegExp(`sibi_read_cache_answers_total\\{result="${result}"\\} (\\d+)`).exec(metrics)?.[1]);
    expect(count('miss')).toBeGreaterThanOrEqual(CACHED.length);
    expect(count('hit')).toBeGreaterThanOrEqual(CACHED.length);
  });

  it('checks the caller before the tag: a county outside the region gets 404 even with the right tag', async () => {
    const tag = (await city.get(DASHBOARD)).headers.get('etag')!;
    const refused = await conditional(county, DASHBOARD, tag);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ error: { code: 'not_found' } });
    expect(refused.headers.get('etag')).toBeNull();
    // A list refuses a region outside the caller's scope inside its computation: no tag on that either.
    const list = await county.get('/api/reports?region=410300&page=1&pageSize=20');
    expect(list.status).toBe(404);
    expect(list.headers.get('etag')).toBeNull();
  });

  it('keeps the tag across sign-ins, and gives the new figures after a commit, on this server and the other', async () => {
    const before = await city.get(DASHBOARD);
    const tag = before.headers.get('etag')!;
    const onOther = await loginAs(other, { username: 'cache_city2', role: 'city_officer' });
    const otherBefore = await onOther.get(DASHBOARD);
    expect(otherBefore.body).toEqual(before.body);
    // Sign-ins wrote sessions, accounts and audit rows: no new version.
    expect((await conditional(city, DASHBOARD, tag)).status).toBe(304);
    expect(otherBefore.headers.get('etag')).toBe(tag);

    await addProject(); // a commit of new figures, through neither server
    const after = await city.get(DASHBOARD);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
    expect(projectCount(after)).toBe(Number(projectCount(before)) + 1);
    expect((await conditional(city, DASHBOARD, tag)).status).toBe(200);
    // The other server had the old answer kept: it answers the new one too.
    const otherAfter = await onOther.get(DASHBOARD);
    expect(otherAfter.body).toEqual(after.body);
  });

  it('moves the default period with the day, with no write', async () => {
    const path = '/api/periods?region=410300';
    const today = (await city.get(path)).headers.get('etag')!;
    server.clock.set(new Date('2020-10-13T02:00:00Z'));
    try {
      // A day later the session has ended (30 minutes idle): a new one.
      city = await loginAs(server, { username: 'cache_city', role: 'city_officer' });
      const next = await city.get(path);
      expect(next.headers.get('etag')).not.toBe(today);
      expect((await conditional(city, path, today)).status).toBe(200);
    } finally {
      server.clock.set(new Date('2020-10-12T02:00:00Z'));
      city = await loginAs(server, { username: 'cache_city', role: 'city_officer' });
    }
  });

  it("keeps each account's to-dos to itself, and shows a new report at once", async () => {
    const owner = await loginAs(server, { username: 'cache_owner', role: 'project_owner' });
    const due = (reply: { body: { counts: { fill: number } } }) => reply.body.counts.fill;
    const ownerBefore = await owner.get('/api/todos');
    expect(due(ownerBefore)).toBe(1);
    // The city officer's list is not the owner's.
    expect((await city.get('/api/todos')).body).not.toEqual(ownerBefore.body);
    const { year, month } = ownerBefore.body.period;
    await freshReport(database, server.clock(), ownProject as never, 'submitted', year, month);
    expect(due(await owner.get('/api/todos'))).toBe(0);
  });

  it('keeps the lists an account sees (projects, reports, missing) to that account', async () => {
    const second = await addProject();
    await createTestAccount(database, {
      username: 'cache_owner2',
      role: 'project_owner',
      projectCodes: [second.code],
    });
    const owner = await loginAs(server, { username: 'cache_owner', role: 'project_owner' });
    const owner2 = await loginAs(server, { username: 'cache_owner2', role: 'project_owner' });
    for (const path of ['/api/projects?page=1&pageSize=20', '/api/reports?page=1&pageSize=20']) {
      const mine = await owner.get(path);
      const theirs = await owner2.get(path);
      expect(mine.status, path).toBe(200);
      expect(theirs.headers.get('etag'), path).not.toBe(mine.headers.get('etag'));
      // The other account's tag is not an answer for this one.
      expect((await conditional(owner2, path, mine.headers.get('etag')!)).status, path).toBe(200);
    }
    const codes = (reply: { body: { items: { code: string }[] } }) => reply.body.items.map((p) => p.code);
    expect(codes(await owner.get('/api/projects?page=1&pageSize=20'))).toEqual([ownProject.code]);
    expect(codes(await owner2.get('/api/projects?page=1&pageSize=20'))).toEqual([second.code]);
    // A new report of the second owner's project is in its list at once.
    const before = (await owner2.get('/api/reports?page=1&pageSize=20')).body.total;
    await freshReport(database, server.clock(), second as never, 'draft', 2020, 8);
    expect((await owner2.get('/api/reports?page=1&pageSize=20')).body.total).toBe(before + 1);
  });

  it('reads the settings kept with the data version, and a change at once', async () => {
    await createTestAccount(database, { username: 'cache_secadmin', role: 'secadmin' });
    const admin = await loginAs(server, { username: 'cache_secadmin', role: 'secadmin' });
    const viewer = await loginAs(server, { username: 'cache_city', role: 'city_officer' });
    const current = (await admin.get('/api/settings')).body;
    try {
      const changed = await admin.patch('/api/settings', {
        version: current.version,
        'session.idleMinutes': 5,
      });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      // 6 minutes idle: over the new 5 (the old 30 would have let it live).
      server.clock.advance(6 * 60_000);
      const after = await viewer.get(DASHBOARD);
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('session_expired');
    } finally {
      const again = await loginAs(server, { username: 'cache_secadmin', role: 'secadmin' });
      const now = (await again.get('/api/settings')).body;
      await again.patch('/api/settings', {
        version: now.version,
        'session.idleMinutes': current['session.idleMinutes'] ?? 30,
      });
      city = await loginAs(server, { username: 'cache_city', role: 'city_officer' });
    }
  });
});
