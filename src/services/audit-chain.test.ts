// The audit log's hash chain (issue #14 item 8): every row is chained by the database as it is written,
// parallel writers queue on the chain head instead of forking it, and verify names a row that was
// edited, deleted or moved — with the append-only guard switched off as only the owner could.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { writeAudit } from '../db/audit';
import { type Database, openDatabase } from '../db/client';
import { applyMigrations, forgetMigrations, migrationFiles } from '../db/migration-level';
import { queryRows } from '../db/query';
import { verifyAuditLog } from './audit-log';

const ctx = { actor: 'verifier', ip: null, now: new Date() };

/** Writes `n` audit rows and returns their ids in order. */
async function writeRows(database: Database, n: number): Promise<number[]> {
  for (let i = 1; i <= n; i++) {
    await writeAudit(database.db, {
      actor: `user${i}`,
      action: 'test.write',
      outcome: 'ok',
      targetType: 'deal',
      targetId: String(i),
      before: { amount: `${i}00` },
      after: { amount: `${i}01`, note: '更正' },
    });
  }
  const rows = await queryRows<{ id: number }>(
    database.db,
    sql`select id::int as id from audit_log where action = 'test.write' order by chain_seq`,
  );
  return rows.map((r) => r.id);
}

/** What an owner (or anyone past the privileges) could do: the append-only guard off for one change. */
async function tamper(database: Database, ...changes: ReturnType<typeof sql>[]): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    for (const change of changes) await tx.execute(change);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  });
}

async function chainOf(database: Database, id: number): Promise<number> {
  const [row] = await queryRows<{ seq: number }>(
    database.db,
    sql`select chain_seq::int as seq from audit_log where id = ${id}`,
  );
  return row!.seq;
}

describe.each(testDatabases())('the audit hash chain on $name', (target: TestDatabase) => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('chains every row as it is written, whatever the insert says, and verify finds it whole', async () => {
    database = await target.open();
    await writeRows(database, 5);
    // A writer cannot choose its place or its hash.
    await database.db.execute(
      sql`insert into audit_log (actor, action, outcome, chain_seq, prev_hash, hash) values ('x', 'test.forge', 'ok', 1, 'a', 'b')`,
    );
    const rows = await queryRows<{ seq: number; prev: string; hash: string; ok: boolean }>(
      database.db,
      sql`select chain_seq::int as seq, prev_hash as prev, hash, hash = audit_log_hash(a) as ok from audit_log a order by chain_seq`,
    );
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.every((r) => r.ok && /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(rows[0]!.prev).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev).toBe(rows[i - 1]!.hash);
    const report = await verifyAuditLog(database, ctx);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: rows.length, firstSeq: 1, lastSeq: rows.length });
    expect(report.headHash).toBe(rows[rows.length - 1]!.hash);
    // The check itself is recorded, on the chain.
    const [last] = await queryRows<{ action: string; outcome: string; seq: number }>(
      database.db,
      sql`select action, outcome, chain_seq::int as seq from audit_log order by chain_seq desc limit 1`,
    );
    expect(last).toEqual({ action: 'audit.verify', outcome: 'ok', seq: rows.length + 1 });
  });

  it('keeps one chain under parallel writers (each in its own transaction, held open a moment)', async () => {
    database = await target.open();
    const db = database.db;
    const writers = 24;
    await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        db.transaction(async (tx) => {
          await writeAudit(tx, { actor: `parallel${i}`, action: 'test.parallel', outcome: 'ok' });
          // Keep the transaction open so the others arrive while it holds its place.
          await tx.execute(sql`select pg_sleep(0.02)`);
          await writeAudit(tx, { actor: `parallel${i}`, action: 'test.parallel.second', outcome: 'ok' });
        }),
      ),
    );
    const [counts] = await queryRows<{ n: number; seqs: number; prevs: number; max: number }>(
      db,
      sql`select count(*)::int as n, count(distinct chain_seq)::int as seqs, count(distinct prev_hash)::int as prevs,
                 max(chain_seq)::int as max from audit_log`,
    );
    expect(counts).toEqual({ n: writers * 2, seqs: writers * 2, prevs: writers * 2, max: writers * 2 });
    const report = await verifyAuditLog(database, ctx);
    expect(report.problems).toEqual([]);
    expect(report.rows).toBe(writers * 2);
  });

  it('names an edited row', async () => {
    database = await target.open();
    const ids = await writeRows(database, 5);
    await tamper(database, sql`update audit_log set after = '{"amount": "9999"}' where id = ${ids[2]}`);
    const report = await verifyAuditLog(database, ctx);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'edited', seq: await chainOf(database, ids[2]!), id: ids[2] }),
    ]);
    expect(report.problems[0]!.message).toContain(`（id ${ids[2]}）的内容与其哈希不符`);
    // The failed check is recorded too.
    const [last] = await queryRows<{ outcome: string }>(
      database.db,
      sql`select outcome from audit_log where action = 'audit.verify' order by chain_seq desc limit 1`,
    );
    expect(last!.outcome).toBe('failed');
  });

  it('names a row edited together with its own hash (the next row’s link breaks)', async () => {
    database = await target.open();
    const ids = await writeRows(database, 4);
    await tamper(
      database,
      sql`update audit_log set actor = 'someone-else' where id = ${ids[1]}`,
      sql`update audit_log a set hash = audit_log_hash(a) where id = ${ids[1]}`,
    );
    const report = await verifyAuditLog(database, ctx);
    const seq = await chainOf(database, ids[2]!);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'link', seq, id: ids[2] })]);
    expect(report.problems[0]!.message).toContain(`第 ${seq - 1} 条不符`);
  });

  it('names a deleted row in the middle and deleted rows at the end', async () => {
    database = await target.open();
    const ids = await writeRows(database, 6);
    const middle = await chainOf(database, ids[2]!);
    await tamper(database, sql`delete from audit_log where id in (${ids[2]}, ${ids[4]}, ${ids[5]})`);
    const report = await verifyAuditLog(database, ctx);
    expect(report.problems.map((p) => [p.kind, p.seq])).toEqual([
      ['missing', middle],
      ['tail', middle + 2],
    ]);
    expect(report.problems[0]!.message).toBe(
      `缺少第 ${middle} 条（在第 ${middle - 1} 条与第 ${middle + 1} 条之间）：被删除了`,
    );
    expect(report.problems[1]!.message).toContain(`链尾缺少第 ${middle + 2} 至 ${middle + 3} 条`);
  });

  it('names rows whose order was changed', async () => {
    database = await target.open();
    const ids = await writeRows(database, 5);
    const [a, b] = [await chainOf(database, ids[1]!), await chainOf(database, ids[2]!)];
    await tamper(
      database,
      sql`update audit_log set chain_seq = -1 where id = ${ids[1]}`,
      sql`update audit_log set chain_seq = ${a} where id = ${ids[2]}`,
      sql`update audit_log set chain_seq = ${b} where id = ${ids[1]}`,
    );
    const report = await verifyAuditLog(database, ctx);
    expect(report.ok).toBe(false);
    const named = report.problems.filter((p) => p.kind === 'edited').map((p) => [p.seq, p.id]);
    expect(named).toEqual([
      [a, ids[2]],
      [b, ids[1]],
    ]);
  });

  it('names a row slipped in with the chain trigger off', async () => {
    database = await target.open();
    await writeRows(database, 2);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_chain`);
      await tx.execute(
        sql`insert into audit_log (actor, action, outcome) values ('ghost', 'test.slipped', 'ok')`,
      );
      await tx.execute(sql`alter table audit_log enable trigger audit_log_chain`);
    });
    const [ghost] = await queryRows<{ id: number }>(
      database.db,
      sql`select id::int as id from audit_log where actor = 'ghost'`,
    );
    const report = await verifyAuditLog(database, ctx);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'unchained', id: ghost!.id })]);
  });

  it('accepts a retention purge (rows older than 180 days, by the owner) and starts the chain after it', async () => {
    database = await target.open();
    for (const days of [400, 300, 10]) {
      await database.db.execute(
        sql`insert into audit_log (at, actor, action, outcome) values (now() - make_interval(days => ${days}), 'old', 'test.old', 'ok')`,
      );
    }
    await database.db.execute(sql`delete from audit_log where at < now() - interval '180 days'`);
    const report = await verifyAuditLog(database, ctx);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, purgedSeq: 2, firstSeq: 3, rows: 1 });
    // A recent row deleted the same way is a deletion, not a purge.
    await tamper(database, sql`delete from audit_log where actor = 'old'`);
    const after = await verifyAuditLog(database, ctx);
    expect(after.problems.map((p) => [p.kind, p.seq])).toEqual([['start', 3]]);
  });
});

describe('rows written before migration 0015', () => {
  it('are chained by the migration, oldest id first, and verify finds the chain whole', async () => {
    const database = await openDatabase({ migrate: false });
    try {
      const files = migrationFiles();
      const at = files.findIndex((m) => m.tag === '0015_audit_chain_version');
      expect(at).toBeGreaterThan(0);
      await database.db.transaction(async (tx) => {
        await forgetMigrations(tx);
        await applyMigrations(tx, files.slice(0, at));
      });
      for (const actor of ['before1', 'before2', 'before3']) {
        await database.db.execute(
          sql`insert into audit_log (actor, action, outcome) values (${actor}, 'test.old', 'ok')`,
        );
      }
      await database.db.transaction((tx) => applyMigrations(tx, files.slice(at)));
      const rows = await queryRows<{ actor: string; seq: number }>(
        database.db,
        sql`select actor, chain_seq::int as seq from audit_log order by chain_seq`,
      );
      expect(rows).toEqual([
        { actor: 'before1', seq: 1 },
        { actor: 'before2', seq: 2 },
        { actor: 'before3', seq: 3 },
      ]);
      await writeAudit(database.db, { actor: 'after', action: 'test.new', outcome: 'ok' });
      const report = await verifyAuditLog(database, ctx);
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ ok: true, firstSeq: 1, lastSeq: 4 });
      // The append-only guard is back on after the migration's one update.
      await expect(database.db.execute(sql`update audit_log set actor = 'x'`)).rejects.toThrow();
    } finally {
      await database.close();
    }
  });
});
