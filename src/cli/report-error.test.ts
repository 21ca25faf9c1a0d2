// Issue #14 low item: the CLI never prints "错误：null" — a thrown non-Error (null, undefined, a plain
// object, as a closing database driver may throw) is reported as such, and an error's cause is named.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT_REJECTED, reportError } from './run';

function stderrOf(error: unknown): { text: string; code: number } {
  let text = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    text += String(chunk);
    return true;
  });
  try {
    const code = reportError(error);
    return { text, code };
  } finally {
    spy.mockRestore();
  }
}

describe('reportError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never prints a bare null or undefined', () => {
    for (const thrown of [null, undefined, '', {}]) {
      const { text, code } = stderrOf(thrown);
      expect(text, String(thrown)).not.toMatch(/错误：(null|undefined|\{\}|)\n/);
      expect(text).toContain('非错误值');
      expect(code).toBe(EXIT_REJECTED);
    }
  });

  it('names the cause of an error, and of a thrown object', () => {
    const wrapped = new Error('导入中断', { cause: new Error('Client was closed') });
    expect(stderrOf(wrapped).text).toBe('错误：导入中断（原因：Client was closed）\n');
    const { text } = stderrOf({ message: '', cause: null, code: 'XX000' });
    expect(text).toContain('XX000');
  });
});
