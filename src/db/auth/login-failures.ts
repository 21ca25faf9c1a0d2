// Failed logins of an account in the last hour, counted from the audit log (the one record of them).
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../query';

export async function recentLoginFailures(db: Tx, username: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from audit_log
        where action = 'auth.login' and outcome = 'failed' and target_type = 'user' and target_id = ${username}
          and at > now() - interval '1 hour'`,
  );
  return rows[0]?.n ?? 0;
}
