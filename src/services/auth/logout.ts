import { writeAudit } from '../../db/audit';
import { deleteSession } from '../../db/auth/sessions';
import type { Database } from '../../db/client';
import type { AuditContext } from '../context';
import { hashToken } from './sessions';

/** Ends the session on the server: the cookie alone is worth nothing afterwards. */
export async function logout(database: Database, ctx: AuditContext, token: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    const ended = await deleteSession(tx, hashToken(token));
    await writeAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'auth.logout',
      targetType: 'user',
      targetId: ctx.actor,
      outcome: ended ? 'ok' : 'failed',
    });
  });
}
