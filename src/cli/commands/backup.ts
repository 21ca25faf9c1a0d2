// `sibi backup FILE` and `sibi restore FILE [--force]`: the whole database to and from one file,
// the same format for PGlite and PostgreSQL. Neither runs the migrations on opening: a backup
// reads the database as it is, a restore builds the schema itself.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { configFromEnv } from '../../db/client';
import { createBackup } from '../../services/backup';
import { NotFoundError } from '../../services/errors';
import { restoreBackup } from '../../services/restore-backup';
import { startProgress } from '../progress';
import { CLI_ACTOR, withDatabase } from '../run';

const context = () => ({ actor: CLI_ACTOR, ip: null, now: new Date() });
const asIs = () => ({ ...configFromEnv(), migrate: false });
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('备份整个数据库到一个文件（一致性快照，gzip 压缩；PGlite 与 PostgreSQL 通用）')
    .argument('<file>', '备份文件，如 sibi-2020-10-01.sibi.gz')
    .action(async (file: string) => {
      const config = asIs();
      if (config.dataDir && !existsSync(config.dataDir))
        throw new NotFoundError(`数据目录 ${config.dataDir} 不存在`);
      const progress = startProgress('备份');
      const summary = await withDatabase(
        (database) => createBackup(database, file, context(), (done, total) => progress.update(done, total)),
        config,
      ).finally(() => progress.stop());
      process.stdout.write(
        `已备份 ${summary.tables} 张表 ${summary.rows} 行到 ${file}（${mib(summary.bytes)}，数据库迁移 ${summary.migrations} 个，用时 ${summary.seconds.toFixed(1)} 秒）\n`,
      );
    });

  program
    .command('restore')
    .description('从备份文件恢复整个数据库：一个事务，逐表核对行数与校验和，全部成功才生效')
    .argument('<file>', 'sibi backup 写的备份文件')
    .option('--force', '数据库已有数据时也恢复：替换全部现有数据')
    .action(async (file: string, opts: { force?: boolean }) => {
      const progress = startProgress('恢复');
      const summary = await withDatabase(
        (database) =>
          restoreBackup(database, file, context(), {
            force: opts.force,
            onProgress: (done, total) => progress.update(done, total),
          }),
        asIs(),
        { create: true }, // restoring into a new data folder makes it
      ).finally(() => progress.stop());
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
      const later = summary.laterMigrations ? `，其后又执行迁移 ${summary.laterMigrations} 个` : '';
      process.stdout.write(
        `已从 ${file} 恢复 ${summary.tables} 张表 ${summary.rows} 行（备份于 ${summary.createdAt}，来自 ${summary.source.database}；` +
          `迁移级别 ${summary.backupMigrations}${later}），逐表行数与校验和一致，用时 ${summary.seconds.toFixed(1)} 秒\n`,
      );
    });
}
