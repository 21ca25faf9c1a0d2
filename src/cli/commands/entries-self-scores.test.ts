// `sibi self-scores` as a user runs it (in the test’s process on a PGlite folder; the SQL and the routes are
// tested on both databases in src/services/self-scores.test.ts and src/http/routes/self-scores.test.ts):
// a bad file is refused whole with file, row and column (exit 1), nothing written; a report is revised
// in place; compare prints each unit's self-score beside the verified score with the difference.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sibiInProcess as sibi } from '../../../test/helpers/cli-in-process';
import { preparedDataDir } from '../../../test/helpers/databases';
import { loadEvaluationFixture } from '../../../test/helpers/evaluation-fixture';
import { openDatabase } from '../../db/client';

describe('sibi self-scores (PGlite)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-self-scores-'));
    const dataDir = join(dir, 'data');
    const database = await openDatabase({ dataDir: await preparedDataDir(dataDir) });
    await loadEvaluationFixture(database);
    await database.close();
    env = { SIBI_DATA_DIR: dataDir };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports whole or not at all', async () => {
    const bad = join(dir, '自评.csv');
    writeFileSync(
      bad,
      '考评方案,考评期,地区代码,指标,自评分\nsibisikan-2020,2020Q3,410300,,80\nsangeyipi-2022,2022Q3,410800,,70\n',
    );
    const refused = await sibi(['self-scores', 'import', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /自评\.csv 第3行 列「考评方案」 值「sangeyipi-2022」：方案《"三个一批"项目建设活动综合考评（2022年版）》不设自评分/,
    );
    expect((await sibi(['self-scores', 'list', '--json'], env)).stdout).toBe('{\n  "items": []\n}\n');

    const good = join(dir, 'good.csv');
    writeFileSync(
      good,
      '考评方案,考评期,地区代码,指标,自评分,说明\nsibisikan-2020,2020Q3,410300,,80,自查\nsibisikan-2020,2020Q3,410300,投资完成率,14,\n',
    );
    const imported = await sibi(['self-scores', 'import', good, '--by', '洛阳市', '--json'], env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).items).toEqual([
      expect.objectContaining({ indicator: null, points: '80.00', reportedBy: '洛阳市', version: 1 }),
      expect.objectContaining({ indicator: 'invest_rate', points: '14.00' }),
    ]);
  }, 300_000);

  it('revises a report in place and refuses more than the full points', async () => {
    const revised = await sibi(
      [
        'self-scores',
        'report',
        '--scheme',
        'sibisikan-2020',
        '--period',
        '2020Q3',
        '--unit',
        '410300',
        '--points',
        '75.5',
      ],
      env,
    );
    expect(revised.code).toBe(0);
    expect(revised.stdout).toContain('410300\t总分\t75.50');
    expect(revised.stdout).toContain('（第 2 版）');
    const tooHigh = await sibi(
      [
        'self-scores',
        'report',
        '--scheme',
        'sibisikan-2020',
        '--period',
        '2020Q3',
        '--unit',
        '410300',
        '--indicator',
        'invest_rate',
        '--points',
        '15',
      ],
      env,
    );
    expect(tooHigh.code).toBe(1);
    expect(tooHigh.stderr).toContain('自评分不能超过满分 14');
  }, 300_000);

  it('compares the self-scores with the verified score, largest difference first', async () => {
    const compared = await sibi(
      ['self-scores', 'compare', '--scheme', 'sibisikan-2020', '--period', '2020Q3', '--json'],
      env,
    );
    expect(compared.code).toBe(0);
    const c = JSON.parse(compared.stdout).selfScores;
    expect(c.units).toHaveLength(1);
    expect(c.units[0]).toMatchObject({ code: '410300', total: { self: 75.5 } });
    expect(c.units[0].total.difference).toBeCloseTo(75.5 - c.units[0].total.verified, 6);
    expect(c.missing.sort()).toEqual(['410181', '410800']);
    const text = await sibi(
      ['self-scores', 'compare', '--scheme', 'sibisikan-2020', '--period', '2020Q3'],
      env,
    );
    expect(text.stdout).toMatch(/^单位\t自评分\t核定得分\t差额\n洛阳市（410300）\t75\.5\t/);
    expect(text.stdout).toContain('未报自评分：');
  }, 300_000);
});
