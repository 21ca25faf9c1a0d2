// A generated download: written to a private temp folder (an .xlsx can only be streamed from a
// finished file), streamed, and the folder removed once sent or once writing fails. Every download's
// content type is here.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { attachment } from './attachment';

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
} as const;

export async function sendGeneratedFile(
  reply: FastifyReply,
  name: string,
  format: keyof typeof CONTENT_TYPES,
  write: (path: string) => Promise<unknown>,
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
