// A download written to a file first (an .xlsx can only be streamed from a finished file): the file
// goes to a private temp folder, is streamed to the client, and the folder is removed once sent or
// once writing fails.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { attachment } from './attachment';

export async function sendWrittenFile(
  reply: FastifyReply,
  file: { name: string; contentType: string },
  write: (path: string) => Promise<unknown>,
): Promise<FastifyReply> {
  const dir = await mkdtemp(join(tmpdir(), 'sibi-download-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'file');
  await write(path).catch(async (error: unknown) => {
    await removeDir();
    throw error;
  });
  const stream = createReadStream(path).on('close', () => void removeDir());
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachment(file.name))
    .send(stream);
}
