// Runs a command with the database open, and turns errors into one clear line and an exit code.
import { hostname, userInfo } from 'node:os';
import {
  configFromEnv,
  type Database,
  type DatabaseConfig,
  DataDirError,
  DataDirLockedError,
  describeDatabase,
  openDatabase,
} from '../db/client';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/unavailable';
import { VersionGuardError } from '../db/version';
import { SchemeError } from '../domain/evaluation/scheme';
import { PeriodError } from '../domain/period';
import {
  ConflictError,
  InputRejectedError,
  NotFoundError,
  RuleViolationError,
  UsageError,
} from '../services/errors';

export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

/** How the line naming the database begins (tests take it apart from the rest of stderr). */
export const DATABASE_LINE = '数据库：';

/**
 * The audit actor of every command: `cli:` (not the web), the operating-system account that ran it
 * (from the system's user database, not the USER variable anyone can set) and the machine.
 */
export const CLI_ACTOR = `cli:${osUser()}@${hostname()}`;

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // a uid with no entry in the user database (some containers)
    return `uid${process.getuid?.() ?? '?'}`;
  }
}

export interface DatabaseUse {
  /** The command makes a database (first start, demo, restore): a missing data folder is created. */
  create?: boolean;
}

/**
 * Opens the database for one command, first saying which one on stderr (folder, or PostgreSQL host,
 * database and user; never a password). A data folder that does not exist is refused unless the
 * command makes a database: no silent fresh database at a mistyped path or in ./data.
 */
export async function withDatabase<T>(
  work: (database: Database) => Promise<T>,
  config: DatabaseConfig = configFromEnv(),
  use: DatabaseUse = {},
): Promise<T> {
  process.stderr.write(`${DATABASE_LINE}${describeDatabase(config)}\n`);
  const database = await openDatabase({ ...config, mustExist: !use.create });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof PeriodError) return EXIT_USAGE;
  return EXIT_REJECTED;
}

/**
 * The message of a thrown non-Error (some drivers throw plain objects with a `message`; a closing
 * database may reject with null). Never a bare "null" (issue #14): say what was thrown.
 */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    if (typeof message === 'string' && message.trim()) return message;
    let shown = '';
    try {
      shown = JSON.stringify(error) ?? '';
    } catch {
      shown = String(error);
    }
    const codeText = typeof code === 'string' || typeof code === 'number' ? `，代码 ${code}` : '';
    return `程序收到一个非错误值（${shown === '{}' ? '空对象' : shown}${codeText}），没有说明原因；若数据库连接刚被关闭或中断，请重试（设置 SIBI_DEBUG=1 可看到更多信息）`;
  }
  const shown = error === '' ? '空字符串' : String(error);
  return `程序收到一个非错误值（${shown}），没有说明原因；若数据库连接刚被关闭或中断，请重试（设置 SIBI_DEBUG=1 可看到更多信息）`;
}

/** ", 原因：…" for an error's cause, when it has one that says something. */
function causeText(error: Error): string {
  const { cause } = error;
  if (cause === undefined || cause === null) return '';
  const text = cause instanceof Error ? cause.message : messageOf(cause);
  return text ? `（原因：${text.split('\n')[0]}）` : '';
}

/** Prints an error without a stack trace; rejected input lists every problem, one per line. */
export function reportError(error: unknown): number {
  const err = error instanceof Error ? error : new Error(messageOf(error));
  if (err instanceof InputRejectedError) {
    process.stderr.write(`错误：${err.message}\n`);
    for (const p of err.problems) {
      const where = [p.file, p.row !== null ? `第${p.row}行` : null, p.column ? `列「${p.column}」` : null]
        .filter(Boolean)
        .join(' ');
      const value = p.value !== null && p.value !== '' ? ` 值「${p.value}」` : '';
      process.stderr.write(`  ${where}${value}：${p.reason}\n`);
    }
  } else if (err instanceof SchemeError) {
    // Every problem, one per line with its line and column, never only the first line of the message.
    process.stderr.write(`错误：${err.message.split('\n')[0]}\n`);
    for (const issue of err.issues) process.stderr.write(`  ${issue}\n`);
  } else if (err instanceof RuleViolationError) {
    process.stderr.write(`错误：${err.message}\n`);
    if (Array.isArray(err.details)) for (const detail of err.details) process.stderr.write(`  ${detail}\n`);
  } else if (
    err instanceof UsageError ||
    err instanceof PeriodError ||
    err instanceof NotFoundError ||
    err instanceof ConflictError
  ) {
    process.stderr.write(`错误：${err.message}\n`);
  } else if (
    err instanceof DataDirLockedError ||
    err instanceof DataDirError ||
    err instanceof VersionGuardError
  ) {
    // Every line: who holds the folder, why that matters, what to do.
    process.stderr.write(`错误：${err.message}\n`);
  } else if (isDatabaseUnavailable(err)) {
    const cause = err.cause instanceof Error ? err.cause.message : err.message;
    process.stderr.write(`错误：${DATABASE_UNAVAILABLE_MESSAGE}（${cause.split('\n')[0]}）\n`);
  } else {
    process.stderr.write(`错误：${err.message.split('\n')[0] || messageOf(error)}${causeText(err)}\n`);
    if (process.env.SIBI_DEBUG) process.stderr.write(`${err.stack}\n`);
  }
  return exitCodeFor(err);
}

export function printJson(value: unknown): void {
  process.stdout.write(
    `${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v), 2)}\n`,
  );
}

export function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new UsageError(`年度应为四位数字：${text}`);
  return Number(text);
}
