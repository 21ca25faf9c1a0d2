// The command list `sibi --help` prints without loading the commands agrees with what the command
// modules register, and docs/cli.md documents every command, subcommand and option.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, registerCommands } from './index';

async function fullProgram(): Promise<Command> {
  const program = new Command('sibi');
  const loaded = new Set<unknown>();
  for (const entry of COMMANDS) {
    const register = await entry.load();
    if (loaded.has(register)) continue;
    loaded.add(register);
    register(program);
  }
  return program;
}

/** Every command path (`evaluate`, `events add`, …) with its long options. */
function walk(command: Command, prefix: string[] = []): { path: string[]; options: string[] }[] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    const options = sub.options.map((o) => o.long).filter((o): o is string => Boolean(o));
    return [{ path, options }, ...walk(sub, path)];
  });
}

describe('the sibi command list', () => {
  it('names every command the modules register, each with the description it registers', async () => {
    const program = await fullProgram();
    expect(program.commands.map((c) => c.name()).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    for (const entry of COMMANDS) {
      expect(program.commands.find((c) => c.name() === entry.name)?.description(), entry.name).toBe(
        entry.summary,
      );
    }
  });

  it('loads only the module of the command named, also for `sibi help <command>`', async () => {
    for (const args of [
      ['stats', '--region', '410300'],
      ['help', 'stats'],
    ]) {
      const program = new Command('sibi');
      await registerCommands(program, args);
      expect(program.commands.map((c) => c.name())).toEqual(['stats']);
      expect(program.commands[0]!.options.map((o) => o.long)).toContain('--period');
    }
    const help = new Command('sibi');
    await registerCommands(help, ['--help']);
    expect(help.commands.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));
    expect(help.commands.every((c) => c.options.length === 0)).toBe(true);
  });

  it('is documented in docs/cli.md: every command, subcommand and option', async () => {
    const docs = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8');
    const missing: string[] = [];
    for (const { path, options } of walk(await fullProgram())) {
      const name = `sibi ${path.join(' ')}`;
      if (!docs.includes(name)) missing.push(name);
      for (const option of options) {
        if (!new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\n]*${option}\\b`).test(docs)) {
          missing.push(`${name} ${option}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
