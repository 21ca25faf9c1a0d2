import type { Command } from 'commander';
import { loadDemo } from '../../services/load-demo';
import { withDatabase } from '../run';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('载入演示省份（河南，模拟数据；重复运行不改变数据）')
    .action(async () => {
      const summary = await withDatabase(
        (database) => loadDemo(database, { onProgress: (m) => process.stderr.write(`${m}\n`) }),
        undefined,
        { create: true }, // `sibi demo` makes a database where there is none
      );
      process.stdout.write(`演示数据（模拟数据）已载入：${summary}\n`);
    });
}
