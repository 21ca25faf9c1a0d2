// Migration 0010: a published evaluation — snapshot, result, hash — and its revocation are final on
// both databases. Each test tries the change with raw SQL, as someone with a SQL prompt would, and
// asserts the database refuses it and the row is unchanged.
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import type { Database } from './client';
import { getEvaluation, insertEvaluation, insertRevocation } from './evaluations';
import { queryRows } from './query';

const row = (period: string, state: 'draft' | 'published' = 'published') => ({
  schemeId: 'sibisikan-2020',
  schemeVersion: '1',
  period,
  parentCode: '410000',
  provinceCode: '410000',
  state,
  scheme: { id: 'sibisikan-2020' },
  inputs: { units: [] },
  options: {},
  result: { units: [] },
  contentHash: `hash-${period}`,
  createdBy: 'test',
  publishedBy: 'test',
  publishGate: null,
});

/** The error the database raised, as text (drizzle wraps the driver's error in `cause`). */
async function refusal(database: Database, query: SQL): Promise<string> {
  try {
    await database.db.execute(query);
  } catch (error) {
    const e = error as { message?: string; cause?: { message?: string } };
    return `${e.message ?? ''} ${e.cause?.message ?? ''}`;
  }
  throw new Error('the database accepted it');
}

describe.each(testDatabases())('published evaluations are final on $name', (target: TestDatabase) => {
  let database: Database;
  let id = 0;
  beforeAll(async () => {
    database = await target.open();
    id = (await insertEvaluation(database.db, row('2020Q3')))!;
  });
  afterAll(() => database.close());

  const snapshot = async () =>
    queryRows<Record<string, unknown>>(database.db, sql`select * from evaluations order by id`);

  it('refuses UPDATE of every column that makes the result: snapshot, result, hash, state', async () => {
    const before = await snapshot();
    for (const change of [
      sql`update evaluations set content_hash = 'forged' where id = ${id}`,
      sql`update evaluations set result = '{"units":[{"rank":1}]}'::jsonb where id = ${id}`,
      sql`update evaluations set inputs = '{}'::jsonb, scheme = '{}'::jsonb where id = ${id}`,
      sql`update evaluations set state = 'draft' where id = ${id}`,
      sql`update evaluations set publish_gate = '{"override":null}'::jsonb`,
      sql`update evaluations set version = version`,
    ]) {
      expect(await refusal(database, change)).toMatch(/published and final \(UPDATE refused\)/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses DELETE and TRUNCATE (also TRUNCATE … CASCADE)', async () => {
    const before = await snapshot();
    expect(await refusal(database, sql`delete from evaluations where id = ${id}`)).toMatch(
      /published and final \(DELETE refused\)/,
    );
    expect(await refusal(database, sql`delete from evaluations`)).toMatch(/DELETE refused/);
    // Plain TRUNCATE stops at the revocations' foreign key before the trigger; CASCADE reaches it.
    expect(await refusal(database, sql`truncate evaluations`)).toMatch(
      /TRUNCATE refused|referenced in a foreign key/,
    );
    expect(await refusal(database, sql`truncate evaluations restart identity cascade`)).toMatch(
      /TRUNCATE refused/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an UPDATE that publishes a draft; a draft itself may change or go', async () => {
    const draft = (await insertEvaluation(database.db, row('2020Q1', 'draft')))!;
    expect(
      await refusal(database, sql`update evaluations set state = 'published' where id = ${draft}`),
    ).toMatch(/UPDATE refused/);
    await database.db.execute(sql`update evaluations set content_hash = 'redone' where id = ${draft}`);
    await database.db.execute(sql`delete from evaluations where id = ${draft}`);
    expect(await getEvaluation(database.db, draft)).toBeNull();
  });

  it('allows a second edition only after the first is revoked, and the revocation is final too', async () => {
    // Straight SQL cannot slip a second standing publication in beside the first.
    expect(
      await refusal(
        database,
        sql`insert into evaluations (scheme_id, scheme_version, period, parent_code, province_code, state, scheme, inputs, options, result, content_hash, created_by, edition)
            values ('sibisikan-2020', '1', '2020Q3', '410000', '410000', 'published', '{}', '{}', '{}', '{}', 'x', 'sql', 2)`,
      ),
    ).toMatch(/needs edition 1 published and revoked first/);
    expect(await insertEvaluation(database.db, row('2020Q3'))).toBeNull();
    // A revocation must name a published evaluation.
    expect(
      await refusal(
        database,
        sql`insert into evaluation_revocations (evaluation_id, reason, revoked_by) values (999999, 'x', 'sql')`,
      ),
    ).toMatch(/not published|foreign key/);

    const revokedAt = new Date('2020-11-02T08:00:00Z');
    expect(
      await insertRevocation(database.db, {
        evaluationId: id,
        reason: '数据有误',
        revokedBy: 'test',
        revokedAt,
      }),
    ).toBe(true);
    expect(
      await insertRevocation(database.db, {
        evaluationId: id,
        reason: '再撤一次',
        revokedBy: 'test',
        revokedAt,
      }),
    ).toBe(false);
    const revocations = () =>
      queryRows<Record<string, unknown>>(database.db, sql`select * from evaluation_revocations order by id`);
    const before = await revocations();
    expect(before).toHaveLength(1);
    for (const change of [
      sql`update evaluation_revocations set reason = '无'`,
      sql`delete from evaluation_revocations`,
      sql`truncate evaluation_revocations`,
    ]) {
      expect(await refusal(database, change)).toMatch(/append-only|TRUNCATE refused/);
    }
    expect(await revocations()).toEqual(before);
    // The revoked evaluation is still there, unchanged, and says it was revoked.
    const revoked = await getEvaluation(database.db, id);
    expect(revoked).toMatchObject({
      contentHash: 'hash-2020Q3',
      edition: 1,
      revocation: { reason: '数据有误', revokedBy: 'test' },
    });
    expect(revoked!.revocation!.revokedAt.toISOString()).toBe(revokedAt.toISOString());
    expect(await refusal(database, sql`delete from evaluations where id = ${id}`)).toMatch(/DELETE refused/);

    // Now the next edition; edition 3 must wait for edition 2's revocation.
    const second = await insertEvaluation(database.db, { ...row('2020Q3'), contentHash: 'hash-2' });
    expect(await getEvaluation(database.db, second!)).toMatchObject({ edition: 2, revocation: null });
    expect(await insertEvaluation(database.db, row('2020Q3'))).toBeNull();
  });
});
