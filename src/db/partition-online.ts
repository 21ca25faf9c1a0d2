// `sibi db partition` on a database that serves traffic (issue #14 item 6). The one-transaction
// rebuild (partitionTables) holds monthly_reports and project_months ACCESS EXCLUSIVE for the whole
// copy, and dropping the old table takes projects ACCESS EXCLUSIVE too (its foreign key's triggers
// live there): every request waited for the copy, and a request that held projects while waiting for
// its report was chosen as the deadlock victim. Here the work is cut into short steps, each its own
// transaction on one connection of its own:
//
//   1. prepare  — the shadow (partitioned, empty, every key and index) and the mirror trigger
//                 (src/db/partition-shadow.ts); SHARE ROW EXCLUSIVE on the tables and projects, ms;
//   2. copy     — the rows written before the mirror, in batches of pages, each row FOR SHARE NOWAIT;
//                 no table lock stronger than a writer's, a writer's row is never waited for;
//   3. compare  — row count and row hashes of table and shadow, in one snapshot;
//   4. swap     — ACCESS EXCLUSIVE on projects and the tables, only catalog changes: milliseconds;
//   5. split    — provinces added since get their partition (rows moved out of DEFAULT).
//
// Every lock request waits at most `lockTimeoutMs` (below deadlock_timeout, so when a request of
// ours and a writer's wait for each other it is ours that gives way, never the writer), then the
// step is rolled back and tried again after a growing pause; after `giveUpMs` the command refuses,
// naming the sessions that hold the tables. A run that stops anywhere leaves the tables as they were
// (each step commits whole or not at all); the shadow and mirror of an interrupted run are picked up
// by the next run, or removed by abandonOnlinePartition (`sibi db partition --abandon`).
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type Database, type Db, MIGRATION_LOCK } from './client';
import { quoteIdent } from './dump/catalog';
import { readGrants, restoreGrants } from './dump/privileges';
import { describeHolders, type LockHolder, lockHolders } from './lock-holders';
import {
  childPartitions,
  converted,
  giveToOwner,
  ownerOf,
  PARTITIONED_TABLES,
  PartitionRefusedError,
  partitionsOf,
  provinceCodes,
  readCatalog,
  relationKind,
  splitNewProvinces,
  type TablePartitioning,
} from './partition';
import {
  type Catalog,
  columnsOf,
  compareWithShadow,
  copyIntoShadow,
  createMirror,
  createShadow,
  dropReplaced,
  dropShadow,
  exec,
  pagesOf,
  replacedName,
  shadowName,
  shadowState,
  swapInShadow,
} from './partition-shadow';
import { queryRows, type Tx } from './query';

/** One `sibi db partition` at a time (a session lock, held for the run). */
export const PARTITION_LOCK = 73_110_002;

export interface OnlineOptions {
  /** How long one lock request waits before the step gives way (ms); kept below deadlock_timeout. */
  lockTimeoutMs?: number;
  /** How long a step keeps trying before the command refuses (ms). */
  giveUpMs?: number;
  /** Pages per copy batch to start with (the size then follows the time a batch takes). */
  batchPages?: number;
  /** One line per step, for the command's progress. */
  progress?: (line: string) => void;
}

export interface OnlineRun {
  tables: TablePartitioning[];
  /** Tables whose shadow an interrupted run had left, taken up again. */
  resumed: string[];
  batches: number;
  /** Steps rolled back and tried again because a lock (or a row) was not granted in time. */
  retries: number;
  /** The longest ACCESS EXCLUSIVE hold (the swap, a split), ms. */
  exclusiveMs: number;
  copyMs: number;
  lockTimeoutMs: number;
  /** Replaced tables that could not be dropped yet (projects busy throughout): the next run drops them. */
  leftovers: string[];
}

/** A step that could not get its locks in time, however often it was tried: nothing half done. */
export class PartitionLockError extends Error {
  override name = 'PartitionLockError';
  constructor(
    message: string,
    readonly holders: LockHolder[],
  ) {
    super(message);
  }
}

const BATCH_TARGET_MS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sqlState = (error: unknown): string | undefined => {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  while (e && !(typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))) e = e.cause as never;
  return e?.code as string | undefined;
};
/** Lock not granted in time (lock_timeout, NOWAIT), or ours chosen as a deadlock's victim. */
const GIVES_WAY = new Set(['55P03', '40P01']);

export async function partitionTablesOnline(
  database: Database,
  options: OnlineOptions = {},
): Promise<OnlineRun> {
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const client = new pg.Client(pool.options);
  await client.connect();
  const db = drizzle(client) as unknown as Db;
  try {
    return await new OnlineRunner(db, options).run();
  } finally {
    await client.end();
  }
}

/** Removes what an interrupted or refused run left (the shadows and the mirror triggers). */
export async function abandonOnlinePartition(
  database: Database,
  options: OnlineOptions = {},
): Promise<string[]> {
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const client = new pg.Client(pool.options);
  await client.connect();
  const db = drizzle(client) as unknown as Db;
  try {
    const runner = new OnlineRunner(db, options);
    await runner.begin();
    const removed: string[] = [];
    for (const table of PARTITIONED_TABLES) {
      const dropped = await runner.step(`撤销 ${table} 的影子表`, [table], () =>
        db.transaction(async (tx) => {
          await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
          return dropShadow(tx, table);
        }),
      );
      if (dropped) removed.push(table);
    }
    return removed;
  } finally {
    await client.end();
  }
}

class OnlineRunner {
  private readonly lockTimeoutMs: number;
  private readonly giveUpMs: number;
  private batchPages: number;
  /** Rows of each table when it and its shadow were found alike. */
  private readonly compared = new Map<string, number>();
  private readonly say: (line: string) => void;
  readonly report: OnlineRun;

  constructor(
    private readonly db: Db,
    options: OnlineOptions,
  ) {
    this.lockTimeoutMs = options.lockTimeoutMs ?? 500;
    this.giveUpMs = options.giveUpMs ?? 120_000;
    this.batchPages = options.batchPages ?? 64;
    this.say = options.progress ?? (() => {});
    this.report = {
      tables: [],
      resumed: [],
      batches: 0,
      retries: 0,
      exclusiveMs: 0,
      copyMs: 0,
      lockTimeoutMs: this.lockTimeoutMs,
      leftovers: [],
    };
  }

  /** The run's session lock, and every lock request of the session bounded below deadlock_timeout. */
  async begin(): Promise<void> {
    const [lock] = await queryRows<{ got: boolean }>(
      this.db,
      sql`select pg_try_advisory_lock(${PARTITION_LOCK}) as got`,
    );
    if (!lock!.got) {
      const holders = await queryRows<{ pid: number; application: string }>(
        this.db,
        sql`select l.pid, a.application_name as application from pg_locks l join pg_stat_activity a using (pid)
            where l.locktype = 'advisory' and l.objid = ${PARTITION_LOCK} and l.granted`,
      );
      const who = holders.map((h) => `pid ${h.pid}（${h.application}）`).join('、');
      throw new PartitionRefusedError(`另一个 sibi db partition 正在运行（${who}），本次未做任何改动`);
    }
    const [setting] = await queryRows<{ ms: number }>(
      this.db,
      sql`select setting::int as ms from pg_settings where name = 'deadlock_timeout'`,
    );
    // Ours must give way first: a writer waiting on us runs its deadlock check after deadlock_timeout.
    const timeout = Math.max(50, Math.min(this.lockTimeoutMs, Math.floor(setting!.ms / 2)));
    this.report.lockTimeoutMs = timeout;
    await exec(this.db, `set lock_timeout = '${timeout}ms'`);
    await exec(this.db, `set statement_timeout = 0`);
  }

  /**
   * Runs one step (a transaction, or one statement) until it gets its locks: each time a lock is not
   * granted the step is rolled back whole, and tried again after a pause that grows (with jitter)
   * up to 5 s; after giveUpMs the command refuses, naming who holds `tables`.
   */
  async step<T>(what: string, tables: readonly string[], work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!GIVES_WAY.has(sqlState(error) ?? '')) throw error;
        this.report.retries++;
        if (performance.now() - started > this.giveUpMs) {
          const holders = await lockHolders(this.db, tables);
          throw new PartitionLockError(
            `${what}：${Math.round(this.giveUpMs / 1000)} 秒内试了 ${attempt} 次（每次等锁至多 ${this.report.lockTimeoutMs} 毫秒）` +
              `仍拿不到 ${tables.join('、')} 的锁，已停止；表保持原样。正在使用这些表的连接：\n${describeHolders(holders)}\n` +
              '请结束上面长时间未提交的事务（或在业务低峰）后再运行 sibi db partition：已复制的部分保留，会接着做；' +
              '不想继续时运行 sibi db partition --abandon 撤销。',
            holders,
          );
        }
        await sleep(Math.min(5_000, 50 * 2 ** Math.min(attempt, 7)) * (0.5 + Math.random() / 2));
      }
    }
  }

  async run(): Promise<OnlineRun> {
    await this.begin();
    const converting = await this.prepare();
    for (const table of converting) await this.copy(table);
    for (const table of converting) await this.compare(table);
    if (converting.length > 0) await this.swap(converting);
    await this.dropReplaced();
    for (const table of PARTITIONED_TABLES) await this.split(table);
    for (const result of this.report.tables) {
      if (result.action !== 'unchanged') await exec(this.db, `analyze ${quoteIdent(result.table)}`);
      result.partitions = (await partitionsOf(this.db, result.table)) ?? [];
    }
    return this.report;
  }

  /**
   * The other tables bound to ours by foreign keys: `referenced` (projects: a foreign key made or
   * attached locks it SHARE ROW EXCLUSIVE, one dropped ACCESS EXCLUSIVE), `referencing` (their keys
   * are dropped and made again in the swap).
   */
  private async neighbours(): Promise<{ referenced: string[]; referencing: string[] }> {
    const rows = await queryRows<{ name: string; referenced: boolean }>(
      this.db,
      sql`select distinct c.relname as name, c.oid = k.confrelid as referenced from pg_constraint k
          join pg_class c on c.oid in (k.conrelid, k.confrelid)
          where k.contype = 'f' and (k.conrelid = any (${this.oids()}) or k.confrelid = any (${this.oids()}))
            and not (c.oid = any (${this.oids()})) and c.relname not like '%\_\_%'
          order by 1`,
    );
    return {
      referenced: rows.filter((r) => r.referenced).map((r) => r.name),
      referencing: rows.filter((r) => !r.referenced).map((r) => r.name),
    };
  }

  private oids() {
    return sql`array(select to_regclass(t) from unnest(${`{${PARTITIONED_TABLES.join(',')}}`}::text[]) as t)`;
  }

  /**
   * Step 1: the shadow of each plain table, then the mirror, in two transactions. The first locks
   * projects SHARE ROW EXCLUSIVE (the shadow's foreign keys) and nothing a request holds; the second
   * only the tables, ACCESS EXCLUSIVE for the moment it takes to make the triggers: a weaker lock
   * would let a request that read a report first and writes it next go ahead of ours forever.
   * What an interrupted run left is taken up where it stopped.
   */
  private async prepare(): Promise<string[]> {
    const { referenced } = await this.neighbours();
    const plain: string[] = [];
    for (const table of PARTITIONED_TABLES) {
      if ((await relationKind(this.db, table)) !== 'p') plain.push(table);
    }
    if (plain.length === 0) return [];
    await this.step('建影子表', referenced, () =>
      this.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        const provinces = await provinceCodes(tx);
        for (const table of plain) {
          if (!(await shadowState(tx, table)).shadow) {
            await createShadow(tx, table, provinces, await readCatalog(tx, table));
            // Made by whoever runs the command: the table's owner gets them now, not in the swap.
            await giveToOwner(tx, shadowName(table), await ownerOf(tx, table));
          }
        }
      }),
    );
    await this.step('装同步触发器', plain, () =>
      this.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        await exec(tx, `lock table ${plain.map(quoteIdent).join(', ')} in access exclusive mode`);
        const held = performance.now();
        const resumed: string[] = [];
        for (const table of plain) {
          if ((await shadowState(tx, table)).mirrored) resumed.push(table);
          else await createMirror(tx, table, await readCatalog(tx, table));
        }
        this.report.resumed = resumed;
        this.report.exclusiveMs = Math.max(this.report.exclusiveMs, performance.now() - held);
      }),
    );
    this.say(
      `已建影子表与同步触发器：${plain.join('、')}${this.report.resumed.length > 0 ? `（接着上次未完成的：${this.report.resumed.join('、')}）` : ''}`,
    );
    return plain;
  }

  /** Step 2: the rows written before the mirror, batch by batch of pages. */
  private async copy(table: string): Promise<void> {
    const started = performance.now();
    const columns = await columnsOf(this.db, table);
    const pages = await pagesOf(this.db, table);
    let copied = 0;
    for (let from = 0; from < pages; ) {
      const to = Math.min(pages, from + this.batchPages);
      const batchStarted = performance.now();
      const rows = await this.step(`复制 ${table}（第 ${from}–${to} 页）`, [table], async () => {
        try {
          return await copyIntoShadow(this.db, table, columns, { from, to });
        } catch (error) {
          // A writer holds a row of the batch: a smaller batch next time.
          this.batchPages = Math.max(1, Math.floor(this.batchPages / 2));
          throw error;
        }
      });
      const took = performance.now() - batchStarted;
      this.report.batches++;
      copied += rows;
      from = to;
      if (took < BATCH_TARGET_MS / 2) this.batchPages = Math.min(4096, this.batchPages * 2);
      else if (took > BATCH_TARGET_MS * 2) this.batchPages = Math.max(1, Math.floor(this.batchPages / 2));
    }
    const took = performance.now() - started;
    this.report.copyMs += took;
    this.say(`${table}：已复制 ${copied} 行（${pages} 页），${(took / 1000).toFixed(1)} 秒`);
  }

  /** Step 3: table and shadow alike; else the shadow is removed and the command refuses. */
  private async compare(table: string): Promise<void> {
    const columns = await columnsOf(this.db, table);
    const result = await compareWithShadow(this.db, table, columns);
    this.compared.set(table, result.rows);
    if (result.same) return;
    await this.step(`撤销 ${table} 的影子表`, [table], () =>
      this.db.transaction(async (tx) => {
        await dropShadow(tx, table);
      }),
    );
    throw new Error(
      `${table} 与影子表核对不符（${result.rows} 行对 ${result.shadowRows} 行），已撤销影子表，表保持原样；请报告此问题`,
    );
  }

  /**
   * Step 4: the shadows take the tables' places, in one short transaction that changes only the
   * catalog. It locks the tables first (as writers do: reports, then what their triggers derive), then
   * the shadows (written only by the tables' mirrors, so free once the tables are held); never
   * projects, which every request reads (see dropReplaced).
   */
  private async swap(tables: readonly string[]): Promise<void> {
    const { referencing } = await this.neighbours();
    const locked = [...tables, ...tables.map(shadowName), ...referencing];
    await this.step('切换（影子表替换原表）', locked, () =>
      this.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        // What the swap needs from the catalog, read before the tables are held (DDL waits for the
        // migration lock we hold; sameColumns checks again under the lock).
        const provinces = await provinceCodes(tx);
        const grants = await readGrants(tx);
        const catalogs = new Map<string, Catalog>();
        for (const table of tables) catalogs.set(table, await readCatalog(tx, table));
        await exec(tx, `lock table ${locked.map(quoteIdent).join(', ')} in access exclusive mode`);
        const held = performance.now();
        const done: TablePartitioning[] = [];
        for (const table of tables) {
          const catalog = catalogs.get(table)!;
          await this.sameColumns(tx, table, catalog.columns);
          await swapInShadow(tx, table, catalog);
          done.push(converted(table, provinces, this.compared.get(table) ?? 0));
        }
        await restoreGrants(tx, grants);
        this.report.exclusiveMs = Math.max(this.report.exclusiveMs, performance.now() - held);
        this.report.tables.push(...done);
      }),
    );
    this.say(`已切换：${tables.join('、')}（独占锁 ${Math.round(this.report.exclusiveMs)} 毫秒）`);
  }

  /**
   * The replaced tables dropped, each in its own transaction: that drops their foreign keys'
   * triggers on projects, so it waits (at most the lock timeout, again and again) for projects
   * ACCESS EXCLUSIVE. Nothing uses the replaced tables any more, so nothing can wait on us in turn.
   * When it cannot get the lock the partitioning stands; the next run drops them.
   */
  private async dropReplaced(): Promise<void> {
    const { referenced } = await this.neighbours();
    for (const table of PARTITIONED_TABLES) {
      try {
        const dropped = await this.step(
          `删除 ${replacedName(table)}`,
          [...referenced, replacedName(table)],
          () => this.db.transaction((tx) => dropReplaced(tx, table)),
        );
        if (dropped) this.say(`已删除被替换的旧表 ${replacedName(table)}`);
      } catch (error) {
        if (!(error instanceof PartitionLockError)) throw error;
        this.report.leftovers.push(replacedName(table));
        this.say(
          `${replacedName(table)} 暂未删除（${referenced.join('、')} 一直有人在用）：再次运行 sibi db partition 时删除`,
        );
      }
    }
  }

  /** A migration between copy and swap (a column added) would leave the shadow behind: refused. */
  private async sameColumns(tx: Tx, table: string, columns: readonly string[]): Promise<void> {
    const shadow = await columnsOf(tx, shadowName(table));
    if (shadow.join(',') !== columns.join(',')) {
      throw new PartitionRefusedError(
        `表 ${table} 的列在复制期间变了（数据库迁移？）：运行 sibi db partition --abandon 后再运行一次`,
      );
    }
  }

  /**
   * Step 5: provinces without a partition get theirs, each table in one short transaction: projects
   * SHARE ROW EXCLUSIVE (attaching clones the foreign key), the table SHARE UPDATE EXCLUSIVE (reads
   * and writes go on), its DEFAULT partition ACCESS EXCLUSIVE while the province's rows move out.
   */
  private async split(table: string): Promise<void> {
    const { referenced: neighbours } = await this.neighbours();
    const result = await this.step(`为新增的省建 ${table} 的分区`, [...neighbours, table], () =>
      this.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        const provinces = await provinceCodes(tx);
        const parts = await childPartitions(tx, table);
        const covered = new Set(parts.flatMap((p) => p.values ?? []));
        const fallback = parts.find((p) => p.values === null);
        if (provinces.some((p) => !covered.has(p))) {
          if (neighbours.length > 0)
            await exec(tx, `lock table ${neighbours.map(quoteIdent).join(', ')} in share row exclusive mode`);
          await exec(tx, `lock table ${quoteIdent(table)} in share update exclusive mode`);
          if (fallback) await exec(tx, `lock table ${quoteIdent(fallback.name)} in access exclusive mode`);
        }
        const owner = await ownerOf(tx, table);
        const started = performance.now();
        const done = await splitNewProvinces(tx, table, provinces);
        if (done.action !== 'unchanged') {
          await giveToOwner(tx, table, owner);
          this.report.exclusiveMs = Math.max(this.report.exclusiveMs, performance.now() - started);
        }
        return done;
      }),
    );
    const earlier = this.report.tables.find((t) => t.table === table);
    if (!earlier) this.report.tables.push(result);
    else if (result.action !== 'unchanged') {
      earlier.added.push(...result.added.filter((p) => !earlier.added.includes(p)));
      earlier.movedRows += result.movedRows;
    }
    const order = (t: TablePartitioning) =>
      PARTITIONED_TABLES.indexOf(t.table as (typeof PARTITIONED_TABLES)[number]);
    this.report.tables.sort((a, b) => order(a) - order(b));
  }
}
