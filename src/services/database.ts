// The database as the layers above services see it (issue 15: http never imports db): its type,
// whether an error means it is away (answered 503), and a bounded readiness probe.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { DatabaseUnavailableError } from '../db/unavailable';

export type { Database } from '../db/client';
export {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from '../db/unavailable';

/**
 * One trivial query, bounded in time; any failure (closed, refused, timed out) throws
 * DatabaseUnavailableError, so the caller answers 503 as any request would while it is away.
 */
export async function probeDatabase(database: Database, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('readiness probe timed out')), timeoutMs);
  });
  try {
    await Promise.race([database.db.execute(sql`select 1`), timeout]);
  } catch (error) {
    throw new DatabaseUnavailableError(error);
  } finally {
    clearTimeout(timer);
  }
}
