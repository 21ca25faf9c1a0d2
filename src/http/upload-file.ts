// One uploaded file (multipart field `file`), saved to a private temp folder under a name that keeps
// only its extension (the user's name never becomes a path), handed to `work`, and removed after.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { UsageError } from '../services/errors';
import { UPLOAD_LIMIT_BYTES, UploadTooLargeError } from './upload-limit';

/** The name users see in messages: the file's own name, without any path, bounded. */
export const uploadDisplayName = (name: string) => basename(name.replace(/\\/g, '/')).slice(-100) || 'upload';

export async function withUploadedFile<T>(
  request: FastifyRequest,
  work: (path: string, file: string) => Promise<T>,
): Promise<T> {
  const part = await request.file({ limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1 } });
  if (!part) throw new UsageError('请以 multipart/form-data 上传文件（字段 file）');
  const file = uploadDisplayName(part.filename);
  const dir = await mkdtemp(join(tmpdir(), 'sibi-upload-'));
  try {
    const path = join(
      dir,
      `upload${extname(file)
        .toLowerCase()
        .replace(/[^.a-z]/g, '')}`,
    );
    await pipeline(part.file, createWriteStream(path));
    if (part.file.truncated) throw new UploadTooLargeError();
    return await work(path, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
