// An import's summary tells the truth: a row counts as unchanged only when every stored column is
// equal, and every change is named (rows per column, the first rows before → after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { deal, load, project, REGIONS, report } from '../../test/helpers/factories';
import type { Database } from '../db/client';
import type { ImportKind, KindRecords } from '../domain/records';
import { type ImportRequest, importRecords } from './import-records';

describe.each(testDatabases({ partitioned: true }))('import changes on $label', (target: TestDatabase) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
  });
  afterAll(() => database.close());

  const run = <K extends ImportKind>(
    kind: K,
    records: KindRecords[K][],
    extra: Partial<ImportRequest<K>> = {},
  ) =>
    importRecords(database, {
      kind,
      file: `${kind}.xlsx`,
      rows: records.map((record, i) => ({ row: i + 2, record })),
      actor: 'test',
      ...(kind === 'projects' ? { year: 2020, list: 'province_key' } : {}),
      ...extra,
    });

  const projects = [
    project('C1', { owner: '汝州市交通运输局', scope: '建设教学楼' }),
    project('C2', { owner: '洛阳城建集团', totalInvestment: 1_000_000_000n }),
    project('C3'),
  ];

  it('counts a project whose own columns changed as updated, though its list entry did not', async () => {
    await run('projects', projects);
    const summary = await run('projects', [
      project('C1', { owner: '汝州市交���运输局', scope: '���设教学楼' }),
      project('C2', { owner: '洛阳城建集团', totalInvestment: 1_000_012_300n }),
      project('C3'),
    ]);
    expect(summary).toMatchObject({ rows: 3, inserted: 0, updated: 2, unchanged: 1 });
    expect(summary.changes.changedRows).toBe(2);
    expect(summary.changes.columns).toEqual([
      { field: 'owner', header: '项目单位', rows: 1 },
      { field: 'totalInvestment', header: '总投资(万元)', rows: 1 },
      { field: 'scope', header: '建设规模及内容', rows: 1 },
    ]);
    expect(summary.changes.rows).toEqual([
      {
        row: 2,
        key: 'C1',
        cells: [
          { field: 'owner', header: '项目单位', before: '汝州市交通运输局', after: '汝州市交���运输局' },
          { field: 'scope', header: '建设规模及内容', before: '建设教学楼', after: '���设教学楼' },
        ],
      },
      {
        row: 3,
        key: 'C2',
        // amounts as the file writes them: 万元, exact
        cells: [{ field: 'totalInvestment', header: '总投资(万元)', before: '100000', after: '100001.23' }],
      },
    ]);
  });

  it('reports nothing changed when the same file comes again', async () => {
    const summary = await run('projects', projects);
    // C1 and C2 go back to what the first import stored
    expect(summary).toMatchObject({ inserted: 0, updated: 2, unchanged: 1 });
    const again = await run('projects', projects);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(again.changes).toEqual({ changedRows: 0, columns: [], rows: [] });
  });

  it('counts a changed list entry (annual target, nature) as updated', async () => {
    const summary = await run('projects', [
      project('C1', { owner: '汝州市交通运输局', scope: '建设教学楼', annualTarget: 55_550_000n }),
      projects[1]!,
      projects[2]!,
    ]);
    expect(summary).toMatchObject({ updated: 1, unchanged: 2 });
    expect(summary.changes.rows[0]).toMatchObject({
      row: 2,
      cells: [expect.objectContaining({ field: 'annualTarget', after: '5555' })],
    });
  });

  it('names the changed columns of deals and reports, and counts new rows as new', async () => {
    await run('deals', [deal('甲项目', { contractAmount: 10_000_000n }), deal('乙项目')]);
    const deals = await run('deals', [
      deal('甲项目', { contractAmount: 10_000_000n, investor: '河南交投' }),
      deal('乙项目'),
      deal('丙项目'),
    ]);
    expect(deals).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
    expect(deals.changes.rows).toEqual([
      {
        row: 2,
        key: '甲项目 / 410300',
        cells: [{ field: 'investor', header: '投资方', before: null, after: '河南交投' }],
      },
    ]);

    await run('reports', [report('C1', 9, 500_000_000n), report('C1', 10, 600_000_000n)]);
    const reports = await run('reports', [
      report('C1', 9, 500_000_000n),
      report('C1', 10, 650_000_000n, { started: true, startDate: '2020-10-08' }),
    ]);
    expect(reports).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(reports.changes.columns.map((c) => c.field)).toEqual(['investYtd', 'started', 'startDate']);
    expect(reports.changes.rows[0]).toMatchObject({
      row: 3,
      key: 'C1 / 2020 / 10',
      cells: [
        { field: 'investYtd', before: '60000', after: '65000' },
        { field: 'started', before: '否', after: '是' },
        { field: 'startDate', before: null, after: '2020-10-08' },
      ],
    });
  });

  it('tells what a dry run would change, and writes nothing', async () => {
    const preview = await run(
      'deals',
      [deal('甲项目', { contractAmount: 12_345_678n, investor: '河南交投' })],
      {
        dryRun: true,
      },
    );
    expect(preview).toMatchObject({ updated: 1, unchanged: 0 });
    expect(preview.changes.rows[0]?.cells).toEqual([
      { field: 'contractAmount', header: '合同投资额(万元)', before: '1000', after: '1234.5678' },
    ]);
    const after = await run('deals', [deal('甲项目', { contractAmount: 10_000_000n, investor: '河南交投' })]);
    expect(after).toMatchObject({ updated: 0, unchanged: 1 });
  });
});
