// The 通报 data stored with a published evaluation (see domain/bulletin/snapshot.ts): written once in
// the publishing transaction, read by every later download of that period's bulletin.
import { eq } from 'drizzle-orm';
import type { Tx } from './query';
import { bulletinSnapshots } from './schema';

export async function insertBulletinSnapshot(tx: Tx, evaluationId: number, snapshot: unknown): Promise<void> {
  await tx.insert(bulletinSnapshots).values({ evaluationId, snapshot });
}

/** The stored JSON, or null for an evaluation published before bulletin data were stored. */
export async function getBulletinSnapshot(db: Tx, evaluationId: number): Promise<unknown | null> {
  const rows = await db
    .select({ snapshot: bulletinSnapshots.snapshot })
    .from(bulletinSnapshots)
    .where(eq(bulletinSnapshots.evaluationId, evaluationId))
    .limit(1);
  return rows[0]?.snapshot ?? null;
}
