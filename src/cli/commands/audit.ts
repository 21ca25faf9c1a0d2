// `sibi audit verify`: walks the audit log's hash chain (migration 0015) and names every row that was
// edited, deleted or moved. Exit 0 when the chain is whole, 1 when it is not.
import type { Command } from 'commander';
import { verifyAuditLog } from '../../services/audit-log';
import { CLI_ACTOR, EXIT_REJECTED, printJson, withDatabase } from '../run';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的哈希链：指出被修改、删除或调换顺序的记录（不完整时退出码 1）')
    .option('--json', '以 JSON 输出结果')
    .action(async (opts: { json?: boolean }) => {
      const report = await withDatabase((database) =>
        verifyAuditLog(database, { actor: CLI_ACTOR, ip: null, now: new Date() }),
      );
      if (opts.json) printJson(report);
      else if (report.ok) {
        const range =
          report.rows === 0
            ? '尚无入链的记录'
            : `第 ${report.firstSeq} 至 ${report.lastSeq} 条，共 ${report.rows} 条`;
        const purged = report.purgedSeq > 0 ? `（第 ${report.purgedSeq} 条及以前已按保留期清理）` : '';
        process.stdout.write(`审计日志哈希链完整：${range}${purged}\n链尾哈希：${report.headHash ?? '无'}\n`);
      } else {
        process.stderr.write(`错误：审计日志哈希链不完整，发现 ${report.problems.length} 处问题：\n`);
        for (const problem of report.problems) process.stderr.write(`  ${problem.message}\n`);
      }
      if (!report.ok) process.exitCode = EXIT_REJECTED;
    });
}
