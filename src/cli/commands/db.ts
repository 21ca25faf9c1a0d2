// `sibi db partition`: the large tables partitioned by province code, PostgreSQL only
// (src/services/partition-tables.ts; docs/scaling.md §3).
import type { Command } from 'commander';
import { configFromEnv } from '../../db/client';
import { recordedLevel } from '../../db/version';
import { RuleViolationError } from '../../services/errors';
import { PGLITE_REFUSAL, partitionByProvince } from '../../services/partition-tables';
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
      'monthly_reports 与 project_months 改为按省分区（每省一个分区加默认分区；已分区时为新增的省建分区）',
    )
    .action(async () => {
      const config = configFromEnv();
      // Refused before opening: opening would create a PGlite data folder.
      if (!config.url) throw new RuleViolationError(PGLITE_REFUSAL);
      const started = performance.now();
      const tables = await withDatabase(
        (database) => partitionByProvince(database, { actor: CLI_ACTOR, ip: null, now: new Date() }),
        config,
      );
      const lines: string[] = [];
      for (const t of tables) {
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
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${lines.join('\n')}\n用时 ${seconds} 秒\n`);
    });
}
