import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, lockFileFor } from './data-dir-lock';

describe('lockDataDir', () => {
  let dir = '';
  let dataDir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-lockfile-'));
    dataDir = join(dir, 'data');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writeLock = (holder: object) => writeFileSync(lockFileFor(dataDir), JSON.stringify(holder));
  /** The pid of a process that has ended. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

  it('writes pid, command and start time, refuses a second lock, and removes the file on release', () => {
    const lock = lockDataDir(dataDir);
    const holder = JSON.parse(readFileSync(lock.file, 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    expect(holder.command).toMatch(/^sibi/);
    expect(Date.parse(holder.startedAt)).not.toBeNaN();
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    lock.note('http://127.0.0.1:3000');
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).url).toBe('http://127.0.0.1:3000');
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    lockDataDir(dataDir).release();
  });

  it('refuses while the holder runs, naming its pid and command', () => {
    writeLock({
      pid: process.ppid,
      command: 'sibi serve --port 3000',
      startedAt: new Date().toISOString(),
      host: hostname(),
    });
    try {
      lockDataDir(dataDir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message).toContain(`进程号 ${process.ppid}（sibi serve --port 3000`);
      expect((error as Error).message).toContain('sibi import <类型> <文件> --server');
    }
  });

  it('takes over a lock whose process is gone, or whose pid now belongs to a younger process', () => {
    writeLock({
      pid: deadPid(),
      command: 'sibi import deals x.csv',
      startedAt: new Date().toISOString(),
      host: hostname(),
    });
    lockDataDir(dataDir).release();
    // pid 1 started after this (made-up) lock of 2000 was written: the pid was reused, the lock is stale.
    writeLock({ pid: 1, command: 'sibi serve', startedAt: '2000-01-01T00:00:00Z', host: hostname() });
    lockDataDir(dataDir).release();
  });

  it('takes over a torn lock file once it is older than 2 s; refuses one from another host', () => {
    writeFileSync(lockFileFor(dataDir), '{"pid":');
    const old = new Date(Date.now() - 10_000);
    utimesSync(lockFileFor(dataDir), old, old);
    lockDataDir(dataDir).release();
    writeLock({
      pid: deadPid(),
      command: 'sibi serve',
      startedAt: new Date().toISOString(),
      host: 'other-host',
    });
    expect(() => lockDataDir(dataDir)).toThrow(/另一台主机/);
  });
});
