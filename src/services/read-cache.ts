// Cached reads (issue #17 item 3): the figures change only when a transaction that wrote them
// commits, and each commit moves the data version (migration 0018_data_version). An answer computed
// while the version stood still is that version's answer; it is kept (in this process, least
// recently used out first, at most MAX_BYTES of JSON) and handed out again while the version is
// the same. Other processes writing to the same PostgreSQL move the same version, so no process
// ever serves an answer older than the last commit it could see.
//
// Only for reads whose answer depends on nothing but the key, the clock's day (when the key says so)
// and the versioned tables (src/db/data-version.ts names those that are not).
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/client';
import { dataVersion } from '../db/data-version';
import type { Actor } from '../policies/actor';

/** What the cache may hold, in characters of JSON. */
const MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  version: string;
  value: unknown;
}

export interface ReadCacheStats {
  /** Answers handed out from the cache. */
  hits: number;
  /** Answers computed (not in the cache at this version). */
  misses: number;
  /** Computed answers not kept: the version moved while they were being computed. */
  discarded: number;
}

export class ReadCache {
  readonly stats: ReadCacheStats = { hits: 0, misses: 0, discarded: 0 };
  private readonly entries = new LRUCache<string, Entry>({
    maxSize: MAX_BYTES,
    sizeCalculation: (entry) => sizeOf(entry.value),
  });
  /** Computations under way, by key and version: concurrent askers share one. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(private readonly database: Database) {}

  /** The data version now: read it before deciding anything from it (see `read`). */
  version(): Promise<string> {
    return dataVersion(this.database.db);
  }

  /**
   * The answer for `key` at `version` (just read with `version()`): the kept one if it is that
   * version's, else `compute`'s. A computed answer is kept only when the version still stands after
   * it: had a commit come in between, the answer might mix two versions.
   */
  async read<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.entries.get(key);
    if (kept?.version === version) {
      this.stats.hits++;
      return kept.value as T;
    }
    const id = `${version}\u0000${key}`;
    const running = this.pending.get(id);
    if (running) {
      this.stats.hits++;
      return running as Promise<T>;
    }
    this.stats.misses++;
    const computing = (async () => {
      const value = await compute();
      if ((await this.version()) === version) this.entries.set(key, { version, value });
      else this.stats.discarded++;
      return value;
    })();
    this.pending.set(id, computing);
    try {
      return await computing;
    } finally {
      this.pending.delete(id);
    }
  }

  /** `read` at the version now: for answers that are not handed out with an entity tag. */
  async readNow<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.read(key, await this.version(), compute);
  }

  /** Forgets every answer (tests; a process that knows its database was replaced). */
  clear(): void {
    this.entries.clear();
  }
}

/**
 * What an answer that depends on the account depends on: the account, its role and region, and the
 * projects bound to it (when they change, so does the key, even before the version is read).
 */
export function accountKey(actor: Actor): unknown[] {
  return [actor.id, actor.role, actor.regionCode, [...actor.projectIds].sort((a, b) => a - b)];
}

/** An entity tag for the answer to `key` at `version`: the same only for the same key and version. */
export function entityTag(key: string, version: string): string {
  const digest = createHash('sha256').update(key).digest('base64url').slice(0, 22);
  return `"${version}-${digest}"`;
}

function sizeOf(value: unknown): number {
  try {
    return Math.max(1, JSON.stringify(value)?.length ?? 1);
  } catch {
    return MAX_BYTES + 1; // not JSON: never kept (larger than the whole cache)
  }
}
