import type { Command } from 'commander';
import { openDatabase } from '../../db/client';
import { buildApp } from '../../http/app';
import { loadDemo } from '../../services/load-demo';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动网页与 API 服务')
    .option('--port <port>', '端口', '3000')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--demo', '载入演示省份（模拟数据）')
    .action(async (opts: { port: string; host: string; demo?: boolean }) => {
      const database = await openDatabase();
      if (opts.demo) {
        const summary = await loadDemo(database, { skipIfLoaded: true, onProgress: (m) => process.stderr.write(`${m}\n`) });
        process.stderr.write(`演示数据（模拟数据）已就绪：${summary}\n`);
      }
      const app = await buildApp({ database, logger: true });
      const close = async () => {
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: Number(opts.port), host: opts.host });
      process.stderr.write(`sibi 已启动：http://${opts.host}:${opts.port}/  数据库：${database.kind}（${database.location}）\n`);
    });
}
