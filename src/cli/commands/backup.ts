// `sibi backup FILE [--unsigned]` and `sibi restore FILE [--force] [--unsigned] [--force-in-use]`: the
// whole database to and from one file, the same format for PGlite and PostgreSQL, signed with the
// key SIBI_BACKUP_KEY and encrypted when SIBI_BACKUP_PASSPHRASE is set (src/services/backup-keys.ts).
// Neither runs the migrations on opening: a backup reads the database as it is, a restore builds the
// schema itself.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { configFromEnv, DataDirLockedError } from '../../db/client';
import type { LockHolder } from '../../db/data-dir-lock';
import { createBackup } from '../../services/backup';
import { backupSecretsFromEnv } from '../../services/backup-keys';
import { NotFoundError } from '../../services/errors';
import { type RestoreSummary, restoreBackup } from '../../services/restore-backup';
import { startProgress } from '../progress';
import { CLI_ACTOR, withDatabase } from '../run';

const context = () => ({ actor: CLI_ACTOR, ip: null, now: new Date() });
const asIs = () => ({ ...configFromEnv(), migrate: false });
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      '备份整个数据库到一个文件（一致性快照，gzip 压缩，以 SIBI_BACKUP_KEY 签名；设置 SIBI_BACKUP_PASSPHRASE 时加密；PGlite 与 PostgreSQL 通用）',
    )
    .argument('<file>', '备份文件，如 sibi-2020-10-01.sibi.gz')
    .option('--unsigned', '未配置签名密钥时写未签名的备份（恢复时也须加 --unsigned）')
    .action(async (file: string, opts: { unsigned?: boolean }) => {
      const secrets = backupSecretsFromEnv();
      const config = asIs();
      if (config.dataDir && !existsSync(config.dataDir))
        throw new NotFoundError(`数据目录 ${config.dataDir} 不存在`);
      const progress = startProgress('备份');
      const summary = await withDatabase(
        (database) =>
          createBackup(database, file, context(), {
            secrets,
            unsigned: opts.unsigned,
            onProgress: (done, total) => progress.update(done, total),
          }),
        config,
      ).finally(() => progress.stop());
      if (!summary.keyId) {
        process.stderr.write('警告：这个备份没有签名，恢复时无法确认它未被改动（恢复须加 --unsigned）\n');
      }
      const sealed = [
        summary.keyId ? `已签名（密钥标识 ${summary.keyId}）` : '未签名',
        summary.encrypted ? '已加密' : '未加密',
      ].join('，');
      process.stdout.write(
        `已备份 ${summary.tables} 张表 ${summary.rows} 行到 ${file}（${mib(summary.bytes)}，${sealed}，数据库迁移 ${summary.migrations} 个，用时 ${summary.seconds.toFixed(1)} 秒）\n`,
      );
    });

  program
    .command('restore')
    .description(
      '从备份文件恢复整个数据库：先通读校验签名与内容，再在一个事务中逐表核对行数与校验和，全部成功才生效',
    )
    .argument('<file>', 'sibi backup 写的备份文件')
    .option('--force', '数据库已有数据时也恢复：替换全部现有数据')
    .option('--unsigned', '接受没有签名的备份（或未配置签名密钥时不验证签名）')
    .option('--force-in-use', '其他 sibi 进程（如服务）正连接这个 PostgreSQL 数据库时也恢复')
    .action(async (file: string, opts: { force?: boolean; unsigned?: boolean; forceInUse?: boolean }) => {
      const secrets = backupSecretsFromEnv();
      const progress = startProgress('恢复');
      const summary = await withDatabase(
        (database) =>
          restoreBackup(database, file, context(), {
            force: opts.force,
            secrets,
            unsigned: opts.unsigned,
            forceInUse: opts.forceInUse,
            onProgress: (done, total) => progress.update(done, total),
          }),
        asIs(),
        { create: true }, // restoring into a new data folder makes it
      )
        .catch((error) => {
          throw error instanceof DataDirLockedError ? inUse(error) : error;
        })
        .finally(() => progress.stop());
      warn(summary);
      const later = summary.laterMigrations ? `，其后又执行迁移 ${summary.laterMigrations} 个` : '';
      process.stdout.write(
        `已从 ${file} 恢复 ${summary.tables} 张表 ${summary.rows} 行（备份于 ${summary.createdAt}，来自 ${summary.source.database}；` +
          `迁移级别 ${summary.backupMigrations}${later}；${ORIGIN[summary.signature]}${summary.encrypted ? '，已解密' : ''}），` +
          `逐表行数与校验和一致，用时 ${summary.seconds.toFixed(1)} 秒\n`,
      );
    });
}

const ORIGIN: Record<RestoreSummary['signature'], string> = {
  verified: '签名已验证',
  unsigned: '未签名',
  unverified: '签名未验证',
};

function warn(summary: RestoreSummary): void {
  if (summary.signature === 'unsigned') {
    process.stderr.write('警告：这个备份没有签名（按 --unsigned 恢复），无法确认它未被改动\n');
  }
  if (summary.signature === 'unverified') {
    process.stderr.write('警告：未配置签名密钥，按 --unsigned 恢复，没有验证备份的签名\n');
  }
  if (summary.inUseBy.length) {
    process.stderr.write(
      `警告：按 --force-in-use 在其他 sibi 进程连接时恢复（${summary.inUseBy.map((s) => s.name).join('、')}）；请重启这些服务\n`,
    );
  }
  if (summary.changedMigrations.length) {
    process.stderr.write(
      `提示：迁移 ${summary.changedMigrations.join('、')} 在备份之后修改过；表结构与备份一致，已按本程序的版本重建\n`,
    );
  }
  if (summary.unpartitioned.length) {
    process.stderr.write(
      `提示：恢复前 ${summary.unpartitioned.join('、')} 是按省分区的表，恢复后为普通表；需要分区请再运行 sibi db partition\n`,
    );
  }
}

/** The data folder's lock refusal, said for a restore: who holds it, and that it must stop first. */
function inUse(error: DataDirLockedError): DataDirLockedError {
  const holder: LockHolder | null = error.holder;
  const who = holder
    ? `进程号 ${holder.pid}（${holder.command || '命令不详'}，${holder.startedAt} 起${holder.host ? `，主机 ${holder.host}` : ''}）`
    : '另一个进程';
  const lines = [
    `数据目录 ${error.lockFile.replace(/\.lock$/, '')} 正由另一个 sibi 进程使用：${who}。`,
    '恢复会替换整个数据库，不能在它运行时进行：请先停止该进程' +
      (holder ? `（在它的终端按 Ctrl+C，或 kill ${holder.pid}）` : '') +
      '后再恢复。未做任何改动。',
    `若确认该进程已不存在，可删除锁文件 ${error.lockFile}。`,
  ];
  return new DataDirLockedError(lines.join('\n'), holder, error.lockFile);
}
