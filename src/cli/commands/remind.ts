// `sibi remind [--dry-run]`: sends the deadline reminders due today (站内消息, and the regions' group
// robots), for cron beside or instead of the server's own timer. Each report is reminded at most once
// a period, so running it again (or while a server runs it) sends nothing twice.
import type { Command } from 'commander';
import { deadlineTitle, periodTitle } from '../../domain/report-period';
import { type ReminderRun, runReminders } from '../../services/reminders';
import { CLI_ACTOR, printJson, withDatabase } from '../run';

const STATUS: Record<string, string> = {
  sent: '已发送',
  failed: '失败',
  pending: '未完成',
  planned: '将发送',
};

function summary(run: ReminderRun): string {
  const period = `${periodTitle(run.period)}月报（${deadlineTitle(run.period.deadline)}截止，还剩 ${run.period.daysLeft} 天）`;
  if (!run.enabled) return `报送提醒已关闭（设置 reminder.enabled）；本期：${period}\n`;
  if (!run.due) return `今天不在提醒日内（截止日前 ${run.daysBefore} 天起提醒）；本期：${period}\n`;
  const verb = run.dryRun ? '将提醒' : '已提醒';
  const lines = [`${period}：${verb} ${run.reports} 份未报送的月报，站内消息 ${run.messages} 条`];
  for (const d of run.deliveries) {
    const why = d.error ? `：${d.error}` : '';
    lines.push(
      `  群机器人 ${d.regionName}（${d.kind}）${d.reports} 个项目 ${STATUS[d.status] ?? d.status}${why}`,
    );
  }
  if (run.reports === 0) lines.push('  （本期未报送的月报都已提醒过，不再重复）');
  return `${lines.join('\n')}\n`;
}

export function registerRemindCommand(program: Command): void {
  program
    .command('remind')
    .description('发送到期的月报报送提醒（站内消息、群机器人；每份月报每期只提醒一次）')
    .option('--dry-run', '只统计将提醒的月报、消息与群机器人，不写入、不发送')
    .option('--json', '以 JSON 输出结果')
    .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
      const run = await withDatabase((database) =>
        runReminders(database, { now: new Date(), dryRun: opts.dryRun ?? false, actor: CLI_ACTOR }),
      );
      if (opts.json) printJson(run);
      else process.stdout.write(summary(run));
      if (run.deliveries.some((d) => d.status === 'failed')) process.exitCode = 1;
    });
}
