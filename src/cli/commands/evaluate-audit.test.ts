// `sibi evaluate --audit` and the optional factors of `--sensitivity` as a user runs them (in the test’s
// process — src/cli/program.ts — on a PGlite folder; the HTTP routes are tested on both databases in
// src/http/routes/evaluations-audit.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sibiInProcess as sibi } from '../../../test/helpers/cli-in-process';
import { preparedDataDir } from '../../../test/helpers/databases';
import { loadEvaluationFixture } from '../../../test/helpers/evaluation-fixture';
import { openDatabase } from '../../db/client';
import { DEFAULT_SEED } from '../../domain/evaluation/sensitivity';

const SLOW = 300_000;

describe('sibi evaluate --audit and --sensitivity factors (PGlite)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-audit-'));
    const database = await openDatabase({ dataDir: await preparedDataDir(join(dir, 'data')) });
    await loadEvaluationFixture(database, { deals: false });
    await database.close();
    env = { SIBI_DATA_DIR: join(dir, 'data') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'prints weights, the correlation matrix and outliers, and the same as one JSON document',
    async () => {
      const text = await sibi(['evaluate', '--period', '2020Q3', '--audit'], env);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^统计审计：河南省 2020Q3/);
      expect(text.stdout).toContain('指标 | 分值 | 名义权重 | 有效权重');
      expect(text.stdout).toContain('指标得分的相关矩阵（Spearman');
      expect(text.stdout).toMatch(/离群值/);
      const json = await sibi(['evaluate', '--period', '2020Q3', '--audit', '--json'], env);
      expect(json.code).toBe(0);
      const audit = JSON.parse(json.stdout);
      expect(audit.period).toBe('2020Q3');
      const city = audit.groups.find((g: { group: string }) => g.group === 'city');
      // Every indicator's name appears in the text's weight table with its nominal share.
      for (const w of city.weights) expect(text.stdout).toContain(`${w.name} | ${w.points} |`);
      expect(city.scores.spearman).toHaveLength(city.indicators.length);
    },
    SLOW,
  );

  it(
    'prints the seed and the intervals, adds the factors asked for, and refuses a bad one',
    async () => {
      const out = await sibi(
        [
          'evaluate',
          '--period',
          '2020Q3',
          '--sensitivity',
          '30',
          '--aggregation',
          '--normalisation',
          'min_max',
        ],
        env,
      );
      expect(out.code).toBe(0);
      expect(out.stdout).toContain(`稳健性分析：30 次，种子 ${DEFAULT_SEED}`);
      expect(out.stdout).toMatch(/敏感性指数（一阶 \/ 总效应，95% 置信区间：200 次自助抽样；种子 20201027）/);
      expect(out.stdout).toMatch(/汇总方法（算术 \/ 几何）：-?\d\.\d{3}［-?\d\.\d{3}, -?\d\.\d{3}］/);
      expect(out.stdout).toContain('标准化方法：');
      const bad = await sibi(
        ['evaluate', '--period', '2020Q3', '--sensitivity', '30', '--normalisation', 'z'],
        env,
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--normalisation 只能是 min_max、relative_to_best');
    },
    SLOW,
  );
});
