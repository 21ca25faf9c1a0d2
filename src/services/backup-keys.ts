// The backup secrets, from the environment like the rest of sibi's configuration
// (docs/operations.md → 备份与恢复): each either in a variable or in a file a variable names
// (for secret stores and systemd credentials, and to keep it out of `ps e` and shell history).
//
//   SIBI_BACKUP_KEY / SIBI_BACKUP_KEY_FILE                 the signing key (HMAC-SHA256)
//   SIBI_BACKUP_PASSPHRASE / SIBI_BACKUP_PASSPHRASE_FILE   the encryption passphrase (AES-256-GCM)
import { readFileSync } from 'node:fs';
import { UsageError } from './errors';

export interface BackupSecrets {
  /** Signs new backups and verifies backups before a restore. */
  signingKey?: Buffer;
  /** Encrypts new backups when set; decrypts encrypted ones. */
  passphrase?: Buffer;
}

/** A signing key shorter than this is refused (`openssl rand -hex 32` makes 64 characters). */
export const MIN_KEY_CHARS = 32;
/** scrypt slows guessing, but a short passphrase is still guessed. */
export const MIN_PASSPHRASE_CHARS = 16;

export function backupSecretsFromEnv(env: NodeJS.ProcessEnv = process.env): BackupSecrets {
  const signingKey = secret(env, 'SIBI_BACKUP_KEY', '签名密钥', MIN_KEY_CHARS);
  const passphrase = secret(env, 'SIBI_BACKUP_PASSPHRASE', '加密口令', MIN_PASSPHRASE_CHARS);
  return { ...(signingKey ? { signingKey } : {}), ...(passphrase ? { passphrase } : {}) };
}

function secret(env: NodeJS.ProcessEnv, name: string, what: string, min: number): Buffer | undefined {
  const direct = env[name]?.trim() || undefined;
  const fileName = env[`${name}_FILE`]?.trim() || undefined;
  if (direct && fileName) throw new UsageError(`${name} 与 ${name}_FILE 只能设置一个`);
  let text = direct;
  if (fileName) {
    try {
      // One trailing newline (echo, an editor) is not part of the key; other whitespace is.
      text = readFileSync(fileName, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new UsageError(
        `备份${what}文件 ${fileName}（${name}_FILE）无法读取：${(error as Error).message}`,
      );
    }
  }
  if (text === undefined) return undefined;
  if ([...text].length < min) {
    throw new UsageError(
      `备份${what}（${fileName ? `${name}_FILE` : name}）太短：至少 ${min} 个字符（可用 openssl rand -hex 32 生成）`,
    );
  }
  return Buffer.from(text, 'utf8');
}
