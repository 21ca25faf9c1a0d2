// A refused request (403/404 by policy, a CSRF failure) written to the audit log (security.md:
// every denial is audited), for the HTTP error handler, which may not write to the database itself.
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';

export interface Refusal {
  /** The account name, or `anonymous`. */
  actor: string;
  ip: string | null;
  /** The policy action refused (`denied.<action>` in the log), or `csrf`. */
  action: string;
  /** `METHOD /route/:pattern`. */
  route: string;
  status: number;
  params: unknown;
}

export async function recordRefusal(database: Database, refusal: Refusal): Promise<void> {
  await writeAudit(database.db, {
    actor: refusal.actor,
    ip: refusal.ip,
    action: `denied.${refusal.action}`,
    targetType: 'route',
    targetId: refusal.route,
    outcome: 'denied',
    details: { status: refusal.status, params: refusal.params },
  });
}
