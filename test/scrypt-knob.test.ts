// The test-only scrypt knob is refused by a real `sibi` outside a Vitest run: a server started with
// SIBI_TEST_SCRYPT_N stops before it opens anything (src/services/auth/password-hash.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sibi } from './helpers/run-sibi';

it('refuses to serve with SIBI_TEST_SCRYPT_N set outside a test run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sibi-knob-'));
  try {
    const run = await sibi(['serve', '--port', '0'], {
      SIBI_DATA_DIR: join(dir, 'data'),
      SIBI_TEST_SCRYPT_N: '1024',
      VITEST: '',
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('SIBI_TEST_SCRYPT_N is for the test suite only');
    expect(run.stderr).not.toContain('sibi 已启动');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
