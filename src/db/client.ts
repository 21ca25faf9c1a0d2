// One client factory: PostgreSQL when DATABASE_URL is set, otherwise PGlite in SIBI_DATA_DIR.
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { DataDirError } from './data-dir-error';
import { type DataDirLock, lockDataDir } from './data-dir-lock';
import * as dataSchema from './schema';
import * as authSchema from './schema-auth';

const schema = { ...dataSchema, ...authSchema };

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives (folder or URL without password), for messages. */
  location: string;
  /** PGlite in a folder: the lock this process holds on it (src/db/data-dir-lock.ts). */
  lock?: DataDirLock;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  url?: string;
  dataDir?: string;
  /** PGlite only: open from a dump made by `dumpDataDir` (fast clone of a prepared database). */
  loadDataDir?: Blob;
  migrate?: boolean;
}

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Serialises concurrent migrations from several server instances on one PostgreSQL.
export const MIGRATION_LOCK = 73_110_001;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  // SIBI_MIGRATE=0: the server runs as a role that may not change the schema (docs/security.md).
  const migrate = env.SIBI_MIGRATE?.trim() !== '0';
  return url ? { url, migrate } : { dataDir: resolve(env.SIBI_DATA_DIR?.trim() || './data'), migrate };
}

export async function openDatabase(config: DatabaseConfig = configFromEnv()): Promise<Database> {
  const database = config.url ? await openPostgres(config.url) : await openPglite(config);
  if (config.migrate !== false) {
    try {
      await runMigrations(database);
    } catch (error) {
      await database.close().catch(() => {});
      throw error;
    }
  }
  return database;
}

export { DataDirError } from './data-dir-error';
export { DataDirLockedError } from './data-dir-lock';

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.SIBI_PG_POOL ?? 10),
    // A database that is away answers 503 instead of requests queueing forever (a refused connection
    // at once; an unreachable host after this). pg counts the wait for a free pooled connection in it
    // too, so it must outlast a busy moment's queue: at 5 s, eight concurrent publications on a loaded
    // machine got a 503 (races.test.ts).
    connectionTimeoutMillis: Number(process.env.SIBI_PG_CONNECT_TIMEOUT_MS ?? 30_000),
    keepAlive: true,
  });
  handleConnectionErrors(pool);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', location: url.replace(/:[^:@/]*@/, ':***@'), close: () => pool.end() };
}

/**
 * A connection PostgreSQL ends (restart, failover, pg_terminate_backend, idle timeout of a proxy)
 * emits 'error' on its client, and on the pool when idle; unheard, that error ends the process.
 * Heard here: the broken client leaves the pool (pg-pool drops clients that are no longer
 * queryable), the query that was running fails (answered 503, see src/db/unavailable.ts), and the
 * next request opens a fresh connection. One line on stderr at most every 10 s.
 */
function handleConnectionErrors(pool: pg.Pool): void {
  let lastReport = 0;
  const report = (error: Error) => {
    const now = Date.now();
    if (now - lastReport < 10_000) return;
    lastReport = now;
    process.stderr.write(
      `警告：与 PostgreSQL 的连接中断（${error.message.split('\n')[0]}），下一个请求将重新连接\n`,
    );
  };
  pool.on('error', report);
  pool.on('connect', (client) => {
    client.on('error', report);
  });
}

async function openPglite(config: DatabaseConfig): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (config.dataDir) {
    mkdirSync(config.dataDir, { recursive: true });
    // One process at a time: a second one on the folder loses writes or corrupts it.
    lock = lockDataDir(config.dataDir);
  }
  try {
    if (config.dataDir) {
      // PGlite aborts with "Program terminated" on a folder holding other files: say what is wrong.
      const entries = readdirSync(config.dataDir);
      if (entries.length > 0 && !entries.includes('PG_VERSION') && !config.loadDataDir) {
        throw new DataDirError(
          `数据目录 ${config.dataDir} 不是空目录，也不是 sibi 的数据库目录：请为 SIBI_DATA_DIR 指定空目录或已有的数据目录`,
        );
      }
    }
    const client = new PGlite({ dataDir: config.dataDir, loadDataDir: config.loadDataDir });
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      location: config.dataDir ?? 'memory',
      lock,
      close: async () => {
        try {
          if (!client.closed) await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migratePg(tx as never, { migrationsFolder: MIGRATIONS_FOLDER });
  });
}

/** The PGlite client behind a database, for dumps (backup, test templates). */
export function pgliteClient(database: Database): PGlite | null {
  if (database.kind !== 'pglite') return null;
  return (database.db as unknown as { $client: PGlite }).$client;
}
