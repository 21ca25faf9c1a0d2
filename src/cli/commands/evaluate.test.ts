// `sibi evaluate --publish / --override-reason / --verify / --revoke` as a user runs them (in the test’s
// process — src/cli/program.ts — on a PGlite folder; the SQL underneath is tested on both databases in
// src/services/evaluate-period.test.ts and src/db/evaluations.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sibiInProcess as sibi } from '../../../test/helpers/cli-in-process';
import { preparedDataDir } from '../../../test/helpers/databases';
import { loadEvaluationFixture, YI } from '../../../test/helpers/evaluation-fixture';
import { load, report } from '../../../test/helpers/factories';
import { openDatabase } from '../../db/client';

// Each test runs several `sibi` processes, each opening the PGlite folder: seconds apiece.
const SLOW = 300_000;

describe('sibi evaluate: the publish gate, verification and revocation (PGlite)', () => {
  let dir: string;
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-evaluate-'));
    dataDir = join(dir, 'data');
    const database = await openDatabase({ dataDir: await preparedDataDir(dataDir) });
    await loadEvaluationFixture(database, { deals: false });
    await database.close();
    env = { SIBI_DATA_DIR: dataDir };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'refuses an empty quarter with the reasons, publishes with --override-reason and shows it',
    async () => {
      const refused = await sibi(['evaluate', '--period', '2019Q3', '--publish'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('3 个参评单位本期没有任何数据');
      expect(refused.stderr).toContain('数据覆盖率 0.0%');
      expect(refused.stderr).toContain('--override-reason');
      expect(refused.stdout).toBe('');
      expect(
        (await sibi(['evaluate', '--period', '2019Q3', '--override-reason', '理由理由'], env)).code,
      ).toBe(2);

      const published = await sibi(
        ['evaluate', '--period', '2020Q3', '--publish', '--override-reason', '试点季度，经研究同意发布'],
        env,
      );
      expect(published.code).toBe(0);
      expect(published.stdout).toMatch(
        /发布前检查：数据覆盖率 \d+\.\d%（\d+\/51，要求不低于 80\.0%），未通过：/,
      );
      expect(published.stdout).toMatch(/仍然发布：cli:\S+ 于 \S+，理由：试点季度，经研究同意发布/);
      expect(published.stdout).toMatch(/已发布：编号 1，内容摘要 [0-9a-f]{64}/);
    },
    SLOW,
  );

  it(
    'verifies: the stored hash, the one recomputed from the stored inputs, the one from current data',
    async () => {
      const same = await sibi(['evaluate', '--verify', '1'], env);
      expect(same.code).toBe(0);
      const hash = /存储的内容摘要：\s+([0-9a-f]{64})/.exec(same.stdout)![1]!;
      expect(same.stdout).toMatch(new RegExp(`按保存的输入重算的摘要：\\s+${hash}  一致：已发布结果完好`));
      expect(same.stdout).toMatch(new RegExp(`按当前数据重算的摘要：\\s+${hash}  与已发布结果相同`));
      expect(same.stdout).toContain('第 1 版');
      expect(same.stdout).toContain('理由：试点季度，经研究同意发布');

      // Jiaozuo's September changes after publication: the current data give another hash, exit still 0.
      const database = await openDatabase({ dataDir });
      await load(database, 'reports', [report('J1', 9, 9n * YI, { started: true })]);
      await database.close();
      const moved = await sibi(['evaluate', '--verify', '1'], env);
      expect(moved.code).toBe(0);
      const current = /按当前数据重算的摘要：\s+([0-9a-f]{64}) {2}与已发布结果不同：数据在发布后有变化/.exec(
        moved.stdout,
      );
      expect(current).not.toBeNull();
      expect(current![1]).not.toBe(hash);
      expect(moved.stdout).toContain('焦作市');
      const json = JSON.parse((await sibi(['evaluate', '--verify', '1', '--json'], env)).stdout);
      expect(json).toMatchObject({ storedHash: hash, recomputedHash: hash, identical: true });
      expect(json.current).toMatchObject({ hash: current![1], identical: false });

      // A stored result changed behind the trigger's back: exit 1, the hashes say which.
      const tamper = await openDatabase({ dataDir });
      await tamper.db.execute(sql`alter table evaluations disable trigger evaluations_published_final`);
      await tamper.db.execute(sql`update evaluations set content_hash = repeat('0', 64) where id = 1`);
      await tamper.db.execute(sql`alter table evaluations enable trigger evaluations_published_final`);
      await tamper.close();
      const forged = await sibi(['evaluate', '--verify', '1'], env);
      expect(forged.code).toBe(1);
      expect(forged.stdout).toMatch(/存储的内容摘要：\s+0{64}/);
      expect(forged.stdout).toMatch(new RegExp(`按保存的输入重算的摘要：\\s+${hash}  不一致`));
    },
    SLOW,
  );

  it(
    'revokes with a reason, and the period may be published again as edition 2',
    async () => {
      expect((await sibi(['evaluate', '--revoke', '1'], env)).code).toBe(2);
      const revoked = await sibi(['evaluate', '--revoke', '1', '--reason', '焦作市数据更正'], env);
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toContain('已撤销考评结果 1');
      expect((await sibi(['evaluate', '--revoke', '1', '--reason', '焦作市数据更正'], env)).code).toBe(1);
      const verify = await sibi(['evaluate', '--verify', '1'], env);
      expect(verify.stdout).toMatch(/已撤销：cli:\S+ 于 \S+，理由：焦作市数据更正/);
      const again = await sibi(
        ['evaluate', '--period', '2020Q3', '--publish', '--override-reason', '更正后重新发布', '--json'],
        env,
      );
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({
        id: 2,
        gate: { override: { reason: '更正后重新发布' } },
      });
      expect((await sibi(['evaluate', '--verify', '2'], env)).stdout).toContain('第 2 版');
    },
    SLOW,
  );
});
