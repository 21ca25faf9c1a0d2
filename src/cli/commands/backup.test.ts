// `sibi backup` and `sibi restore` as an operator runs them, from each database into the other.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sibi } from '../../../test/helpers/cli';
import { type CliTarget, createCliTarget, testDatabases } from '../../../test/helpers/databases';
import { load, project, REGIONS } from '../../../test/helpers/factories';
import { fingerprint } from '../../../test/helpers/fingerprint';
import type { CliResult } from '../../../test/helpers/run-sibi';
import { openCliDatabase } from '../../../test/helpers/serve-once';

const NAMES = testDatabases().map((d) => d.name);

async function printOf(target: CliTarget) {
  const database = await openCliDatabase(target.env);
  try {
    return await fingerprint(database);
  } finally {
    await database.close();
  }
}

describe.each(NAMES)('sibi backup on %s', (name) => {
  // Restore into the other kind of database when both are available.
  const other = NAMES.find((n) => n !== name) ?? name;
  let source: CliTarget;
  let into: CliTarget;
  let dir: string;
  let file: string;
  let backup: CliResult;

  beforeAll(async () => {
    [source, into] = await Promise.all([createCliTarget(name), createCliTarget(other)]);
    dir = mkdtempSync(join(tmpdir(), 'sibi-backup-cli-'));
    const database = await openCliDatabase(source.env);
    try {
      await load(database, 'regions', REGIONS);
      await load(database, 'projects', [project('P-1'), project('P-2', { totalInvestment: 2n ** 62n })], {
        year: 2020,
        list: 'province_key',
      });
    } finally {
      await database.close();
    }
    file = join(dir, 'sibi.backup.gz');
    backup = await sibi(['backup', file], source.env);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([source?.cleanup(), into?.cleanup()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it(`restores into ${other} with every table equal, and replaces data only with --force`, async () => {
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(
      /^已备份 \d+ 张表 \d+ 行到 .*（[\d.]+ MB，数据库迁移 \d+ 个，用时 [\d.]+ 秒）\n$/,
    );
    expect(backup.code).toBe(0);

    const restore = await sibi(['restore', file], into.env);
    expect(restore.stdout).toMatch(/逐表行数与校验和一致/);
    expect(restore.code).toBe(0);
    expect(await printOf(into)).toEqual(await printOf(source));

    const again = await sibi(['restore', file], into.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^错误：数据库 .* 不是空的（.*）；恢复会替换全部数据，确认后加 --force\n$/);
    expect((await sibi(['restore', '--force', file], into.env)).code).toBe(0);
    expect(await printOf(into)).toEqual(await printOf(source));
  }, 300_000);

  it('rejects a cut file with exit code 1 and one line naming it; usage errors exit 2', async () => {
    const cut = join(dir, 'cut.gz');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 40));
    const before = await printOf(source);
    const result = await sibi(['restore', '--force', cut], source.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`错误：备份文件 ${cut}：文件不完整（被截断）\n`);
    expect(await printOf(source)).toEqual(before);

    const nowhere = await sibi(['backup', join(dir, 'missing', 'x.gz')], source.env);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/无法写入：目录不存在/);
    expect((await sibi(['restore'], source.env)).code).toBe(2);
  }, 300_000);
});
