// `sibi events` and `sibi adjustments` as a user runs them (in the test’s process on a PGlite folder; the
// SQL and the routes are tested on both databases in src/http/routes/evaluation-entries.test.ts):
// a bad file is refused whole with file, row and column (exit 1), nothing written; whoever entered an
// entry cannot approve it (exit 1); another person can; a revoke needs a reason (exit 2 without).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sibiInProcess as sibi } from '../../../test/helpers/cli-in-process';
import { preparedDataDir } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import { openDatabase } from '../../db/client';

describe('sibi events / sibi adjustments (PGlite)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-entries-'));
    const dataDir = join(dir, 'data');
    const database = await openDatabase({ dataDir: await preparedDataDir(dataDir) });
    await load(database, 'regions', REGIONS);
    await database.close();
    env = { SIBI_DATA_DIR: dataDir };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports events whole or not at all, approves by another person, revokes with a reason', async () => {
    const bad = join(dir, '事件.csv');
    writeFileSync(
      bad,
      '地区代码,日期,事项,次数,理由\n410300,2020-05-01,获国家级表彰或经验推广,1,表彰\n410800,2020-05-01,乱写,1,理由\n',
    );
    const refused = await sibi(['events', 'import', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/事件\.csv 第3行 列「事项」 值「乱写」：事项 "乱写" 不在任何考评方案/);
    expect((await sibi(['events', 'list', '--json'], env)).stdout).toBe('{\n  "items": []\n}\n');

    const good = join(dir, 'good.csv');
    writeFileSync(
      good,
      '地区代码,日期,事项,次数,理由,依据\n410300,2020-05-01,获国家级表彰或经验推广,1,国家表彰,国办发〔2020〕1号\n',
    );
    const imported = await sibi(['events', 'import', good, '--by', '张三', '--json'], env);
    expect(imported.code).toBe(0);
    const [event] = JSON.parse(imported.stdout).items as { id: number; status: string; author: string }[];
    expect(event).toMatchObject({ status: 'pending', author: '张三' });

    const self = await sibi(['events', 'approve', String(event!.id), '--by', '张三'], env);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('须由另一人审核');
    const approved = await sibi(['events', 'approve', String(event!.id), '--by', '李四', '--json'], env);
    expect(approved.code).toBe(0);
    expect(JSON.parse(approved.stdout)).toMatchObject({ status: 'approved', approvedBy: '李四' });

    expect((await sibi(['events', 'revoke', String(event!.id)], env)).code).toBe(2);
    const revoked = await sibi(
      ['events', 'revoke', String(event!.id), '--reason', '表彰撤回', '--by', '李四'],
      env,
    );
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('已撤销（李四：表彰撤回）');
  }, 300_000);

  it('adds, lists and approves a manual adjustment with exact points', async () => {
    const wrong = await sibi(
      [
        'adjustments',
        'add',
        '--scheme',
        'sibisikan-2020',
        '--period',
        '2020',
        '--unit',
        '410300',
        '--kind',
        'penalty',
        '--points',
        '1.234',
        '--reason',
        '约谈',
      ],
      env,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('分值最多两位小数');
    const added = await sibi(
      [
        'adjustments',
        'add',
        '--scheme',
        'sibisikan-2020',
        '--period',
        '2020',
        '--unit',
        '410300',
        '--kind',
        'penalty',
        '--points',
        '1.5',
        '--item',
        'report_overdue',
        '--reason',
        '3月、5月逾期',
        '--by',
        '张三',
        '--json',
      ],
      env,
    );
    expect(added.code).toBe(0);
    const a = JSON.parse(added.stdout) as { id: number; points: string };
    expect(a.points).toBe('1.50');
    expect((await sibi(['adjustments', 'approve', String(a.id), '--by', '王五'], env)).code).toBe(0);
    const listed = await sibi(['adjustments', 'list', '--period', '2020', '--status', 'approved'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('扣 1.50 分');
    expect(listed.stdout).toContain('已审核（王五）');
    expect((await sibi(['adjustments', 'list', '--status', 'nope'], env)).code).toBe(2);
  }, 300_000);
});
