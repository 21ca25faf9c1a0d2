// `sibi db partition`: the large tables partitioned by province code, PostgreSQL only
// (src/services/partition-tables.ts; docs/scaling.md §3).
import type { Command } from 'commander';
import { configFromEnv } from '../../db/client';
import { recordedLevel } from '../../db/version';
import { RuleViolationError, UsageError } from '../../services/errors';
import { abandonPartition, PGLITE_REFUSAL, partitionOnline } from '../../services/partition-tables';
import { CLI_ACTOR, withDatabase } from '../run';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('数据库维护');
  db.command('migrate')
    .description(
      '执行数据库迁移，记录结构版本与 sibi 版本（PostgreSQL 上以所有者角色运行；以应用角色运行的服务设 SIBI_MIGRATE=0）',
    )
    .action(async () => {
      // Whatever SIBI_MIGRATE says: migrating is what this command is for, and it may make the database.
      const level = await withDatabase(
        (database) => recordedLevel(database.db),
        { ...configFromEnv(), migrate: true },
        {
          create: true,
        },
      );
      process.stdout.write(
        `数据库已迁移到结构版本 ${level?.schemaVersion}（由 sibi ${level?.appVersion} 记录）\n`,
      );
    });
  db.command('partition')
    .description(
      'monthly_reports 与 project_months 改为按省分区（每省一个分区加默认分区；已分区时为新增的省建分区）。' +
        '在线进行：服务照常读写，数据分批复制，每次等锁至多 --lock-timeout 毫秒，拿不到就退让重试',
    )
    .option('--lock-timeout <ms>', '每次等锁的上限（毫秒；不超过 deadlock_timeout 的一半）', '500')
    .option('--give-up <seconds>', '一个步骤一直拿不到锁时，多少秒后停止并说明是谁占着表', '120')
    .option('--abandon', '撤销上次中断的分区留下的影子表与同步触发器（表保持原样）')
    .action(async (options: { lockTimeout: string; giveUp: string; abandon?: boolean }) => {
      const config = configFromEnv();
      // Refused before opening: opening would create a PGlite data folder.
      if (!config.url) throw new RuleViolationError(PGLITE_REFUSAL);
      const online = {
        lockTimeoutMs: positive(options.lockTimeout, '--lock-timeout'),
        giveUpMs: positive(options.giveUp, '--give-up') * 1000,
        progress: (line: string) => process.stderr.write(`${line}\n`),
      };
      const context = { actor: CLI_ACTOR, ip: null, now: new Date() };
      if (options.abandon) {
        const removed = await withDatabase((database) => abandonPartition(database, context, online), config);
        process.stdout.write(
          removed.length > 0
            ? `已撤销 ${removed.join('、')} 的影子表与同步触发器，表保持原样\n`
            : '没有中断的分区要撤销\n',
        );
        return;
      }
      const started = performance.now();
      const run = await withDatabase((database) => partitionOnline(database, context, online), config);
      const lines: string[] = [];
      for (const t of run.tables) {
        const provinces = t.partitions.filter((p) => p.province !== null).length;
        const head =
          t.action === 'partitioned'
            ? `已改为按省分区（${provinces} 个省分区加默认分区），搬入 ${t.movedRows} 行`
            : t.action === 'split'
              ? `为新增的省 ${t.added.join('、')} 建了分区，从默认分区搬出 ${t.movedRows} 行`
              : `已按省分区（${provinces} 个省分区加默认分区），每个省都有自己的分区，未做改动`;
        lines.push(`${t.table}：${head}`);
        for (const p of t.partitions) {
          // 默认 is two characters four columns wide
          const label = p.province === null ? '默认'.padEnd(6) : p.province.padEnd(8);
          lines.push(`  ${p.name.padEnd(32)} ${label} ${p.rows} 行`);
        }
      }
      if (run.tables.some((t) => t.action !== 'unchanged')) {
        lines.push(
          `分批复制 ${run.batches} 批；等锁超时后重试 ${run.retries} 次（每次至多 ${run.lockTimeoutMs} 毫秒）；` +
            `独占锁最长 ${Math.round(run.exclusiveMs)} 毫秒`,
        );
      }
      for (const table of run.leftovers) {
        lines.push(`${table} 暂未删除（projects 一直在用）：再次运行 sibi db partition 时删除`);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${lines.join('\n')}\n用时 ${seconds} 秒\n`);
    });
}

function positive(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${option} 须为正数：${value}`);
  return n;
}
