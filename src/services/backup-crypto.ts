// The cryptography of a backup file, node:crypto only.
//
// Signing: HMAC-SHA256 with the configured key over every line of the backup's text before the
// signature line (header, tables, rows, end lines, completion line); the key is named in the header
// by an id derived from it (never the key), so a restore with another key says so.
//
// Encryption: the gzip stream sealed with AES-256-GCM; key from the passphrase with scrypt and a
// random salt, random 96-bit nonce, the plain first line (the envelope: parameters, salt, nonce) as
// additional authenticated data, the 16-byte tag at the end of the file. The envelope also holds a
// check value derived with the key (not from it), so a wrong passphrase is told apart from a
// damaged file at once.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  type DecipherGCM,
  type Hmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { Transform } from 'node:stream';
import { z } from 'zod';

export const SIGNATURE_ALGORITHM = 'hmac-sha256';

/** Names a signing key without revealing it. */
export const keyIdOf = (key: Buffer): string =>
  createHmac('sha256', key).update('sibi-backup-key-id').digest('hex').slice(0, 16);

export const signer = (key: Buffer): Hmac => createHmac('sha256', key);

/** Whether `given` (hex, from the file) is the digest `expected`, compared in constant time. */
export function sameDigest(given: unknown, expected: Buffer): boolean {
  if (typeof given !== 'string' || !/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}

export const ENCRYPTED_FORMAT = 'sibi-backup-encrypted';
export const CIPHER = 'aes-256-gcm';
export const TAG_BYTES = 16;
/** scrypt cost written into new files: 32 MiB and about 0.1 s per derivation. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };

export const envelopeSchema = z.object({
  format: z.literal(ENCRYPTED_FORMAT),
  formatVersion: z.literal(1),
  cipher: z.literal(CIPHER),
  kdf: z.object({
    name: z.literal('scrypt'),
    // Bounded, so a crafted file cannot make the reader allocate gigabytes.
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'N 须为 2 的幂'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/),
  }),
  nonce: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
  check: z.string().regex(/^[0-9a-f]{16}$/),
});

export type Envelope = z.infer<typeof envelopeSchema>;

interface DerivedKeys {
  cipher: Buffer;
  check: string;
}

async function derive(passphrase: Buffer, kdf: Envelope['kdf']): Promise<DerivedKeys> {
  const { N, r, p } = kdf;
  const bytes = await new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase, Buffer.from(kdf.salt, 'base64'), 64, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  return { cipher: bytes.subarray(0, 32), check: bytes.subarray(32, 40).toString('hex') };
}

/** A transform that writes the envelope line, then the sealed input, then the tag. */
export async function encryptingStream(passphrase: Buffer): Promise<Transform> {
  const kdf = { name: 'scrypt' as const, ...SCRYPT, salt: randomBytes(16).toString('base64') };
  const nonce = randomBytes(12);
  const keys = await derive(passphrase, kdf);
  const envelope: Envelope = {
    format: ENCRYPTED_FORMAT,
    formatVersion: 1,
    cipher: CIPHER,
    kdf,
    nonce: nonce.toString('base64'),
    check: keys.check,
  };
  const line = Buffer.from(`${JSON.stringify(envelope)}\n`);
  const cipher = createCipheriv(CIPHER, keys.cipher, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(line);
  let started = false;
  const start = (stream: Transform) => {
    if (!started) stream.push(line);
    started = true;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      start(this);
      done(null, cipher.update(chunk));
    },
    flush(done) {
      start(this);
      done(null, Buffer.concat([cipher.final(), cipher.getAuthTag()]));
    },
  });
}

/** Why an encrypted file cannot be read: a message for `rejectFile`. */
export class DecryptionRefused extends Error {
  override name = 'DecryptionRefused';
}

/**
 * The plain bytes of an encrypted file as they stream. The bytes are not authenticated until the
 * generator ends: a reader must not act on them before then (a restore reads the whole file once
 * before it writes anything). Ends with DecryptionRefused if the tag does not match.
 */
export async function* decryptedChunks(
  chunks: AsyncIterable<Buffer>,
  passphrase: Buffer | undefined,
): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  let decipher: DecipherGCM | undefined;
  for await (const chunk of chunks) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    if (!decipher) {
      const end = pending.indexOf(0x0a);
      if (end < 0) {
        if (pending.length > 4096) throw new DecryptionRefused('加密文件的第 1 行过长，文件已损坏');
        continue;
      }
      decipher = await opened(pending.subarray(0, end + 1), passphrase);
      pending = pending.subarray(end + 1);
    }
    if (pending.length > TAG_BYTES) {
      const plain = decipher.update(pending.subarray(0, pending.length - TAG_BYTES));
      pending = Buffer.from(pending.subarray(pending.length - TAG_BYTES));
      if (plain.length) yield plain;
    }
  }
  if (!decipher) throw new DecryptionRefused('加密文件不完整（没有加密内容）');
  if (pending.length < TAG_BYTES) throw new DecryptionRefused('加密文件不完整（被截断）');
  decipher.setAuthTag(pending);
  let last: Buffer;
  try {
    last = decipher.final();
  } catch {
    throw new DecryptionRefused('加密内容的认证标签不符：文件被截断或改动过，未恢复任何内容');
  }
  if (last.length) yield last;
}

async function opened(line: Buffer, passphrase: Buffer | undefined): Promise<DecipherGCM> {
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch {
    throw new DecryptionRefused('加密文件的第 1 行不是有效的 JSON，文件已损坏');
  }
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DecryptionRefused(`加密文件的第 1 行不完整：${issue.path.join('.')} ${issue.message}`);
  }
  if (!passphrase) {
    throw new DecryptionRefused(
      '是加密的备份，但未配置加密口令（SIBI_BACKUP_PASSPHRASE 或 SIBI_BACKUP_PASSPHRASE_FILE）',
    );
  }
  const envelope = parsed.data;
  const keys = await derive(passphrase, envelope.kdf);
  if (!timingSafeEqual(Buffer.from(keys.check), Buffer.from(envelope.check))) {
    throw new DecryptionRefused('加密口令不符（SIBI_BACKUP_PASSPHRASE 不是加密这个备份时的口令）');
  }
  const decipher = createDecipheriv(CIPHER, keys.cipher, Buffer.from(envelope.nonce, 'base64'), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(line);
  return decipher;
}
