// Slow salted password hashing with scrypt (security.md: passwords; ASVS 2.4.1). The cost
// parameters travel with each hash, so raising them later does not break stored hashes.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** The cost of a new hash: scrypt with N = 2^15 (32 MiB, about 0.1 s on an idle core). */
export const PRODUCTION_SCRYPT_N = 2 ** 15;

/**
 * The N of new hashes. Tests only: `SIBI_TEST_SCRYPT_N` (a power of two from 1024 up) lowers it
 * inside a Vitest run (`VITEST=true`, which Vitest sets in its workers and their child processes), so
 * the database tier's hundreds of accounts and sign-ins do not each pay a production hash
 * (docs/development.md). Anywhere else the variable is refused: the process stops here, before any
 * hash is made, so a server can never be started with weak hashes by setting it.
 */
export function scryptCost(env: Record<string, string | undefined> = process.env): number {
  const knob = env.SIBI_TEST_SCRYPT_N;
  if (!knob) return PRODUCTION_SCRYPT_N;
  if (env.VITEST !== 'true' || env.NODE_ENV === 'production')
    throw new Error('SIBI_TEST_SCRYPT_N is for the test suite only (a Vitest run): unset it');
  const n = Number(knob);
  if (!Number.isInteger(n) || n < 1024 || n > PRODUCTION_SCRYPT_N || (n & (n - 1)) !== 0)
    throw new Error(`SIBI_TEST_SCRYPT_N must be a power of two from 1024 to ${PRODUCTION_SCRYPT_N}: ${knob}`);
  return n;
}

export const SCRYPT = { N: scryptCost(), r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

function derive(
  password: string,
  salt: Buffer,
  N: number,
  r: number,
  p: number,
  keyLength: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await derive(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64');
  const key = await derive(
    password,
    Buffer.from(saltText, 'base64'),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  );
  return timingSafeEqual(key, expected);
}

// Unknown usernames still cost one scrypt, so response time does not reveal which accounts exist.
let dummy: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword(randomBytes(12).toString('hex'));
  await verifyPassword(password, await dummy);
}
