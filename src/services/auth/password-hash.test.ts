// The test-only scrypt knob (SIBI_TEST_SCRYPT_N): honoured only inside a Vitest run, refused anywhere
// else, and never above the production cost.
import { describe, expect, it } from 'vitest';
import { hashPassword, PRODUCTION_SCRYPT_N, scryptCost, verifyPassword } from './password-hash';

describe('scrypt cost', () => {
  it('is the production cost without the knob, in a test run or not', () => {
    expect(PRODUCTION_SCRYPT_N).toBe(32768);
    expect(scryptCost({})).toBe(32768);
    expect(scryptCost({ VITEST: 'true' })).toBe(32768);
  });

  it('is lowered by SIBI_TEST_SCRYPT_N inside a Vitest run only', () => {
    expect(scryptCost({ VITEST: 'true', SIBI_TEST_SCRYPT_N: '1024' })).toBe(1024);
    for (const env of [
      { SIBI_TEST_SCRYPT_N: '1024' },
      { VITEST: '1', SIBI_TEST_SCRYPT_N: '1024' },
      { VITEST: 'true', NODE_ENV: 'production', SIBI_TEST_SCRYPT_N: '1024' },
    ]) {
      expect(() => scryptCost(env), JSON.stringify(env)).toThrow(/test suite only/);
    }
  });

  it('refuses a value that is not a power of two from 1024 to the production cost', () => {
    for (const value of ['512', '1000', '65536', 'abc', '1e3']) {
      expect(() => scryptCost({ VITEST: 'true', SIBI_TEST_SCRYPT_N: value }), value).toThrow(/power of two/);
    }
  });

  it('verifies a hash by the cost stored in it, whatever the cost of new hashes', async () => {
    const hash = await hashPassword('Luoyang-Peony9');
    const cheap = hash.replace(/^scrypt\$\d+\$/, 'scrypt$1024$');
    // the same salt and key under another N: the stored N is what verification uses
    expect(await verifyPassword('Luoyang-Peony9', cheap)).toBe(false);
    expect(await verifyPassword('Luoyang-Peony9', hash)).toBe(true);
  });
});
