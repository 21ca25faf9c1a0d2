// Who holds locks on some tables: for a refusal that says what stands in the way (issue #14 item 6).
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from './query';

export interface LockHolder {
  pid: number;
  /** application_name: sibi's connections say `sibi:<command>:<pid>@<host>` (src/db/session-name.ts). */
  application: string;
  user: string | null;
  address: string | null;
  state: string | null;
  /** How long its transaction has been open, in seconds (null outside a transaction). */
  transactionSeconds: number | null;
  query: string;
  /** The tables and lock modes it holds, e.g. `projects RowExclusiveLock`. */
  locks: string;
}

/** The other sessions holding a granted lock on any of `tables`, the longest transaction first. */
export async function lockHolders(tx: Tx, tables: readonly string[]): Promise<LockHolder[]> {
  const rows = await queryRows<{
    pid: number;
    application: string;
    user: string | null;
    address: string | null;
    state: string | null;
    seconds: number | null;
    query: string | null;
    locks: string;
  }>(
    tx,
    sql`select a.pid, a.application_name as application, a.usename::text as user, host(a.client_addr) as address,
               a.state, extract(epoch from now() - a.xact_start)::int as seconds,
               left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 120) as query,
               string_agg(distinct l.relation::regclass::text || ' ' || l.mode, '、') as locks
        from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.granted and l.locktype = 'relation' and l.pid <> pg_backend_pid()
          and l.relation in (select to_regclass(t) from unnest(${`{${tables.join(',')}}`}::text[]) as t)
        group by a.pid, a.application_name, a.usename, a.client_addr, a.state, a.xact_start, a.query
        order by a.xact_start nulls last
        limit 5`,
  );
  return rows.map((r) => ({
    pid: r.pid,
    application: r.application,
    user: r.user,
    address: r.address,
    state: r.state,
    transactionSeconds: r.seconds,
    query: r.query ?? '',
    locks: r.locks,
  }));
}

/** One line per holder, in Chinese, for the refusal. */
export function describeHolders(holders: readonly LockHolder[]): string {
  if (holders.length === 0) return '（拒绝时已没有连接持有这些表的锁：占用是短暂的，稍后再运行即可）';
  return holders
    .map((h) => {
      const who = [h.application || '（未命名连接）', h.user, h.address].filter(Boolean).join('，');
      const open = h.transactionSeconds === null ? '' : `，事务已开 ${h.transactionSeconds} 秒`;
      return `  pid ${h.pid}（${who}）状态 ${h.state ?? '未知'}${open}，持有 ${h.locks}；语句：${h.query}`;
    })
    .join('\n');
}
