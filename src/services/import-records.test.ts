import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { load, project, REGIONS, report } from '../../test/helpers/factories';
import type { Database } from '../db/client';
import { readProjects, readReports } from '../db/read-records';
import { InputRejectedError } from './errors';
import { importRecords } from './import-records';

describe.each(testDatabases())('import service on $name', (target: TestDatabase) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
  });
  afterAll(() => database.close());

  const projectsIn = () =>
    readProjects(database.db, { regionCodes: ['410300', '410322'], year: 2020, list: 'province_key' });

  it('leaves columns a file lacks as stored, and updates the ones it has', async () => {
    await load(
      database,
      'projects',
      [project('K1', { scope: '新建厂房 5 万平方米', outputValue: 30_000_000_000n, owner: '甲公司' })],
      { year: 2020, list: 'province_key' },
    );
    // A later file of the same list without 建设规模及内容 and 投产后年产值 columns.
    const summary = await importRecords(database, {
      kind: 'projects',
      file: 'partial.xlsx',
      rows: [{ row: 2, record: project('K1', { scope: null, outputValue: null, owner: '乙公司' }) }],
      fields: ['code', 'name', 'regionCode', 'owner', 'nature', 'annualTarget'],
      year: 2020,
      list: 'province_key',
      actor: 'test',
    });
    expect(summary).toMatchObject({ rows: 1, inserted: 0 });
    const [stored] = await projectsIn();
    expect(stored).toMatchObject({
      owner: '乙公司',
      scope: '新建厂房 5 万平方米',
      outputValue: 30_000_000_000n,
    });
  });

  it('keeps a report’s text when a file carries only the amounts', async () => {
    await load(database, 'reports', [
      report('K1', 9, 500_000_000n, { progressNote: '主体封顶', reportedAt: '2020-10-03' }),
    ]);
    await importRecords(database, {
      kind: 'reports',
      file: 'amounts.csv',
      rows: [{ row: 2, record: report('K1', 9, 600_000_000n) }],
      fields: ['projectCode', 'year', 'month', 'investYtd'],
      actor: 'test',
    });
    const [stored] = await readReports(database.db, { regionCodes: ['410300'] });
    expect(stored).toMatchObject({
      investYtd: 600_000_000n,
      progressNote: '主体封顶',
      reportedAt: '2020-10-03',
    });
  });

  it('rejects the whole batch when one row refers to an unknown region, writing nothing', async () => {
    const before = await projectsIn();
    const attempt = importRecords(database, {
      kind: 'projects',
      file: 'mixed.xlsx',
      rows: [
        { row: 2, record: project('K2') },
        { row: 3, record: project('K3', { regionCode: '419999' }) },
      ],
      year: 2020,
      list: 'province_key',
      actor: 'test',
    });
    await expect(attempt).rejects.toBeInstanceOf(InputRejectedError);
    await expect(attempt).rejects.toMatchObject({
      problems: [{ file: 'mixed.xlsx', row: 3, column: '地区代码', value: '419999' }],
    });
    expect(await projectsIn()).toEqual(before);
  });

  it('refuses to move a project to another province; so does the database', async () => {
    await load(database, 'regions', [
      { code: '420000', name: '湖北省', parentCode: null, kind: 'province' },
      { code: '420100', name: '武汉市', parentCode: '420000', kind: 'city' },
    ]);
    const attempt = importRecords(database, {
      kind: 'projects',
      file: 'moved.xlsx',
      rows: [
        { row: 2, record: project('K1', { regionCode: '410322' }) },
        { row: 3, record: project('K4', { regionCode: '420100' }) },
        { row: 4, record: project('K1', { regionCode: '420100' }) },
      ],
      year: 2020,
      list: 'province_key',
      actor: 'test',
    });
    await expect(attempt).rejects.toMatchObject({
      problems: [{ row: 4, column: '地区代码', value: '420100', reason: '项目不能移到其他省份' }],
    });
    // Reports, list entries and partitions go by the province code the project was created with.
    await expect(
      database.db.execute(
        sql`update projects set region_code = '420100', province_code = '420000' where code = 'K1'`,
      ),
    ).rejects.toMatchObject({ cause: { code: '23514' } });
  });
});
