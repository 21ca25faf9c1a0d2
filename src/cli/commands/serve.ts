import type { Command } from 'commander';
import { openDatabase } from '../../db/client';
import { buildApp } from '../../http/app';
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../services/auth/demo-accounts';
import { ensureInitialAdmin, INITIAL_ADMIN } from '../../services/auth/initial-admin';
import { purgeExpiredSessions } from '../../services/auth/sessions';
import { loadDemo } from '../../services/load-demo';
import { startReminderTimer } from '../../services/reminders';

const PURGE_EVERY_MS = 60 * 60 * 1000;

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动网页与 API 服务')
    .option('--port <port>', '端口', '3000')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--demo', '载入演示省份（模拟数据）并创建演示账户')
    .action(async (opts: { port: string; host: string; demo?: boolean }) => {
      const database = await openDatabase();
      // No default account: the first start creates the administrator with a password shown once.
      const password = await ensureInitialAdmin(database, new Date());
      if (password) {
        process.stderr.write(
          `首次启动：已创建系统管理员账户 ${INITIAL_ADMIN}，初始密码（只显示这一次）：${password}\n` +
            '  首次登录须修改密码并绑定动态验证码。\n',
        );
      }
      if (opts.demo) {
        const summary = await loadDemo(database, {
          skipIfLoaded: true,
          onProgress: (m) => process.stderr.write(`${m}\n`),
        });
        process.stderr.write(`演示数据（模拟数据）已就绪：${summary}\n`);
        const created = await ensureDemoAccounts(database, new Date());
        if (created.length > 0) {
          process.stderr.write(
            `演示账户已创建（密码 ${DEMO_PASSWORD}，见 docs/accounts.md）：${created.join('、')}\n`,
          );
        }
      }
      const app = await buildApp({
        database,
        logger: true,
        demo: opts.demo ?? false,
        trustProxy: process.env.SIBI_TRUST_PROXY === '1',
      });
      const purge = setInterval(
        () => void purgeExpiredSessions(database, new Date()).catch(() => {}),
        PURGE_EVERY_MS,
      );
      purge.unref();
      // 报送提醒 before the deadline day (docs/operations.md); at most once per report and period.
      const stopReminders = startReminderTimer(database, {
        onError: (error) => app.log.error({ err: error }, 'reminders failed'),
      });
      const close = async () => {
        clearInterval(purge);
        stopReminders();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: Number(opts.port), host: opts.host });
      // A second process refused on the data folder is told where to send its import instead.
      database.lock?.note(`http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${opts.port}`);
      process.stderr.write(
        `sibi 已启动：http://${opts.host}:${opts.port}/  数据库：${database.kind}（${database.location}）\n`,
      );
    });
}
