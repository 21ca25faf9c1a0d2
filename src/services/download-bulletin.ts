// A 通报 fetched through the web: composed, and the download recorded in the audit log (the route
// renders it to the requested format).
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import type { AuditContext } from './context';
import { type BulletinOutcome, type BulletinRequest, composeBulletin } from './write-bulletin';

export async function composeBulletinDownload(
  database: Database,
  ctx: AuditContext,
  request: Omit<BulletinRequest, 'actor' | 'now'>,
  format: string,
): Promise<BulletinOutcome> {
  const outcome = await composeBulletin(database, { ...request, now: ctx.now, actor: ctx.actor });
  await writeAudit(database.db, {
    actor: ctx.actor,
    ip: ctx.ip,
    action: 'bulletin.download',
    targetType: 'evaluation',
    targetId: outcome.evaluationId === null ? null : String(outcome.evaluationId),
    outcome: 'ok',
    details: {
      period: request.period,
      region: request.region ?? null,
      scheme: request.scheme ?? null,
      format,
    },
  });
  return outcome;
}
