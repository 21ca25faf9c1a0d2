// A generated download: written to a private temp folder, streamed, and removed once sent.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { attachment } from './attachment';

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export async function sendGeneratedFile(
  reply: FastifyReply,
  name: string,
  format: keyof typeof CONTENT_TYPES,
  write: (path: string) => Promise<void>,
): Promise<FastifyReply> {
  const dir = await mkdtemp(join(tmpdir(), 'sibi-export-'));
  const path = join(dir, `export.${format}`);
  try {
    await write(path);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const stream = createReadStream(path);
  stream.on('close', () => void rm(dir, { recursive: true, force: true }));
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', attachment(name))
    .send(stream);
}
