import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import type { Database } from './client';
import { queryRows } from './query';

describe.each(testDatabases())('database on $name', (target: TestDatabase) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => database.close());

  it('has every table after migration', async () => {
    const rows = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'regions',
        'projects',
        'project_years',
        'monthly_reports',
        'deals',
        'audit_log',
      ]),
    );
  });

  it('refuses to update, delete or truncate audit rows', async () => {
    await database.db.execute(sql`insert into audit_log (actor, action, outcome) values ('t', 'test', 'ok')`);
    await expect(database.db.execute(sql`update audit_log set actor = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`);
    expect(rows[0]!.n).toBe(1);
  });

  it('keeps money exact beyond 2^53 元', async () => {
    await database.db.execute(
      sql`insert into regions (code, name, kind, province_code) values ('410000', '河南省', 'province', '410000')`,
    );
    const big = 9_007_199_254_740_993n;
    await database.db.execute(
      sql`insert into projects (code, name, region_code, province_code, total_investment) values ('P1', 'x', '410000', '410000', ${big.toString()}::bigint)`,
    );
    const rows = await queryRows<{ s: string }>(
      database.db,
      sql`select (sum(total_investment) + 0)::text as s from projects`,
    );
    expect(BigInt(rows[0]!.s)).toBe(big);
  });
});
