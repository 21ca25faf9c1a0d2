// `sibi backup` and `sibi restore` as an operator runs them, from each database into the other:
// signed with SIBI_BACKUP_KEY and encrypted with SIBI_BACKUP_PASSPHRASE (from the environment or from
// the files *_FILE names); without a key only with --unsigned; and a restore refused, naming the
// server, while `sibi serve` uses the database.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sibi } from '../../../test/helpers/cli';
import { type CliTarget, createCliTarget, testDatabases } from '../../../test/helpers/databases';
import { load, project, REGIONS } from '../../../test/helpers/factories';
import { fingerprint } from '../../../test/helpers/fingerprint';
import type { CliResult } from '../../../test/helpers/run-sibi';
import { startServeChild } from '../../../test/helpers/serve-child';
import { openCliDatabase } from '../../../test/helpers/serve-once';

const NAMES = testDatabases().map((d) => d.name);
const KEYS = {
  SIBI_BACKUP_KEY: 'a-signing-key-for-the-cli-backup-tests-0123456789',
  SIBI_BACKUP_PASSPHRASE: 'the cli tests encrypt with this',
};

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
    // Restored into a database no sibi has opened, as an operator restores into a new one.
    [source, into] = await Promise.all([createCliTarget(name), createCliTarget(other, { unmigrated: true })]);
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
    // The passphrase from a file, as a secret store would provide it (one trailing newline is not part of it).
    const passphraseFile = join(dir, 'passphrase');
    writeFileSync(passphraseFile, `${KEYS.SIBI_BACKUP_PASSPHRASE}\n`, { mode: 0o600 });
    backup = await sibi(['backup', file], {
      ...source.env,
      SIBI_BACKUP_KEY: KEYS.SIBI_BACKUP_KEY,
      SIBI_BACKUP_PASSPHRASE_FILE: passphraseFile,
    });
  }, 300_000);

  afterAll(async () => {
    await Promise.all([source?.cleanup(), into?.cleanup()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it(`restores into ${other} with every table equal, and replaces data only with --force`, async () => {
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(
      /^已备份 \d+ 张表 \d+ 行到 .*（[\d.]+ MB，已签名（密钥标识 [0-9a-f]{16}），已加密，数据库迁移 \d+ 个，用时 [\d.]+ 秒）\n$/,
    );
    expect(backup.code).toBe(0);

    const restore = await sibi(['restore', file], { ...into.env, ...KEYS });
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/签名已验证，已解密），逐表行数与校验和一致/);
    expect(restore.code).toBe(0);
    expect(await printOf(into)).toEqual(await printOf(source));

    const again = await sibi(['restore', file], { ...into.env, ...KEYS });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^错误：数据库 .* 不是空的（.*）；恢复会替换全部数据，确认后加 --force\n$/);
    expect((await sibi(['restore', '--force', file], { ...into.env, ...KEYS })).code).toBe(0);
    expect(await printOf(into)).toEqual(await printOf(source));
  }, 300_000);

  it('rejects a cut file with exit code 1 and one line naming it; usage errors exit 2', async () => {
    const cut = join(dir, 'cut.gz');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 40));
    const before = await printOf(source);
    const result = await sibi(['restore', '--force', cut], { ...source.env, ...KEYS });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^错误：备份文件 ${cut}：加密内容(的认证标签不符|被截断或改动过).*；未做任何改动\n$`),
    );
    const wrongKey = await sibi(['restore', '--force', file], {
      ...source.env,
      ...KEYS,
      SIBI_BACKUP_KEY: 'not-the-key-that-signed-this-backup-0123456789',
    });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/^错误：备份文件 .*：由另一把签名密钥签名/);
    expect(await printOf(source)).toEqual(before);

    const nowhere = await sibi(['backup', join(dir, 'missing', 'x.gz')], { ...source.env, ...KEYS });
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/无法写入：目录不存在/);
    expect((await sibi(['restore'], source.env)).code).toBe(2);
  }, 300_000);

  it('writes an unsigned backup only with --unsigned, and restores one only with --unsigned', async () => {
    const unsigned = join(dir, 'unsigned.gz');
    const refused = await sibi(['backup', unsigned], source.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^错误：未配置备份签名密钥（SIBI_BACKUP_KEY 或 SIBI_BACKUP_KEY_FILE）.*加 --unsigned\n$/,
    );
    const short = await sibi(['backup', unsigned], { ...source.env, SIBI_BACKUP_KEY: 'too short' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/签名密钥（SIBI_BACKUP_KEY）太短：至少 32 个字符/);

    const written = await sibi(['backup', '--unsigned', unsigned], source.env);
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(/^警告：这个备份没有签名/);
    expect(written.stdout).toMatch(/未签名，未加密/);

    const before = await printOf(source);
    const notAccepted = await sibi(['restore', '--force', unsigned], { ...source.env, ...KEYS });
    expect(notAccepted.code).toBe(1);
    expect(notAccepted.stderr).toMatch(/没有签名.*恢复时加 --unsigned；未做任何改动\n$/);
    expect(await printOf(source)).toEqual(before);
    const accepted = await sibi(['restore', '--force', '--unsigned', unsigned], { ...source.env, ...KEYS });
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toMatch(/^警告：这个备份没有签名（按 --unsigned 恢复）/);
    expect(await printOf(source)).toEqual(before);
  }, 300_000);

  it('refuses to restore while sibi serve uses the database, naming the server', async () => {
    const backedUp = await printOf(source);
    const server = await startServeChild(source.env);
    try {
      const refused = await sibi(['restore', '--force', file], { ...source.env, ...KEYS });
      expect(refused.code).toBe(1);
      if (name === 'pglite') {
        // The data folder's lock: the server's pid and command, and why a restore must wait.
        expect(refused.stderr).toContain(`正由另一个 sibi 进程使用：进程号 ${server.pid}（sibi serve`);
        expect(refused.stderr).toContain('恢复会替换整个数据库，不能在它运行时进行');
        expect(refused.stderr).toContain(`kill ${server.pid}`);
      } else {
        // PostgreSQL: the server's connections, by the name its pool gives them.
        expect(refused.stderr).toMatch(
          new RegExp(
            `^错误：数据库 .* 正由 1 个其他 sibi 进程使用：sibi:serve:${server.pid}@[^（]+（用户 sibi，\\d+ 个连接`,
          ),
        );
        expect(refused.stderr).toMatch(/加 --force-in-use。未做任何改动\n$/);
      }
      expect(server.alive()).toBe(true);
      if (name === 'postgres') {
        const forced = await sibi(['restore', '--force', '--force-in-use', file], { ...source.env, ...KEYS });
        expect(forced.code).toBe(0);
        expect(forced.stderr).toMatch(
          new RegExp(`^警告：按 --force-in-use 在其他 sibi 进程连接时恢复（sibi:serve:${server.pid}@`),
        );
        expect(await printOf(source)).toEqual(backedUp);
      }
    } finally {
      await server.stop();
    }
  }, 300_000);
});
