// The `sibi` program: one run of a command line, its exit code left in process.exitCode. Only the
// command named is loaded (commands/index.ts): `sibi --help` starts without the database, the server
// or the file readers. main.ts runs it for the `sibi` executable; tests run it in process too.
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index';

/** Exit code of a usage error (run.ts EXIT_USAGE, not imported here: run.ts loads the database). */
const EXIT_USAGE = 2;

/** Runs `sibi <args…>`; errors become one clear line on stderr and the exit code (run.ts). */
export async function runSibi(args: readonly string[]): Promise<void> {
  const program = new Command('sibi')
    .description('四比 — 重点项目管理与“四比四看”综合考评')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
    });
  try {
    await registerCommands(program, [...args]);
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    } else {
      const { reportError } = await import('./run');
      process.exitCode = reportError(error);
    }
  }
}
