// `sibi scheme check` as a user runs it (in the test’s process): every problem with its line and exit 1,
// the summary and exit 0, usage errors exit 2, and with --period the nominal against effective
// weights on a PGlite folder's data. `sibi evaluate` with a bad scheme lists every problem too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sibiInProcess as sibi } from '../../../test/helpers/cli-in-process';
import { preparedDataDir } from '../../../test/helpers/databases';
import { load, project, REGIONS, report } from '../../../test/helpers/factories';
import { openDatabase } from '../../db/client';

const BAD = join(import.meta.dirname, '../../../test/fixtures/schemes/bad/13-several.yaml');
const YI = 100_000_000n;

describe('sibi scheme check', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-scheme-'));
    const dataDir = join(dir, 'data');
    const database = await openDatabase({ dataDir: await preparedDataDir(dataDir) });
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [
        project('L1', { regionCode: '410322', annualTarget: 10n * YI, nature: 'new' }),
        project('J1', { regionCode: '410800', annualTarget: 10n * YI, nature: 'new' }),
      ],
      { year: 2020, list: 'province_key' },
    );
    await load(database, 'reports', [report('L1', 9, 9n * YI, { started: true }), report('J1', 9, 5n * YI)]);
    await database.close();
    env = { SIBI_DATA_DIR: dataDir };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every problem with its line and exits 1', async () => {
    const out = await sibi(['scheme', 'check', BAD], env);
    expect(out.code).toBe(1);
    const lines = out.stderr.trim().split('\n');
    expect(lines[0]).toBe('错误：考评方案 13-several.yaml 有 5 处错误：');
    expect(lines.slice(1).map((l) => /第 (\d+) 行/.exec(l)?.[1])).toEqual(['6', '7', '8', '16', '38']);
    expect(out.stderr).toContain('"key.investRat" 不是已知的统计指标，是否应为 "key.investRate"？');
  });

  it('summarises a sound scheme, and weighs it on a period’s data', async () => {
    const plain = await sibi(['scheme', 'check', 'sibisikan-2020'], env);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('校验通过');
    expect(plain.stdout).toContain('总分 100，4 个维度，17 个指标');
    expect(plain.stdout).toContain('投资完成率 | key.investRate 投资完成率 | ratio_to_target | 14 | 14.0%');
    const weighed = await sibi(['scheme', 'check', 'sibisikan-2020', '--period', '2020Q3'], env);
    expect(weighed.code).toBe(0);
    expect(weighed.stdout).toContain('2020Q3 河南省（410000）的数据：名义权重（分值占比）与有效权重');
    expect(weighed.stdout).toMatch(/投资完成率 \| 14\.0% \| -?\d+\.\d%/);
  });

  it('exits 2 on a usage error', async () => {
    expect((await sibi(['scheme', 'check', join(dir, 'none.yaml')], env)).code).toBe(2);
    expect((await sibi(['scheme', 'check', 'sibisikan-2020', '--period', '2020Q5'], env)).code).toBe(2);
    expect((await sibi(['scheme', 'check'], env)).code).toBe(2);
  });

  it('makes sibi evaluate print every problem of a bad scheme, not only the first line', async () => {
    const out = await sibi(['evaluate', '--scheme', BAD, '--period', '2020Q3'], env);
    expect(out.code).toBe(1);
    expect(out.stderr.trim().split('\n')).toHaveLength(6);
    expect(out.stderr).toContain('第 38 行第 17 列：');
  });
});
