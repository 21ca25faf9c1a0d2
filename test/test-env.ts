/**
 * Tests only: new password hashes at scrypt N = 1024 instead of 32768 (src/services/auth/password-hash.ts,
 * refused outside a Vitest run). Hundreds of test accounts and sign-ins each paid a production hash:
 * 0.1 s on an idle core, about a second on the shared machine. Given to the db and browser tiers
 * (vitest.config.ts) and to the loader of the browser tier's demo database (its demo accounts); the
 * unit tier keeps the production cost, which its test of the hash format checks.
 */
export const CHEAP_HASHES = { SIBI_TEST_SCRYPT_N: '1024' };
