// A scheme with quarter-only indicators, per-unit targets and rank bands with consequences, through the
// service: the draft, publication and `verify` (the stored snapshot recomputes to the same hash), the
// period entering the inputs only for such schemes, and a unit without a target refused with nothing
// written; on both databases.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as stringifyYaml } from 'yaml';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { loadEvaluationFixture } from '../../test/helpers/evaluation-fixture';
import type { Database } from '../db/client';
import { parseScheme, SchemeError } from '../domain/evaluation/scheme';
import { checkScheme } from './check-scheme';
import { runEvaluation } from './evaluate-period';
import { publishEvaluation } from './publish-evaluation';
import { verifyEvaluation } from './verify-evaluation';

function scheme(perUnit: Record<string, number>, fallback: number | null = 80_000) {
  return parseScheme({
    id: 'method-test',
    version: '1',
    name: '考评办法写法测试',
    groups: ['city', 'direct_county'],
    total: 100,
    dimensions: [
      {
        id: 'progress',
        name: '比开工看进度',
        points: 60,
        indicators: [
          {
            id: 'invest',
            name: '累计完成投资',
            metric: 'key.investYtd',
            direction: 'higher_better',
            points: 40,
            rule: {
              type: 'ratio_to_target',
              target: {
                per_unit: perUnit,
                ...(fallback === null ? {} : { default: fallback }),
                amounts_in: '万元',
              },
            },
          },
          {
            id: 'start_rate',
            name: '开工率',
            metric: 'key.newStartRate',
            direction: 'higher_better',
            points: 20,
            quarters: [2, 4],
            rule: { type: 'ratio_to_target', target: 0.9 },
          },
        ],
      },
      {
        id: 'attraction',
        name: '比招引看投资',
        points: 40,
        indicators: [
          {
            id: 'signed',
            name: '签约投资总额',
            metric: 'deals.signedAmount',
            direction: 'higher_better',
            points: 40,
            rule: { type: 'relative_to_best' },
          },
        ],
      },
    ],
    consequences: [
      { from: 1, to: 1, label: '流动红旗' },
      { last: 1, label: '约谈' },
    ],
  });
}

describe.each(testDatabases())('schemes as provinces write them, on $name', (target: TestDatabase) => {
  let database: Database;
  const evaluations = async () =>
    (
      (await database.db.execute(sql`select count(*)::int as n from evaluations`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n;

  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it('scores against each unit’s own target, leaves the quarter-only indicator out in Q3 and bands the ranks', async () => {
    const run = await runEvaluation(database, {
      scheme: 'method-test',
      schemeOverride: scheme({ '410300': 100_000, '410800': 50_000 }),
      period: '2020Q3',
      actor: 't',
    });
    expect(run.snapshot.input.context).toEqual({ timeProgress: 0.75, period: '2020Q3' });
    const invest = (code: string) => run.result.units.find((u) => u.code === code)!.indicators[0]!;
    // 洛阳 9 亿 ÷ 10 亿 × 60 (invest carries the dimension's 60 points in Q3) = 54; 焦作 5 亿 ÷ 5 亿 → 60;
    // 巩义 6 亿 ÷ 8 亿 (default) → 45.
    expect(invest('410300').score).toBeCloseTo(54, 9);
    expect(invest('410300').reference.target).toBe(1_000_000_000);
    expect(invest('410800').score).toBe(60);
    expect(invest('410181').reference.target).toBe(800_000_000);
    expect(invest('410181').score).toBeCloseTo(45, 9);
    const start = run.result.units[0]!.indicators[1]!;
    expect(start.explanation).toContain('本季度不考核');
    const banded = Object.fromEntries(run.result.units.map((u) => [u.code, [u.rank, u.consequence]]));
    const [first, second] = run.result.groups.find((g) => g.id === 'city')!.ranking;
    expect(banded[first!]).toEqual([1, '流动红旗']);
    expect(banded[second!]).toEqual([2, '约谈']);
    // 巩义 is alone in its group: first and last; the band listed first applies, flagged.
    expect(banded['410181']).toEqual([1, '流动红旗']);
    expect(run.result.flags.map((f) => f.code)).toContain('consequence_overlap');
  });

  it('publishes the consequences and verifies the stored snapshot to the same hash', async () => {
    const published = await publishEvaluation(database, {
      scheme: 'method-test',
      schemeOverride: scheme({ '410300': 100_000, '410800': 50_000 }),
      period: '2020Q3',
      actor: 'prov',
      overrideReason: '测试：考评办法写法',
    });
    expect(published.run.result.units.filter((u) => u.consequence).length).toBe(3);
    const v = await verifyEvaluation(database, published.id, { storedOnly: true });
    expect(v.recomputedHash).toBe(published.hash);
    expect(v.storedHash).toBe(published.hash);
  });

  it('keeps the period out of the inputs of a scheme without quarter-only indicators', async () => {
    const run = await runEvaluation(database, { scheme: 'sibisikan-2020', period: '2020Q3', actor: 't' });
    expect(run.snapshot.input.context).toEqual({ timeProgress: 0.75 });
    expect(run.result.context).toEqual({ timeProgress: 0.75 });
    expect(run.result.units.some((u) => 'consequence' in u)).toBe(false);
  });

  it('refuses units without a target when there is no default, naming them, writing nothing', async () => {
    const before = await evaluations();
    const attempt = publishEvaluation(database, {
      scheme: 'method-test',
      schemeOverride: scheme({ '410300': 100_000 }, null),
      period: '2020Q2',
      actor: 'prov',
      overrideReason: '测试：缺少单位目标',
    });
    await expect(attempt).rejects.toThrow(SchemeError);
    await expect(attempt).rejects.toThrow(/巩义市（410181）、焦作市（410800） 的目标/);
    expect(await evaluations()).toBe(before);
  });
});

describe.each(testDatabases())('scheme check with a period, on $name', (target: TestDatabase) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it('names the units without a per-unit target on the line of per_unit', async () => {
    const text = stringifyYaml(scheme({ '410300': 100_000 }, null));
    const outcome = await checkScheme(database, { text, source: 'x.yaml', period: '2020Q3', actor: 't' });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems).toHaveLength(1);
    const [problem] = outcome.problems;
    expect(problem!.code).toBe('unit_target_missing');
    expect(problem!.message).toContain('巩义市（410181）、焦作市（410800）');
    // The line of the per_unit map (its first entry, right under the key).
    expect(text.split('\n')[problem!.line! - 2]).toContain('per_unit:');
    expect(text.split('\n')[problem!.line! - 1]).toContain('"410300": 100000');
    const fine = await checkScheme(database, {
      text: stringifyYaml(scheme({ '410300': 100_000 })),
      source: 'x.yaml',
      period: '2020Q3',
      actor: 't',
    });
    expect(fine.ok).toBe(true);
  });
});
