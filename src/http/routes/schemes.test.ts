// POST /api/schemes/check: every problem of a scheme text with its line, or the summary; with a
// period, the scheme tried on that period's data (years, groups without units, nominal against
// effective weights), which is a draft evaluation and needs the province officer's permission.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import type { Database } from '../../db/client';
import { builtinSchemePath } from '../../schemes/load-scheme';

const builtin = readFileSync(builtinSchemePath('sibisikan-2020'), 'utf8');
const bad = readFileSync(
  join(import.meta.dirname, '../../../test/fixtures/schemes/bad/13-several.yaml'),
  'utf8',
);

describe.each(testDatabases())('scheme check on $name', (target: TestDatabase) => {
  let database: Database;
  let server: TestServer;
  let province: Client;
  let viewer: Client;

  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database);
    await createTestAccount(database, { username: 'prov_s', role: 'province_officer', regionCode: '410000' });
    await createTestAccount(database, { username: 'viewer_s', role: 'viewer', regionCode: '410300' });
    server = await startServer(database);
    province = await loginAs(server, { username: 'prov_s', role: 'province_officer' });
    viewer = await loginAs(server, { username: 'viewer_s', role: 'viewer' });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('lists every problem of a text with its line, for any reader of results', async () => {
    const reply = await viewer.post('/api/schemes/check', { text: bad });
    expect(reply.status).toBe(200);
    expect(reply.body.ok).toBe(false);
    expect(reply.body.summary).toBeNull();
    const problems = reply.body.problems as { code: string; line: number; path: string; text: string }[];
    expect(problems.map((p) => `${p.code}@${p.line}`)).toEqual([
      'unknown_group@6',
      'points_total@7',
      'unknown_dimension@8',
      'unknown_metric@16',
      'unknown_metric@38',
    ]);
    expect(problems[3]).toMatchObject({ path: 'dimensions[0].indicators[0].metric' });
    expect(problems[3]!.text).toMatch(/^第 16 行第 17 列：.*"key\.investRat".*"key\.investRate"/);
  });

  it('summarises a sound scheme without touching data', async () => {
    const reply = await viewer.post('/api/schemes/check', { text: builtin });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ok: true, problems: [], weights: null });
    expect(reply.body.summary).toMatchObject({
      id: 'sibisikan-2020',
      total: 100,
      tieBreak: ['progress', 'attraction'],
    });
    expect(reply.body.summary.indicators).toHaveLength(17);
    expect(reply.body.summary.rules).toEqual({
      relative_to_best: 9,
      goalposts: 1,
      ratio_to_target: 4,
      step: 2,
      tiers: 1,
    });
  });

  it('tries the scheme on a period: nominal against effective weights (province officer only)', async () => {
    expect((await viewer.post('/api/schemes/check', { text: builtin, period: '2020Q3' })).status).toBe(403);
    const reply = await province.post('/api/schemes/check', { text: builtin, period: '2020Q3' });
    expect(reply.status).toBe(200);
    expect(reply.body.ok).toBe(true);
    const { weights } = reply.body;
    expect(weights.region.code).toBe('410000');
    const city = weights.groups.find((g: { group: string }) => g.group === 'city');
    expect(city.units).toBeGreaterThan(1);
    const sum = (key: 'nominal' | 'effective') =>
      city.rows.reduce((s: number, r: Record<string, number>) => s + (r[key] ?? 0), 0);
    expect(sum('nominal')).toBeCloseTo(1, 12);
    expect(sum('effective')).toBeCloseTo(1, 9);
    // A malformed period is the caller's mistake.
    expect((await province.post('/api/schemes/check', { text: builtin, period: '2020Q5' })).status).toBe(400);
  });

  it('refuses a period outside the scheme’s years, and groups with no unit in the region', async () => {
    const later = builtin.replace('total: 100\n', 'total: 100\nyears: { from: 2021, to: 2025 }\n');
    const outside = await province.post('/api/schemes/check', { text: later, period: '2020Q3' });
    expect(outside.body.ok).toBe(false);
    expect(outside.body.problems).toMatchObject([{ code: 'period_outside_years', path: 'years' }]);
    expect(outside.body.problems[0].line).toBe(builtin.split('\n').indexOf('total: 100') + 2);
    // A draft evaluation with that copy is refused the same way (runEvaluation checks the years).
    const draft = await province.post('/api/evaluations/draft', {
      scheme: 'sibisikan-2020',
      schemeText: later,
      period: '2020Q3',
    });
    expect(draft.status).toBe(422);
    expect(draft.body.error.details[0]).toContain('不在方案');
    const city = await province.post('/api/schemes/check', {
      text: builtin,
      period: '2020Q3',
      region: '410300',
    });
    expect(city.body.ok).toBe(false);
    expect(city.body.problems.map((p: { code: string; path: string }) => `${p.code} ${p.path}`)).toEqual([
      'group_without_units groups[0]',
      'group_without_units groups[1]',
    ]);
    expect(city.body.problems[0].text).toContain('洛阳市下没有参评单位');
  });
});
