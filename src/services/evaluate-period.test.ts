import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { loadEvaluationFixture, YI } from '../../test/helpers/evaluation-fixture';
import { load, project, REGIONS, report } from '../../test/helpers/factories';
import type { Database } from '../db/client';
import { findPublished, getEvaluation } from '../db/evaluations';
import { queryRows } from '../db/query';
import { builtinSchemePath } from '../schemes/load-scheme';
import { checkDataQuality } from './check-data-quality';
import { ConflictError, UsageError } from './errors';
import { runEvaluation } from './evaluate-period';
import {
  PublishRefusedError,
  publishEvaluation,
  publishGateOf,
  revokeEvaluation,
} from './publish-evaluation';
import { listPublishedEvaluations } from './published-evaluations';
import { verifyEvaluation } from './verify-evaluation';

const request = { scheme: 'sibisikan-2020', period: '2020Q3', actor: 'test' };

describe.each(testDatabases())('evaluation on $name', (target: TestDatabase) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await loadEvaluationFixture(database);
  });
  afterAll(() => database.close());

  it('ranks by a user’s edited copy of a scheme file, without code changes', async () => {
    const nominal = await runEvaluation(database, request);
    const cities = (run: typeof nominal) =>
      run.result.units.filter((u) => u.group === 'city').map((u) => [u.code, u.rank]);
    expect(cities(nominal)).toEqual([
      ['410300', 1],
      ['410800', 2],
    ]);
    // The copy moves 12 points from 投资完成率 to 省外境外到位资金 (only Jiaozuo has outside funds).
    const text = readFileSync(builtinSchemePath('sibisikan-2020'), 'utf8')
      .replace(/(- id: outside_funds[\s\S]*?points: )4/, '$116')
      .replace(/(- id: invest_rate[\s\S]*?points: )14/, '$12')
      .replace(/(- id: attraction[\s\S]*?points: )15/, '$127')
      .replace(/(- id: progress[\s\S]*?points: )40/, '$128');
    const file = join(mkdtempSync(join(tmpdir(), 'sibi-scheme-')), '我的方案.yaml');
    writeFileSync(file, text);
    const edited = await runEvaluation(database, { ...request, scheme: file });
    expect(
      edited.result.units.find((u) => u.code === '410800')!.indicators.find((i) => i.id === 'outside_funds')!
        .points,
    ).toBe(16);
    expect(cities(edited)).toEqual([
      ['410800', 1],
      ['410300', 2],
    ]);
  });

  it('reads 信息报送质量 from the data-quality checks only when the scheme asks for it', async () => {
    const plain = await runEvaluation(database, request);
    for (const values of Object.values(plain.snapshot.input.values))
      expect(values).not.toHaveProperty('reports.cleanRate');
    // A copy whose reporting indicator reads the share of reports without a finding.
    const text = readFileSync(builtinSchemePath('sibisikan-2020'), 'utf8').replace(
      'metric: reports.onTimeRate',
      'metric: reports.cleanRate',
    );
    const file = join(mkdtempSync(join(tmpdir(), 'sibi-scheme-')), 'quality.yaml');
    writeFileSync(file, text);
    await load(database, 'reports', [report('J1', 8, 6n * YI)]); // September's 5 亿 falls below August's 6 亿
    const quality = await checkDataQuality(database, { region: '410000', period: '2020-09' });
    const run = await runEvaluation(database, { ...request, scheme: file });
    const jiaozuo = quality.units.find((u) => u.region.code === '410800')!;
    expect(jiaozuo.counts.errors).toBeGreaterThan(0);
    for (const unit of quality.units) {
      const evaluated = run.result.units.find((u) => u.code === unit.region.code);
      if (!evaluated) continue;
      expect(evaluated.values['reports.cleanRate']).toBe(unit.metrics['reports.cleanRate']);
      expect(run.snapshot.input.values[unit.region.code]).toMatchObject(unit.metrics);
    }
    expect(run.result.units.find((u) => u.code === '410800')!.values['reports.cleanRate']).toBeLessThan(1);
    await database.db.execute(sql`DELETE FROM monthly_reports WHERE month = 8`);
  });

  it('ranks the cities and the directly administered county in separate groups', async () => {
    const run = await runEvaluation(database, request);
    const cities = run.result.units.filter((u) => u.group === 'city');
    expect(cities.map((u) => u.code).sort()).toEqual(['410300', '410800']);
    expect(run.result.units.find((u) => u.code === '410181')).toMatchObject({
      group: 'direct_county',
      rank: 1,
    });
    // Luoyang's county project counts for Luoyang: 9 亿 of 10 亿 against 9/12 time progress → full points.
    const luoyang = run.result.units.find((u) => u.code === '410300')!;
    expect(luoyang.values['key.investYtd']).toBe(900_000_000);
    const investRate = luoyang.indicators.find((i) => i.id === 'invest_rate')!;
    expect(investRate.score).toBeCloseTo(investRate.points, 10);
    // Jiaozuo has the only outside funds: full points there, Luoyang none.
    const jiaozuo = run.result.units.find((u) => u.code === '410800')!;
    expect(jiaozuo.indicators.find((i) => i.id === 'outside_funds')!.score).toBeGreaterThan(0);
    expect(luoyang.indicators.find((i) => i.id === 'outside_funds')!.score).toBe(0);
    expect(run.published).toBeNull();
    // An unknown group is refused naming the groups as people know them, with their ids.
    const refusal = await runEvaluation(database, { ...request, group: 'district' }).catch(
      (e: Error) => e.message,
    );
    expect(refusal).toContain('河南省下没有分组「district」，可用：');
    expect(refusal).toContain('省辖市（含济源示范区）（city）');
    expect(refusal).toContain('省直管县（市）（direct_county）');
  });

  it('refuses to publish an empty quarter: no unit has data (reproduced: it was published before 0010)', async () => {
    const empty = { ...request, period: '2019Q3' };
    const refused = await publishEvaluation(database, empty).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PublishRefusedError);
    const gate = (refused as PublishRefusedError).gate;
    expect(gate.refusals.map((r) => r.code)).toEqual(['units_without_data', 'coverage']);
    expect(gate.unitsWithoutData.map((u) => u.code).sort()).toEqual(['410181', '410300', '410800']);
    expect(gate.coverage).toBe(0);
    expect((refused as Error).message).toMatch(/3 个参评单位本期没有任何数据：.*数据覆盖率 0\.0%/);
    const stored = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from evaluations where period = '2019Q3'`,
    );
    expect(stored[0]!.n).toBe(0);
    const audit = await queryRows<{ outcome: string; details: { refusals: string[] } }>(
      database.db,
      sql`select outcome, details from audit_log where action = 'evaluation.publish' and details->>'period' = '2019Q3'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.outcome).toBe('rejected');
    // A reason of a word or two is not a reason.
    await expect(publishEvaluation(database, { ...empty, overrideReason: ' 好 ' })).rejects.toBeInstanceOf(
      UsageError,
    );
  });

  it('refuses low coverage against the scheme’s publish.min_coverage, and data-quality errors', async () => {
    const run = await runEvaluation(database, request);
    const gate = await publishGateOf(database, run);
    // 3 units × 17 indicators; the fixture has projects, two deals and nothing else.
    expect(gate.cells).toBe(51);
    expect(gate.coverage).toBeCloseTo(gate.cellsWithData / 51, 12);
    expect(gate.minCoverage).toBe(0.8);
    expect(gate.refusals.map((r) => r.code)).toEqual(['coverage']);
    // A copy of the scheme that asks for less coverage passes.
    const text = readFileSync(builtinSchemePath('sibisikan-2020'), 'utf8').replace(
      /^tie_break:/m,
      `publish:\n  min_coverage: ${Math.floor(gate.coverage * 100) / 100}\ntie_break:`,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'sibi-scheme-')), 'lenient.yaml');
    writeFileSync(file, text);
    const lenient = await publishGateOf(
      database,
      await runEvaluation(database, { ...request, scheme: file }),
    );
    expect(lenient.refusals).toEqual([]);

    // September's 5 亿 falls below August's 6 亿 for Jiaozuo: a data-quality error, unresolved.
    await load(database, 'reports', [report('J1', 8, 6n * YI)]);
    const dirty = await publishGateOf(database, await runEvaluation(database, { ...request, scheme: file }));
    expect(dirty.qualityErrors).toEqual([{ code: '410800', name: '焦作市', errors: 1 }]);
    expect(dirty.refusals.map((r) => r.message)).toEqual(['数据质量检查仍有 1 处错误未解决：焦作市 1 处']);
    await database.db.execute(sql`DELETE FROM monthly_reports WHERE month = 8`);
  });

  it('publishes once with an override reason, stored and audited; keeps the result when data change', async () => {
    const published = await publishEvaluation(database, {
      ...request,
      overrideReason: '试点期间数据不全，经研究同意发布',
    });
    expect(published.gate.override).toMatchObject({ reason: '试点期间数据不全，经研究同意发布', by: 'test' });
    const verification = await verifyEvaluation(database, published.id);
    expect(verification).toMatchObject({
      identical: true,
      storedHash: published.hash,
      recomputedHash: published.hash,
      current: { hash: published.hash, identical: true, moves: [] },
    });
    const stored = await getEvaluation(database.db, published.id);
    expect(stored!.publishGate).toMatchObject({
      refusals: [{ code: 'coverage' }],
      override: { reason: '试点期间数据不全，经研究同意发布', by: 'test' },
    });
    const audit = await queryRows<{ details: { override: string } }>(
      database.db,
      sql`select details from audit_log where action = 'evaluation.publish' and target_id = ${String(published.id)}`,
    );
    expect(audit[0]!.details.override).toBe('试点期间数据不全，经研究同意发布');

    await expect(
      publishEvaluation(database, { ...request, overrideReason: '再发一次试试' }),
    ).rejects.toBeInstanceOf(ConflictError);

    // Jiaozuo reports a big September: the draft moves, the published result does not.
    await load(database, 'reports', [report('J1', 9, 10n * YI, { started: true })]);
    const rerun = await runEvaluation(database, request);
    expect(rerun.published).toMatchObject({ id: published.id, identical: false });
    expect(rerun.published!.moves.map((m) => m.unit)).toContain('410800');
    expect((await getEvaluation(database.db, published.id))!.contentHash).toBe(published.hash);
    // Verification: the stored inputs still give the stored hash; the current data another one.
    const later = await verifyEvaluation(database, published.id);
    expect(later.identical).toBe(true);
    expect(later.recomputedHash).toBe(published.hash);
    expect(later.current!.identical).toBe(false);
    expect(later.current!.hash).toBe(rerun.hash);
    expect(later.current!.moves.map((m) => m.unit)).toContain('410800');
  });

  it('revokes by a record of its own; the scope may then be published again as edition 2', async () => {
    const first = (await findPublished(database.db, 'sibisikan-2020', '410000', '2020Q3'))!;
    await expect(
      revokeEvaluation(database, first.id, { reason: '短', actor: 'test' }),
    ).rejects.toBeInstanceOf(UsageError);
    const revoked = await revokeEvaluation(database, first.id, {
      reason: '焦作市 9 月数据更正后重新发布',
      actor: 'test',
    });
    expect(revoked.id).toBe(first.id);
    await expect(
      revokeEvaluation(database, first.id, { reason: '焦作市 9 月数据更正后重新发布', actor: 'test' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await findPublished(database.db, 'sibisikan-2020', '410000', '2020Q3')).toBeNull();
    expect((await runEvaluation(database, request)).published).toBeNull();

    const second = await publishEvaluation(database, {
      ...request,
      overrideReason: '更正后重新发布，覆盖率不足已知悉',
    });
    expect(second.id).not.toBe(first.id);
    const now = (await findPublished(database.db, 'sibisikan-2020', '410000', '2020Q3'))!;
    expect(now).toMatchObject({ id: second.id, edition: 2, revocation: null });
    // The first edition is still there, as published, marked revoked; it still verifies.
    const old = (await getEvaluation(database.db, first.id))!;
    expect(old).toMatchObject({
      contentHash: first.contentHash,
      edition: 1,
      revocation: { revokedBy: 'test' },
    });
    expect((await verifyEvaluation(database, first.id, { storedOnly: true })).identical).toBe(true);
    const listed = await listPublishedEvaluations(database, { provinceCode: '410000', period: '2020Q3' });
    expect(listed.map((e) => e.id)).toEqual([second.id]);
    const all = await listPublishedEvaluations(database, {
      provinceCode: '410000',
      period: '2020Q3',
      includeRevoked: true,
    });
    expect(all.map((e) => [e.id, e.revocation?.reason ?? null])).toEqual([
      [second.id, null],
      [first.id, '焦作市 9 月数据更正后重新发布'],
    ]);
  });

  it('detects a tampered stored result, which only a trigger switched off allows', async () => {
    const run = await runEvaluation(database, { ...request, period: '2020Q2' });
    const published = await publishEvaluation(database, {
      ...request,
      period: '2020Q2',
      overrideReason: '测试：覆盖率不足仍发布',
    });
    expect(published.hash).toBe(run.hash);
    const tamper = sql`update evaluations set result = jsonb_set(result, '{units,0,adjusted}', '99') where id = ${published.id}`;
    await expect(database.db.execute(tamper)).rejects.toThrow();
    // The table's owner can switch the trigger off; verification still catches the change.
    await database.db.execute(sql`alter table evaluations disable trigger evaluations_published_final`);
    await database.db.execute(tamper);
    await database.db.execute(sql`alter table evaluations enable trigger evaluations_published_final`);
    const v = await verifyEvaluation(database, published.id);
    expect(v.identical).toBe(false);
    expect(v.storedHash).toBe(published.hash);
    expect(v.recomputedHash).toBe(published.hash); // the inputs were not touched, the result was
  });
});

describe.each(testDatabases())('sangeyipi-2022 投产达效 on $name', (target: TestDatabase) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [
        // Luoyang: its one project planned for 2020 is in production; another, planned for 2021, already is.
        project('L1', {
          plannedProduction: '2020-07-31',
          productionStart: '2020-08-15',
          outputValue: 4n * YI,
        }),
        project('L2', {
          regionCode: '410322',
          plannedProduction: '2021-05-01',
          productionStart: '2020-09-01',
          outputValue: 2n * YI,
        }),
        // Jiaozuo: one of two planned for 2020 by 30 September; the other starts in October.
        project('J1', {
          regionCode: '410800',
          plannedProduction: '2020-06-30',
          productionStart: '2020-06-20',
          outputValue: 150_000_000n,
        }),
        project('J2', {
          regionCode: '410800',
          plannedProduction: '2020-12-31',
          productionStart: '2020-10-10',
          outputValue: 3n * YI,
        }),
        // Gongyi (its own group) reports no production at all.
        project('G1', { regionCode: '410181' }),
      ],
      { year: 2020, list: 'province_key' },
    );
  });
  afterAll(() => database.close());

  it('scores 投产达效 from the stored production data', async () => {
    const run = await runEvaluation(database, { scheme: 'sangeyipi-2022', period: '2020Q3', actor: 'test' });
    const unit = (code: string) => run.result.units.find((u) => u.code === code)!;
    const production = (code: string) => unit(code).dimensions.find((d) => d.id === 'production')!.score;
    const indicator = (code: string, id: string) => unit(code).indicators.find((i) => i.id === id)!.score;

    expect(unit('410300').values).toMatchObject({
      'key.productionRate': 1,
      'key.productionStarted': 2,
      'key.outputValue': 600_000_000,
    });
    // Luoyang: rate 1 ≥ time progress 0.75 → 8; the most projects (2) → 6; the most output (6 亿) → 6.
    expect(indicator('410300', 'production_rate')).toBeCloseTo(8, 10);
    expect(indicator('410300', 'production_started')).toBeCloseTo(6, 10);
    expect(indicator('410300', 'output_value')).toBeCloseTo(6, 10);
    expect(production('410300')).toBeCloseTo(20, 10);
    // Jiaozuo: 8 × 0.5 / 0.75 = 5.333…; 6 × 1 / 2 = 3; 6 × 1.5 / 6 = 1.5.
    expect(unit('410800').values['key.productionRate']).toBe(0.5);
    expect(indicator('410800', 'production_rate')).toBeCloseTo(16 / 3, 10);
    expect(indicator('410800', 'production_started')).toBeCloseTo(3, 10);
    expect(indicator('410800', 'output_value')).toBeCloseTo(1.5, 10);
    expect(production('410800')).toBeCloseTo(9 + 5 / 6, 10);
    // Nothing planned, nothing in production: the rate is missing and every production score is 0.
    expect(unit('410181').values['key.productionRate']).toBeNull();
    expect(production('410181')).toBe(0);
  });
});
