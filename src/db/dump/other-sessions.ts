// Who else is using this PostgreSQL database: the sibi processes connected to it (their pools name
// themselves, src/db/session-name.ts), other than the pool asking. A restore refuses while any is.
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../query';
import { SESSION_PREFIX } from '../session-name';

export interface OtherSession {
  /** `sibi:<command>:<pid>@<host>`: which command of which process on which machine. */
  name: string;
  user: string;
  /** How many connections that process holds. */
  connections: number;
  /** Where it connects from, and since when (null where this role may not see it). */
  address: string | null;
  since: string | null;
}

/**
 * The other sibi processes connected to the current database. Sessions of this pool share its
 * application_name and are left out; application_name and user are visible to every role, address
 * and start time only to the same role or pg_read_all_stats (otherwise null).
 */
export async function otherSibiSessions(tx: Tx): Promise<OtherSession[]> {
  return queryRows<OtherSession>(
    tx,
    sql`select application_name as name, coalesce(usename::text, '') as user,
               count(*)::int as connections,
               min(host(client_addr)) as address,
               to_char(min(backend_start) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as since
        from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()
          and starts_with(application_name, ${SESSION_PREFIX})
          and application_name <> current_setting('application_name')
        group by application_name, usename
        order by application_name`,
  );
}
