// One shape for every create, update and delete of a record: the change and its audit row in
// one transaction; a stale version is a 409 that changed nothing.
import { writeAudit } from '../../db/audit';
import type { Database } from '../../db/client';
import type { Tx } from '../../db/query';
import type { AuditContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';

export interface AuditTarget {
  action: string;
  targetType: string;
  targetId: string;
  details?: unknown;
}

export const STALE_MESSAGE = '记录已被他人修改，请刷新后重试';

export async function createAudited<T>(
  database: Database,
  ctx: AuditContext,
  target: (row: T) => AuditTarget,
  insert: (tx: Tx) => Promise<T | undefined>,
  duplicateMessage: string,
  after?: (tx: Tx, row: T) => Promise<T>,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    const inserted = await insert(tx);
    if (inserted === undefined) throw new ConflictError(duplicateMessage);
    const row = after ? await after(tx, inserted) : inserted;
    await writeAudit(tx, { actor: ctx.actor, ip: ctx.ip, ...target(row), outcome: 'ok', after: row });
    return row;
  });
}

export async function updateAudited<T>(
  database: Database,
  ctx: AuditContext,
  target: AuditTarget,
  before: T,
  update: (tx: Tx) => Promise<T | undefined>,
  exists: (tx: Tx) => Promise<boolean>,
  after?: (tx: Tx, row: T) => Promise<T>,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    const updated = await update(tx);
    if (updated === undefined) {
      if (await exists(tx)) throw new ConflictError(STALE_MESSAGE);
      throw new NotFoundError('未找到');
    }
    const row = after ? await after(tx, updated) : updated;
    await writeAudit(tx, { actor: ctx.actor, ip: ctx.ip, ...target, outcome: 'ok', before, after: row });
    return row;
  });
}

export async function deleteAudited<T>(
  database: Database,
  ctx: AuditContext,
  target: AuditTarget,
  before: T,
  remove: (tx: Tx) => Promise<boolean>,
  exists: (tx: Tx) => Promise<boolean>,
  first?: (tx: Tx) => Promise<void>,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    if (first) await first(tx);
    if (!(await remove(tx))) {
      if (await exists(tx)) throw new ConflictError(STALE_MESSAGE);
      throw new NotFoundError('未找到');
    }
    await writeAudit(tx, { actor: ctx.actor, ip: ctx.ip, ...target, outcome: 'ok', before });
  });
}
