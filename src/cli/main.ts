// The `sibi` command.
import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerBulletinCommand } from './commands/bulletin';
import { registerDataCommands } from './commands/data';
import { registerDbCommands } from './commands/db';
import { registerDemoCommand } from './commands/demo';
import { registerEntryCommands } from './commands/entries';
import { registerEvaluateCommand } from './commands/evaluate';
import { registerHonoursCommands } from './commands/honours';
import { registerPublicLinkCommand } from './commands/public-link';
import { registerQualityCommand } from './commands/quality';
import { registerSchemeCommands } from './commands/scheme';
import { registerServeCommand } from './commands/serve';
import { registerStatsCommand } from './commands/stats';
import { registerUserCommands } from './commands/user';
import { registerWarningsCommand } from './commands/warnings';
import { EXIT_USAGE, reportError } from './run';

const program = new Command('sibi')
  .description('四比 — 重点项目管理与“四比四看”综合考评')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

registerServeCommand(program);
registerDemoCommand(program);
registerDataCommands(program);
registerStatsCommand(program);
registerWarningsCommand(program);
registerQualityCommand(program);
registerUserCommands(program);
registerBulletinCommand(program);
registerEvaluateCommand(program);
registerSchemeCommands(program);
registerHonoursCommands(program);
registerEntryCommands(program);
registerPublicLinkCommand(program);
registerBackupCommands(program);
registerDbCommands(program);
registerAuditCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  } else {
    process.exitCode = reportError(error);
  }
}
