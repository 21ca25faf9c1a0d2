// Prepares what database tests share: a migrated PGlite data folder and its dump; whether PostgreSQL is reachable and, if
// so, a migrated template database each test database is copied from (CREATE DATABASE … TEMPLATE);
// and the bundled CLI the tests' child processes run (built once here, not by each of them).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureServerBuild } from '../scripts/build-server.mjs';
import { openDatabase, pgliteClient } from '../src/db/client';
import { PG_ADMIN_URL } from './helpers/databases';

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'sibi-test-'));
  // The bundle builds (esbuild, a process of its own) while the templates are made. Every project's
  // global setup runs before the first test starts, so all of it is waited for. The two templates
  // one after the other: PGlite's WebAssembly holds this process's event loop for seconds at a time,
  // long enough on a busy machine for a PostgreSQL connection opened meanwhile to time out.
  const templates = async () => {
    const template = await postgresIfReachable();
    await pgliteTemplate(dir);
    return template;
  };
  const [template] = await Promise.all([templates(), ensureServerBuild()]);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (template) await admin((client) => client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  };
}

/**
 * A migrated PGlite data folder, and its dump: each in-process test database opens from the dump, each
 * data folder a test or its child `sibi` needs is a copy of the folder (helpers/databases.ts) — a copy
 * takes milliseconds where a fresh folder's initdb and migrations take 5–20 s of WebAssembly.
 */
async function pgliteTemplate(dir: string): Promise<void> {
  const dataDir = join(dir, 'template-data');
  const database = await openDatabase({ dataDir });
  const dump = await pgliteClient(database)!.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  process.env.SIBI_TEST_PGLITE_TEMPLATE = file;
  process.env.SIBI_TEST_PGLITE_DATA_DIR = dataDir;
}

/** The PostgreSQL template when the server answers (in CI it must); null without PostgreSQL. */
async function postgresIfReachable(): Promise<string | null> {
  process.env.SIBI_TEST_PG_AVAILABLE = (await postgresReachable()) ? '1' : '0';
  if (process.env.SIBI_TEST_PG_AVAILABLE === '1') return postgresTemplate();
  const message = `PostgreSQL not reachable at ${PG_ADMIN_URL.replace(/:[^:@/]*@/, ':***@')}`;
  if (process.env.CI) throw new Error(`${message}: CI must test both databases`);
  console.warn(`${message}: database tests run on PGlite only`);
  return null;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A migrated PostgreSQL database, marked as a template; its name goes to the workers. */
async function postgresTemplate(): Promise<string> {
  const name = `sibi_template_${process.pid}_${Date.now()}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.close();
  process.env.SIBI_TEST_PG_TEMPLATE = name;
  return name;
}

async function postgresReachable(): Promise<boolean> {
  // 10 s: on a machine loaded to 30+ the answer took longer than 2 s, and the run went on PGlite only.
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
