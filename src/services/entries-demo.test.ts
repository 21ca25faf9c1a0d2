// The demo's 自评分: reported once by each unit's office (a second run writes nothing) and listed in the
// evaluation beside the verified scores; on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { loadEvaluationFixture } from '../../test/helpers/evaluation-fixture';
import { REGIONS } from '../../test/helpers/factories';
import type { Database } from '../db/client';
import { DEMO_SELF_SCORES } from '../demo/self-scores';
import { ensureDemoSelfScores } from './entries-demo';
import { runEvaluation } from './evaluate-period';

describe.each(testDatabases())('demo self-scores on $name', (target: TestDatabase) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database, {
      regions: [...REGIONS, { code: '410100', name: '郑州市', parentCode: '410000', kind: 'city' }],
    });
  });
  afterAll(async () => {
    await database.close();
  });

  it('reports them once, by their offices, and the 2020Q3 evaluation lists them', async () => {
    const ctx = { actor: 'demo', ip: null, now: new Date() };
    expect(await ensureDemoSelfScores(database, ctx)).toBe(DEMO_SELF_SCORES.length);
    expect(await ensureDemoSelfScores(database, ctx)).toBe(0);
    const run = await runEvaluation(database, { scheme: 'sibisikan-2020', period: '2020Q3', actor: 't' });
    const c = run.result.selfScores!;
    expect(c.units.map((u) => u.code).sort()).toEqual(['410100', '410300', '410800']);
    const luoyang = c.units.find((u) => u.code === '410300')!;
    expect(luoyang.reportedBy).toEqual(['demo_city']);
    expect(luoyang.indicators.map((l) => l.indicator).sort()).toEqual(['invest_rate', 'new_start_rate']);
  });
});
