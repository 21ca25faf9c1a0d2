// One client factory: PostgreSQL when DATABASE_URL is set, otherwise PGlite in SIBI_DATA_DIR.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
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
import { nextSessionName } from './session-name';
import { guardVersion, programLevel, recordLevel } from './version';

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
  /** Where the data folder came from: SIBI_DATA_DIR, or the default ./data (nothing configured). */
  dataDirFrom?: 'env' | 'default';
  /**
   * Refuse a data folder that does not exist instead of creating an empty database in it (every CLI
   * command but the ones that make a database: a mistyped path must not look like an empty database).
   */
  mustExist?: boolean;
}

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Serialises concurrent migrations from several server instances on one PostgreSQL.
export const MIGRATION_LOCK = 73_110_001;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  // SIBI_MIGRATE=0: the server runs as a role that may not change the schema (docs/security.md).
  const migrate = env.SIBI_MIGRATE?.trim() !== '0';
  if (url) return { url, migrate };
  const configured = env.SIBI_DATA_DIR?.trim();
  return { dataDir: resolve(configured || './data'), dataDirFrom: configured ? 'env' : 'default', migrate };
}

/** Which database a configuration names, for messages: the folder, or host/database and user — never a password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.url) return `PostgreSQL ${describeUrl(config.url)}`;
  if (!config.dataDir) return '内置 PGlite（内存中）';
  const note =
    config.dataDirFrom === 'default' ? '（未设置 SIBI_DATA_DIR 与 DATABASE_URL，使用默认目录）' : '';
  return `内置 PGlite，数据目录 ${config.dataDir}${note}`;
}

function describeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '（DATABASE_URL 无法解析）';
  }
  const socket = parsed.searchParams.get('host');
  const host = parsed.host || socket || 'localhost';
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '（默认库）';
  const user = decodeURIComponent(parsed.username) || parsed.searchParams.get('user');
  return `${host}/${name}${user ? `（用户 ${user}）` : ''}`;
}

export async function openDatabase(config: DatabaseConfig = configFromEnv()): Promise<Database> {
  const database = config.url ? await openPostgres(config.url) : await openPglite(config);
  try {
    // A database a newer sibi migrated is refused before anything is written (src/db/version.ts).
    if (config.migrate !== false) await runMigrations(database);
    else await guardVersion(database.db, programLevel(MIGRATIONS_FOLDER), database.location);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
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
    // Named in pg_stat_activity (src/db/session-name.ts), and one connection kept while idle, so
    // `sibi restore` sees a running server even when it has had no request for a while.
    application_name: nextSessionName(),
    min: 1,
  });
  handleConnectionErrors(pool);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', location: describeUrl(url), close: () => pool.end() };
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
    if (config.mustExist && !existsSync(config.dataDir)) throw new DataDirError(missingFolder(config));
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

function missingFolder(config: DatabaseConfig): string {
  return config.dataDirFrom === 'default'
    ? `未设置 SIBI_DATA_DIR 或 DATABASE_URL，默认数据目录 ${config.dataDir} 不存在，没有新建空数据库：` +
        '请用 SIBI_DATA_DIR 指明内置数据库的目录，或用 DATABASE_URL 指明 PostgreSQL（新建数据库请运行 sibi serve）'
    : `数据目录 ${config.dataDir}（SIBI_DATA_DIR）不存在，没有新建空数据库：请检查路径；` +
        '要在此新建数据库，请运行 sibi serve 或 sibi demo，或先建立这个空目录';
}

/** Checks the version guard, migrates, and records the level: one transaction (and lock) on PostgreSQL. */
async function runMigrations(database: Database): Promise<void> {
  const level = programLevel(MIGRATIONS_FOLDER);
  if (database.kind === 'pglite') {
    await guardVersion(database.db, level, database.location);
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    await recordLevel(database.db, level);
    return;
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await guardVersion(tx, level, database.location);
    await migratePg(tx as never, { migrationsFolder: MIGRATIONS_FOLDER });
    await recordLevel(tx, level);
  });
}

/** The PGlite client behind a database, for dumps (backup, test templates). */
export function pgliteClient(database: Database): PGlite | null {
  if (database.kind !== 'pglite') return null;
  return (database.db as unknown as { $client: PGlite }).$client;
}
