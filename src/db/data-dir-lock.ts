// One process at a time on a PGlite data folder. PGlite is PostgreSQL compiled to WebAssembly with
// the whole database in the process's memory: a second process on the same folder writes over the
// first one's files (its rows are lost, and a crash in between leaves the folder unopenable). So
// every process that opens the folder first takes `<folder>.lock`, created atomically with
// open(…, 'wx') and holding pid, command and start time; it is removed on close, on exit and on
// SIGINT/SIGTERM. A lock whose process is gone (crash, kill -9, power loss) is stale and taken over.
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { DataDirError } from './data-dir-error';

export interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
  host: string;
  /** Set by `sibi serve` once it listens: where to send work instead (sibi import --server). */
  url?: string;
}

/** The folder is in use by another live process. */
export class DataDirLockedError extends DataDirError {
  override name = 'DataDirLockedError';
  constructor(
    message: string,
    readonly holder: LockHolder | null,
    readonly lockFile: string,
  ) {
    super(message);
  }
}

export interface DataDirLock {
  file: string;
  /** Records the server's address in the lock (shown to a second process). */
  note(url: string): void;
  release(): void;
}

export const lockFileFor = (dataDir: string) => `${dataDir.replace(/[/\\]+$/, '')}.lock`;

const held = new Map<string, LockHolder>(); // lock file -> what we wrote, in this process
let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', releaseAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // Someone else handles the signal (sibi serve closes the database, which releases the lock).
      if (process.listenerCount(signal) > 1) return;
      releaseAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

function releaseAll(): void {
  for (const file of [...held.keys()]) releaseFile(file);
}

function releaseFile(file: string): void {
  const mine = held.get(file);
  held.delete(file);
  if (!mine) return;
  try {
    const current = parseHolder(readFileSync(file, 'utf8'));
    if (current && current.pid === mine.pid && current.startedAt === mine.startedAt) unlinkSync(file);
  } catch {
    // Already gone, or unreadable: nothing of ours to remove.
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.startedAt !== 'string') return null;
    return {
      pid: value.pid,
      command: String(value.command ?? ''),
      startedAt: value.startedAt,
      host: String(value.host ?? ''),
      ...(typeof value.url === 'string' ? { url: value.url } : {}),
    };
  } catch {
    return null;
  }
}

function commandLine(): string {
  const args = process.argv.slice(2).map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a));
  return `sibi ${args.join(' ')}`.trim().slice(0, 300);
}

/** Start of process `pid` (Linux, from /proc), or null where that cannot be read. */
function processStart(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22 (starttime), counted after the command name
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(btime)) return null;
    return (btime + ticks / 100) * 1000; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Whether the process that wrote `holder` is still running (same host only). */
function holderAlive(holder: LockHolder): boolean {
  if (holder.pid === process.pid) return false; // not in `held` (checked before): left by an earlier process
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  // The pid is taken; by the same process, unless it started after the lock was written (pid reuse).
  const started = processStart(holder.pid);
  const locked = Date.parse(holder.startedAt);
  return !(started !== null && Number.isFinite(locked) && started > locked + 2_000);
}

function describe(holder: LockHolder): string {
  const since = new Date(holder.startedAt);
  const when = Number.isNaN(since.getTime())
    ? holder.startedAt
    : since.toLocaleString('zh-CN', { hour12: false });
  return `进程号 ${holder.pid}（${holder.command || '命令不详'}，${when} 起${holder.host && holder.host !== hostname() ? `，主机 ${holder.host}` : ''}）`;
}

function refusal(dataDir: string, file: string, holder: LockHolder | null): DataDirLockedError {
  const who = holder ? describe(holder) : '另一个进程';
  const server = holder?.url ?? 'http://<服务地址>';
  const lines = [
    `数据目录 ${dataDir} 正由另一个 sibi 进程使用：${who}。`,
    '内置数据库（PGlite）同一时间只能由一个进程打开：两个进程同时打开，写入会丢失，甚至损坏数据目录。',
    holder?.pid
      ? `请先停止该进程（在它的终端按 Ctrl+C，或 kill ${holder.pid}）后重试；`
      : '请先停止该进程后重试；',
    `导入数据也可以交给正在运行的服务：sibi import <类型> <文件> --server ${server}（账户取自环境变量 SIBI_USER、SIBI_PASSWORD）。`,
    holder && holder.host !== hostname()
      ? `锁文件由另一台主机写入，无法判断该进程是否仍在运行；确认它已停止后，可删除锁文件 ${file}。`
      : `若确认该进程已不存在，可删除锁文件 ${file}。`,
  ];
  return new DataDirLockedError(lines.join('\n'), holder, file);
}

/**
 * Takes the lock of `dataDir` for this process, or throws DataDirLockedError naming the holder.
 * A stale lock (its process gone) is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = lockFileFor(dataDir);
  if (held.has(file)) {
    throw refusal(dataDir, file, held.get(file) ?? null);
  }
  installExitHooks();
  const mine: LockHolder = {
    pid: process.pid,
    command: commandLine(),
    startedAt: new Date().toISOString(),
    host: hostname(),
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const text = safeRead(file);
      if (text === null) continue; // removed meanwhile: try again
      const holder = parseHolder(text);
      if (!holder) {
        // Being written right now, or torn by a crash between create and write: give a writer 2 s.
        if (Date.now() - mtimeOf(file) < 2_000) {
          sleep(50);
          continue;
        }
      } else if (holder.host !== hostname() || holderAlive(holder)) {
        throw refusal(dataDir, file, holder);
      }
      takeOver(file, text);
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(mine)}\n`);
    } finally {
      closeSync(fd);
    }
    held.set(file, mine);
    return {
      file,
      note: (url: string) => {
        if (held.get(file) !== mine) return;
        mine.url = url;
        try {
          // Our own file, replaced whole by rename: a reader never sees it half-written.
          const tmp = `${file}.${process.pid}.tmp`;
          const fdTmp = openSync(tmp, 'w', 0o644);
          writeSync(fdTmp, `${JSON.stringify(mine)}\n`);
          closeSync(fdTmp);
          renameSync(tmp, file);
        } catch {
          // The note is a convenience; the lock itself stands.
        }
      },
      release: () => {
        if (held.get(file) === mine) releaseFile(file);
      },
    };
  }
  throw refusal(dataDir, file, parseHolder(safeRead(file) ?? ''));
}

/**
 * Removes a stale lock. Moved aside first (rename is atomic); if what was moved is not the stale
 * lock we read (another process took over in between), it is put back with link(), which never
 * overwrites a lock created meanwhile.
 */
function takeOver(file: string, staleText: string): void {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already
  }
  const moved = safeRead(aside);
  if (moved !== staleText) {
    try {
      linkSync(aside, file);
    } catch {}
  }
  try {
    unlinkSync(aside);
  } catch {}
}

function safeRead(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
