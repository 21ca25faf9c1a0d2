// Prepares what database tests share: a migrated PGlite dump, and whether PostgreSQL is reachable.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, pgliteClient } from '../src/db/client';
import { PG_ADMIN_URL } from './helpers/databases';

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'sibi-test-'));
  const database = await openDatabase({});
  const dump = await pgliteClient(database)!.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  process.env.SIBI_TEST_PGLITE_TEMPLATE = file;
  process.env.SIBI_TEST_PG_AVAILABLE = (await postgresReachable()) ? '1' : '0';
  if (process.env.SIBI_TEST_PG_AVAILABLE !== '1') {
    const message = `PostgreSQL not reachable at ${PG_ADMIN_URL.replace(/:[^:@/]*@/, ':***@')}`;
    if (process.env.CI) throw new Error(`${message}: CI must test both databases`);
    console.warn(`${message}: database tests run on PGlite only`);
  }
  return () => rmSync(dir, { recursive: true, force: true });
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
