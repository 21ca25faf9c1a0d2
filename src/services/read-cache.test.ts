// The read cache: an answer is handed out again while the data version stands, computed afresh after
// a commit, never kept when a commit came in while it was being computed, and computed once for
// askers who come at the same time.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import type { Database } from '../db/client';
import { queryRows } from '../db/query';
import { entityTag, ReadCache } from './read-cache';

describe.each(testDatabases())('the read cache on $name', (target: TestDatabase) => {
  let database: Database;
  let cache: ReadCache;
  let computed = 0;
  /** The answer of the test: the value of one setting, read from the database. */
  const readSetting = async () => {
    computed++;
    const [row] = await queryRows<{ value: number }>(
      database.db,
      sql`select (value)::int as value from settings where key = 'cache.test'`,
    );
    return { value: row?.value ?? null };
  };
  const write = (value: number) =>
    database.db.execute(
      sql`insert into settings (key, value) values ('cache.test', ${String(value)}::jsonb)
          on conflict (key) do update set value = excluded.value`,
    );

  beforeAll(async () => {
    database = await target.open();
    cache = new ReadCache(database);
  });
  afterAll(async () => database?.close());

  it('hands the same answer out while nothing is committed, and a new one after a commit', async () => {
    await write(1);
    computed = 0;
    expect(await cache.readNow('k', readSetting)).toEqual({ value: 1 });
    expect(await cache.readNow('k', readSetting)).toEqual({ value: 1 });
    expect(computed).toBe(1);
    await write(2);
    expect(await cache.readNow('k', readSetting)).toEqual({ value: 2 });
    expect(computed).toBe(2);
    // Another key is another answer.
    expect(await cache.readNow('other', readSetting)).toEqual({ value: 2 });
    expect(computed).toBe(3);
  });

  it('does not keep an answer when a commit came in while it was computed', async () => {
    await write(3);
    const version = await cache.version();
    const before = { ...cache.stats };
    const answer = await cache.read('racing', version, async () => {
      const seen = await readSetting();
      await write(4); // another request's commit, between this answer's reads
      return seen;
    });
    expect(answer).toEqual({ value: 3 });
    expect(cache.stats.discarded).toBe(before.discarded + 1);
    // Asked again at the version now: computed again (4), not the discarded answer (3).
    expect(await cache.readNow('racing', readSetting)).toEqual({ value: 4 });
  });

  it('computes once for askers who come at the same time', async () => {
    await write(5);
    computed = 0;
    const version = await cache.version();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => cache.read('together', version, readSetting)),
    );
    expect(answers).toEqual(Array.from({ length: 8 }, () => ({ value: 5 })));
    expect(computed).toBe(1);
  });

  it('lets a failed computation fail every asker, and keeps nothing from it', async () => {
    const version = await cache.version();
    const failing = () => Promise.reject(new Error('boom'));
    await expect(cache.read('failing', version, failing)).rejects.toThrow('boom');
    computed = 0;
    expect(await cache.read('failing', version, readSetting)).toEqual({ value: 5 });
    expect(computed).toBe(1);
  });
});

describe('entity tags', () => {
  it('differ by key and by version, and are quoted strong tags', () => {
    const tag = entityTag('["dashboard","410300","2020-09",null]', '1796600000000');
    expect(tag).toMatch(/^"1796600000000-[A-Za-z0-9_-]{22}"$/);
    expect(entityTag('["dashboard","410300","2020-09",null]', '1796600000001')).not.toBe(tag);
    expect(entityTag('["dashboard","410322","2020-09",null]', '1796600000000')).not.toBe(tag);
  });
});
