// Issue #14 low item: PGlite runs no autovacuum, so every aborted or dry-run import left its rows'
// pages behind as dead space and the data folder only grew. After a write transaction that is rolled
// back with many rows, the tables are vacuumed: the table is back to its size before. (PostgreSQL's
// autovacuum does this on its own; there the import only has to keep working.)
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, project, REGIONS } from '../../test/helpers/factories';
import type { Database } from '../db/client';
import { queryRows } from '../db/query';
import { importRecords } from './import-records';

describe.each(testDatabases())('disk space after aborted imports on $name', (target: TestDatabase) => {
  let database: Database;

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
  });
  afterAll(async () => {
    await database.close();
  });

  const projectsBytes = async () =>
    (
      await queryRows<{ bytes: number }>(database.db, sql`select pg_relation_size('projects')::int as bytes`)
    )[0]!.bytes;

  it('gives back the pages of rolled-back dry runs (PGlite: no autovacuum)', async () => {
    const before = await projectsBytes();
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      row: i + 2,
      record: project(`R${i}`, { name: `项目${'长'.repeat(100)}${i}` }),
    }));
    for (let run = 0; run < 3; run++) {
      const summary = await importRecords(database, {
        kind: 'projects',
        file: 'projects.xlsx',
        rows,
        year: 2020,
        list: 'province_key',
        actor: 'test',
        dryRun: true,
      });
      expect(summary.inserted).toBe(3000);
    }
    const count = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from projects`);
    expect(count[0]!.n).toBe(0);
    if (target.name === 'pglite') expect(await projectsBytes()).toBeLessThanOrEqual(before + 8192);
  });
});
