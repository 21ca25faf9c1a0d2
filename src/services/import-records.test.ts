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
});
