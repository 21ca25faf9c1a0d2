// A 通报 (or its spreadsheet 附件 of red and yellow projects) fetched through the web: composed, and the
// download recorded in the audit log (the route renders it to the requested format).
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import type { AuditContext } from './context';
import {
  type BulletinOutcome,
  type BulletinRequest,
  composeBulletin,
  composeWarningsAnnex,
  type WarningsAnnex,
} from './write-bulletin';

export async function composeBulletinDownload(
  database: Database,
  ctx: AuditContext,
  request: Omit<BulletinRequest, 'actor' | 'now'>,
  format: string,
): Promise<BulletinOutcome> {
  const outcome = await composeBulletin(database, { ...request, now: ctx.now, actor: ctx.actor });
  await auditDownload(database, ctx, request, format, outcome.evaluationId);
  return outcome;
}

/** The spreadsheet 附件 (format "xlsx"), audited like the bulletin itself. */
export async function composeAnnexDownload(
  database: Database,
  ctx: AuditContext,
  request: Omit<BulletinRequest, 'actor' | 'now'>,
): Promise<WarningsAnnex> {
  const annex = await composeWarningsAnnex(database, { ...request, now: ctx.now, actor: ctx.actor });
  await auditDownload(database, ctx, request, 'xlsx', annex.evaluationId);
  return annex;
}

function auditDownload(
  database: Database,
  ctx: AuditContext,
  request: Omit<BulletinRequest, 'actor' | 'now'>,
  format: string,
  evaluationId: number | null,
) {
  return writeAudit(database.db, {
    actor: ctx.actor,
    ip: ctx.ip,
    action: 'bulletin.download',
    targetType: 'evaluation',
    targetId: evaluationId === null ? null : String(evaluationId),
    outcome: 'ok',
    details: {
      period: request.period,
      region: request.region ?? null,
      scheme: request.scheme ?? null,
      format,
    },
  });
}
