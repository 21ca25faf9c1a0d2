import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totp } from './totp';

// RFC 6238 appendix B: the seeds are ASCII "1234567890" repeated to the hash's key length.
const SEEDS = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP', () => {
  it.each(VECTORS)('matches the RFC 6238 vectors at T=%i', (seconds, sha1, sha256, sha512) => {
    const time = new Date(seconds * 1000);
    expect(totp(base32Encode(SEEDS.sha1), time, 8, 'sha1')).toBe(sha1);
    expect(totp(base32Encode(SEEDS.sha256), time, 8, 'sha256')).toBe(sha256);
    expect(totp(base32Encode(SEEDS.sha512), time, 8, 'sha512')).toBe(sha512);
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const codes = Array.from({ length: 10 }, (_, i) => hotp(SEEDS.sha1, i));
    expect(codes).toEqual([
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ]);
  });

  it('round-trips base32 and accepts one step of drift only', () => {
    const secret = base32Encode(SEEDS.sha1);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(secret)).toEqual(SEEDS.sha1);
    const now = new Date(1_600_000_000_000);
    const code = totp(secret, now);
    expect(matchTotp(secret, code, new Date(now.getTime() + 30_000))).toBe(Math.floor(1_600_000_000 / 30));
    expect(matchTotp(secret, code, new Date(now.getTime() + 90_000))).toBeNull();
    expect(matchTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('writes the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('ABC', 'admin')).toBe(
      'otpauth://totp/sibi%20%E5%9B%9B%E6%AF%94%3Aadmin?secret=ABC&issuer=sibi+%E5%9B%9B%E6%AF%94&algorithm=SHA1&digits=6&period=30',
    );
  });
});
