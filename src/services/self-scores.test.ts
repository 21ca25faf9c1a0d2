// Self-scores (自评分) stored, revised, listed beside the verified score in a draft and in the
// published snapshot, then frozen: by the service (a problem naming the edition) and by the database
// (a trigger refuses insert, update and delete while the publication stands), on both databases.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { loadEvaluationFixture } from '../../test/helpers/evaluation-fixture';
import type { Database } from '../db/client';
import type { SelfScoreInput } from '../domain/evaluation/self-scores';
import { InputRejectedError } from './errors';
import { runEvaluation } from './evaluate-period';
import { publishEvaluation, revokeEvaluation } from './publish-evaluation';
import { listSelfScoreEntries, reportSelfScores } from './self-scores';
import { verifyEvaluation } from './verify-evaluation';

const ctx = (actor: string) => ({ actor, ip: null, now: new Date('2020-10-05T08:00:00Z') });
const all = () => true;
const row = (record: Partial<SelfScoreInput>, n: number | null = null) => ({
  row: n,
  record: {
    scheme: 'sibisikan-2020',
    period: '2020Q3',
    unitCode: '410300',
    indicator: null,
    points: '80',
    note: null,
    ...record,
  },
});
const report = (database: Database, rows: ReturnType<typeof row>[], actor = 'luoyang', file = '（录入）') =>
  reportSelfScores(database, { file, rows, mayEnter: all }, ctx(actor));

async function rejected(p: Promise<unknown>): Promise<InputRejectedError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputRejectedError) return e;
    throw e;
  }
  throw new Error('not rejected');
}

describe.each(testDatabases())('self-scores on $name', (target: TestDatabase) => {
  let database: Database;
  const count = async () =>
    (
      (await database.db.execute(sql`select count(*)::int as n from evaluation_self_scores`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n;
  const draft = () => runEvaluation(database, { scheme: 'sibisikan-2020', period: '2020Q3', actor: 't' });

  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it('leaves the draft without self-scores while none are reported', async () => {
    const run = await draft();
    expect('selfScores' in run.result).toBe(false);
    expect('selfScores' in run.snapshot.input).toBe(false);
  });

  it('refuses bad rows with their column and reason, writing nothing', async () => {
    const e = await rejected(
      report(
        database,
        [
          row({ points: '103.01' }, 2),
          row({ indicator: '不存在' }, 3),
          row({ scheme: 'sangeyipi-2022' }, 4),
          row({ unitCode: '410000' }, 5),
          row({ period: '2020Q5' }, 6),
          row({ indicator: 'invest_rate', points: '14.5' }, 7),
          row({ unitCode: '410800', points: '-1' }, 8),
          row({ unitCode: '410181', indicator: '总分', points: '70' }, 9),
          row({ unitCode: '410181', indicator: '', points: '71' }, 10),
        ],
        'luoyang',
        'self.csv',
      ),
    );
    expect(e.problems.map((p) => `${p.row}:${p.column}`)).toEqual([
      '2:自评分',
      '3:指标',
      '4:考评方案',
      '5:地区代码',
      '6:考评期',
      '7:自评分',
      '8:自评分',
      '10:指标',
    ]);
    expect(e.problems.find((p) => p.row === 4)!.reason).toMatch(
      /《"三个一批"项目建设活动综合考评（2022年版）》不设自评分/,
    );
    expect(e.problems.find((p) => p.row === 2)!.reason).toMatch(/满分 103/);
    expect(e.problems.find((p) => p.row === 10)!.reason).toMatch(/重复/);
    expect(await count()).toBe(0);
  });

  it('stores, revises (audited, version 2) and lists the total and indicator self-scores', async () => {
    const [total, rate] = await report(database, [
      row({ points: '90.5' }),
      row({ indicator: '投资完成率', points: '14' }),
    ]);
    expect(total).toMatchObject({ indicator: '', points: '90.50', reportedBy: 'luoyang', version: 1 });
    expect(rate).toMatchObject({ indicator: 'invest_rate', points: '14.00' });
    const [revised] = await report(database, [row({ points: '88' })], 'luoyang2');
    expect(revised).toMatchObject({ id: total!.id, points: '88.00', reportedBy: 'luoyang2', version: 2 });
    await report(database, [row({ unitCode: '410800', points: '60' })], 'jiaozuo');
    const listed = await listSelfScoreEntries(database, { provinceCode: '410000', period: '2020Q3' });
    expect(listed.map((s) => [s.unitCode, s.indicator, s.points])).toEqual([
      ['410300', '', '88.00'],
      ['410300', 'invest_rate', '14.00'],
      ['410800', '', '60.00'],
    ]);
    const mine = await listSelfScoreEntries(database, { provinceCode: '410000', unitCodes: ['410800'] });
    expect(mine.map((s) => s.unitCode)).toEqual(['410800']);
    const audit = (await database.db.execute(
      sql`select actor, before, after from audit_log where action = 'evaluation.self_score.report' and target_id = ${String(total!.id)} order by id`,
    )) as unknown as {
      rows: { actor: string; before: { points: string } | null; after: { points: string } }[];
    };
    expect(audit.rows.map((r) => [r.actor, r.before?.points ?? null, r.after.points])).toEqual([
      ['luoyang', null, '90.50'],
      ['luoyang2', '90.50', '88.00'],
    ]);
  });

  it('lists them beside the verified score in the draft, largest difference first', async () => {
    const run = await draft();
    const c = run.result.selfScores!;
    const verified = new Map(run.result.units.map((u) => [u.code, u.adjusted]));
    expect(c.units.map((u) => u.code).sort()).toEqual(['410300', '410800']);
    for (const u of c.units) {
      expect(u.total.verified).toBeCloseTo(verified.get(u.code)!, 2);
      expect(u.total.difference).toBeCloseTo(u.total.self! - u.total.verified, 6);
    }
    const sizes = c.units.map((u) => Math.abs(u.total.difference!));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(c.units.find((u) => u.code === '410300')!.indicators.map((l) => l.indicator)).toEqual([
      'invest_rate',
    ]);
    expect(c.missing).toEqual(['410181']);
    expect(run.snapshot.input.selfScores).toHaveLength(3);
  });

  it('freezes them once published: the service refuses, the database refuses, the snapshot keeps them', async () => {
    const published = await publishEvaluation(database, {
      scheme: 'sibisikan-2020',
      period: '2020Q3',
      actor: 'prov',
      overrideReason: '测试：自评分冻结',
    });
    const stored = published.run.result.selfScores!;
    const e = await rejected(report(database, [row({ points: '1' })]));
    expect(e.problems[0]).toMatchObject({
      column: '考评期',
      reason: expect.stringMatching(/已发布（第 1 版）.*冻结/),
    });
    for (const statement of [
      sql`update evaluation_self_scores set points = 1`,
      sql`delete from evaluation_self_scores`,
      sql`insert into evaluation_self_scores (scheme_id, parent_code, period, unit_code, points, reported_by, reported_at)
          values ('sibisikan-2020', '410000', '2020Q3', '410181', 50, 'x', now())`,
    ])
      await expect(database.db.execute(statement)).rejects.toThrow();
    expect(await count()).toBe(3);
    // another period of the same scheme is not frozen
    await report(database, [row({ period: '2020Q2', points: '70' })]);
    expect((await verifyEvaluation(database, published.id, { storedOnly: true })).storedHash).toBe(
      published.hash,
    );
    const v = await verifyEvaluation(database, published.id, { storedOnly: true });
    expect(v.recomputedHash).toBe(v.storedHash);
    expect((await draft()).result.selfScores).toEqual(stored);

    // revoked: revisable again, and the next edition carries the revision
    await revokeEvaluation(database, published.id, { reason: '测试撤销后重报', actor: 'prov' });
    const [again] = await report(database, [row({ points: '87' })]);
    expect(again).toMatchObject({ points: '87.00', version: 3 });
  });
});
