// The `sibi` command. Only the command named is loaded (src/cli/commands/index.ts): `sibi --help`
// starts without the database, the server or the file readers.
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index';

/** Exit code of a usage error (run.ts EXIT_USAGE, not imported here: run.ts loads the database). */
const EXIT_USAGE = 2;

const program = new Command('sibi')
  .description('四比 — 重点项目管理与“四比四看”综合考评')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

try {
  await registerCommands(program, process.argv.slice(2));
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  } else {
    const { reportError } = await import('./run');
    process.exitCode = reportError(error);
  }
}
